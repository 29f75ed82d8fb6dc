/**
 * Seeds matching's tables as if matching had checked records itself, for
 * benchmarks that need a large store present; the service never calls it.
 * matching owns it because it owns the tables: a benchmark hands it the rows.
 */
import type { Client } from 'pg';

type Queryable = Pick<Client, 'query'>;

/** Person records checked, with no facts; ids pair up by position. */
export async function seedCheckedRecords(
  db: Queryable,
  records: { owner: string; recordId: string[]; entityId: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO matching.checked_records (record_id, entity_id, version, kind, owner, dissemination, facts, record)
     SELECT r.record_id, r.entity_id, 1, 'person', $3, '{"scope":"all"}', '{}', ''::bytea
       FROM unnest($1::uuid[], $2::uuid[]) AS r (record_id, entity_id)`,
    [records.recordId, records.entityId, records.owner],
  );
}

/** A hit (score 0.95) of each record's entity on the notice `entryId`, version 1 of the notices. */
export async function seedNoticeHits(
  db: Queryable,
  hits: { matchId: string[]; recordId: string[]; entityId: string[]; entryId: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO matching.matches (entity_id, dataset, entry_id, match_id, record_id, score, level, features, dataset_version)
     SELECT h.entity_id, 'notices', h.entry_id, h.match_id, h.record_id, 0.95, 'hit', '[]', 1
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS h (match_id, record_id, entity_id, entry_id)`,
    [hits.matchId, hits.recordId, hits.entityId, hits.entryId],
  );
}

/**
 * Drops every event waiting in matching's outbox, and says how many: after a reference load in a
 * benchmark that shares no record, retro-checks have nothing to find, and relaying the load's
 * events would compete with what is measured.
 */
export async function discardOutbox(db: Queryable): Promise<number> {
  return (await db.query('DELETE FROM matching.outbox')).rowCount ?? 0;
}

/**
 * Keeps every `step`th event waiting in matching's outbox and drops the rest, in id order: a
 * benchmark's evenly spread sample of a large load's change events. How many were kept.
 */
export async function thinOutOutbox(db: Queryable, step: number): Promise<number> {
  await db.query('BEGIN');
  try {
    await db.query(
      'CREATE TEMPORARY TABLE kept_changes ON COMMIT DROP AS SELECT * FROM matching.outbox WHERE id % $1 = 0 ORDER BY id',
      [step],
    );
    await db.query('TRUNCATE matching.outbox');
    const kept = (await db.query('INSERT INTO matching.outbox SELECT * FROM kept_changes ORDER BY id')).rowCount ?? 0;
    await db.query('COMMIT');
    return kept;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
