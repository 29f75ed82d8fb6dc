/**
 * What changed among the members since a snapshot: a batch reads its
 * candidates before it takes its key locks (resolve-batch.service.ts), so the
 * slow part of resolving (reading candidates, scoring them) runs while other
 * batches hold theirs. Once it holds its locks, it asks for the member rows
 * written since it read (migration 1763800000260 stamps each insert and
 * update with its transaction): rows its snapshot did not see, by
 * transactions that have committed since or that are its own. Every writer of
 * a key holds that key's lock until it commits, so when the batch holds its
 * locks, these rows are all there is to add to what it read. A row counts for
 * a record of the batch when it shares a key the record's candidate lookup
 * would read now, by the lookup's own rule (entities.repository.ts
 * keysReadOf): a record each of whose keys more than ROWS_PER_KEY members
 * carry reads its rarest alone, and meets through it a twin written since.
 */
import type { RecordFacts } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { keysReadOf, named } from './entities.repository';

/** What the database had committed when a statement ran: Postgres's `pg_snapshot`, as text. */
export type Snapshot = string;

/** A blocking key a member written since shares with a record of the batch, and that record's lookup reads. */
export interface SharedKey {
  key: string;
  /**
   * How many members carry it, less those written since: what the candidates read ahead were ranked by, so that the
   * member ranks among them as the lookup would have ranked it then (a key it made one commoner does not sink it).
   */
  rows: number;
}

/** A member row written since the snapshot, as it is now: live or not, and the keys it shares with those asked. */
export interface ChangedMember {
  recordId: string;
  /** Null once withdrawn. */
  entityId: string | null;
  kind: string;
  facts: RecordFacts;
  live: boolean;
  /**
   * By record asked for (its index): the keys the member shares with it that the record's candidate lookup reads,
   * as it would read them now (libs/resolution keys-read.ts). A record sharing none has no entry.
   */
  sharedKeys: Map<number, SharedKey[]>;
}

export async function currentSnapshot(manager: EntityManager): Promise<Snapshot> {
  const [row]: { snapshot: string }[] = await manager.query('SELECT pg_current_snapshot()::text AS snapshot');
  return row.snapshot;
}

/**
 * The member rows written since `snapshot` that share a key one of the records (each given by its blocking keys)
 * reads, or are one of `recordIds` (the candidates read then), lower-case ids. Within the transaction's own writes
 * too: call it before the transaction writes members.
 */
export async function membersChangedSince(
  manager: EntityManager,
  snapshot: Snapshot,
  recordKeys: string[][],
  recordIds: string[],
): Promise<ChangedMember[]> {
  // Each record's keys are a slice of one array: [first, last], 1-based.
  const bounds: [number, number][] = [];
  let next = 1;
  for (const keys of recordKeys) {
    bounds.push([next, next + keys.length - 1]);
    next += keys.length;
  }
  const rows: {
    record_id: string;
    entity_id: string | null;
    kind: string;
    facts: RecordFacts;
    live: boolean;
    shared_keys: [number, string, number][];
  }[] = await manager.query(
    named(
      'members-changed-since',
      // The rows written since a snapshot are few: only the records sharing a key with them have their keys looked up,
      // and which of those each reads is the candidate lookup's own rule (keysReadOf), over the counts as they are now.
      `WITH changed AS MATERIALIZED (
         SELECT m.record_id, m.entity_id, m.kind, m.facts, m.entity_id IS NOT NULL AND m.withdrawn_at IS NULL AS live
           FROM entity_members m
          WHERE m.written_by >= pg_snapshot_xmin($1::pg_snapshot)
            AND NOT pg_visible_in_snapshot(m.written_by, $1::pg_snapshot)),
       changed_keys AS MATERIALIZED (
         SELECT k.record_id, k.key, count(*) OVER (PARTITION BY k.key) AS written
           FROM member_keys k JOIN changed USING (record_id)),
       asked AS (
         SELECT asked.ordinal - 1 AS record, asked.first, asked.last
           FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS asked(first, last, ordinal)),
       touched AS MATERIALIZED (
         SELECT DISTINCT asked.*
           FROM asked CROSS JOIN LATERAL unnest(($4::text[])[asked.first:asked.last]) AS own(key)
           JOIN changed_keys USING (key)),
       keys_read AS MATERIALIZED (
         SELECT touched.record, read.key, read.rows
           FROM touched CROSS JOIN LATERAL (${keysReadOf('($4::text[])[touched.first:touched.last]')}) AS read),
       shared AS MATERIALIZED (
         SELECT changed_keys.record_id, keys_read.record, keys_read.key,
                greatest(keys_read.rows - changed_keys.written, 0) AS rows_before
           FROM keys_read JOIN changed_keys USING (key))
       SELECT changed.*,
              (SELECT coalesce(json_agg(json_build_array(shared.record, shared.key, shared.rows_before)), '[]')
                 FROM shared WHERE shared.record_id = changed.record_id) AS shared_keys
         FROM changed`,
    ),
    [snapshot, bounds.map(([first]) => first), bounds.map(([, last]) => last), recordKeys.flat()],
  );
  const candidates = new Set(recordIds.map((recordId) => recordId.toLowerCase()));
  return rows
    .map((row) => {
      const sharedKeys = new Map<number, SharedKey[]>();
      for (const [record, key, rows] of row.shared_keys) {
        const shared = sharedKeys.get(record) ?? [];
        shared.push({ key, rows: Number(rows) });
        sharedKeys.set(record, shared);
      }
      return {
        recordId: row.record_id.toLowerCase(),
        entityId: row.entity_id,
        kind: row.kind,
        facts: row.facts,
        live: row.live,
        sharedKeys,
      };
    })
    .filter((member) => member.sharedKeys.size > 0 || candidates.has(member.recordId));
}
