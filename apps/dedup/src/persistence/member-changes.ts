/**
 * What changed among the members since a snapshot: a batch reads its
 * candidates before it takes its key locks (resolve-batch.service.ts), so the
 * slow part of resolving (reading candidates, scoring them) runs while other
 * batches hold theirs. Once it holds its locks, it asks for the member rows
 * written since it read (migration 1763800000260 stamps each insert and
 * update with its transaction): rows its snapshot did not see, by
 * transactions that have committed since or that are its own. Every writer of
 * a key holds that key's lock until it commits, so when the batch holds its
 * locks, these rows are all there is to add to what it read.
 */
import type { RecordFacts } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { named, ROWS_PER_KEY } from './entities.repository';

/** What the database had committed when a statement ran: Postgres's `pg_snapshot`, as text. */
export type Snapshot = string;

/** A member row written since the snapshot, as it is now: live or not, and the keys it shares with those asked. */
export interface ChangedMember {
  recordId: string;
  /** Null once withdrawn. */
  entityId: string | null;
  kind: string;
  facts: RecordFacts;
  live: boolean;
  /** The keys it shares with those asked, each with how many rows carry it (read as the candidate lookup reads them, at most ROWS_PER_KEY). */
  sharedKeys: { key: string; rows: number }[];
}

export async function currentSnapshot(manager: EntityManager): Promise<Snapshot> {
  const [row]: { snapshot: string }[] = await manager.query('SELECT pg_current_snapshot()::text AS snapshot');
  return row.snapshot;
}

/**
 * The member rows written since `snapshot` that share one of `keys` or are one of `recordIds` (the candidates
 * read then), lower-case ids. Within the transaction's own writes too: call it before the transaction writes members.
 */
export async function membersChangedSince(
  manager: EntityManager,
  snapshot: Snapshot,
  keys: string[],
  recordIds: string[],
): Promise<ChangedMember[]> {
  const rows: {
    record_id: string;
    entity_id: string | null;
    kind: string;
    facts: RecordFacts;
    live: boolean;
    shared_keys: [string, number][];
  }[] = await manager.query(
    named(
      'members-changed-since',
      `SELECT changed.* FROM (
         SELECT m.record_id, m.entity_id, m.kind, m.facts, m.entity_id IS NOT NULL AND m.withdrawn_at IS NULL AS live,
                (SELECT coalesce(json_agg(json_build_array(k.key, (SELECT count(*) FROM (SELECT 1 FROM member_keys c WHERE c.key = k.key LIMIT ${ROWS_PER_KEY}) AS capped))), '[]')
                   FROM member_keys k WHERE k.record_id = m.record_id AND k.key = ANY($2::text[])) AS shared_keys
           FROM entity_members m
          WHERE m.written_by >= pg_snapshot_xmin($1::pg_snapshot)
            AND NOT pg_visible_in_snapshot(m.written_by, $1::pg_snapshot)) AS changed
        WHERE json_array_length(changed.shared_keys) > 0 OR changed.record_id = ANY($3::uuid[])`,
    ),
    [snapshot, keys, recordIds],
  );
  return rows.map((row) => ({
    recordId: row.record_id.toLowerCase(),
    entityId: row.entity_id,
    kind: row.kind,
    facts: row.facts,
    live: row.live,
    sharedKeys: row.shared_keys.map(([key, rows]) => ({ key, rows: Number(rows) })),
  }));
}
