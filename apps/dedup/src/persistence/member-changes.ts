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
import { type RecordFacts, ROWS_PER_KEY } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { named } from './entities.repository';

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
  /** The keys it shares with those asked that the candidate lookup reads (at most ROWS_PER_KEY members), each with its count. */
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
    readable_keys: [string, number][];
  }[] = await manager.query(
    named(
      'members-changed-since',
      // Each changed row with the keys of it the candidate lookup reads, through its record id: the rows written since a
      // snapshot are few, and the batch's keys (a thousand) are matched against theirs here, not by the planner.
      `SELECT changed.*,
              (SELECT coalesce(json_agg(json_build_array(k.key, counted.rows)), '[]')
                 FROM member_keys k JOIN key_counts counted ON counted.key = k.key AND counted.rows <= ${ROWS_PER_KEY}
                WHERE k.record_id = changed.record_id) AS readable_keys
         FROM (SELECT m.record_id, m.entity_id, m.kind, m.facts, m.entity_id IS NOT NULL AND m.withdrawn_at IS NULL AS live
                 FROM entity_members m
                WHERE m.written_by >= pg_snapshot_xmin($1::pg_snapshot)
                  AND NOT pg_visible_in_snapshot(m.written_by, $1::pg_snapshot)) AS changed`,
    ),
    [snapshot],
  );
  const asked = new Set(keys);
  const candidates = new Set(recordIds.map((recordId) => recordId.toLowerCase()));
  return rows
    .map((row) => ({
      recordId: row.record_id.toLowerCase(),
      entityId: row.entity_id,
      kind: row.kind,
      facts: row.facts,
      live: row.live,
      sharedKeys: row.readable_keys
        .filter(([key]) => asked.has(key))
        .map(([key, rows]) => ({ key, rows: Number(rows) })),
    }))
    .filter((member) => member.sharedKeys.length > 0 || candidates.has(member.recordId));
}
