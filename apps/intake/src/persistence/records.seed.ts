/**
 * Seeds intake's tables with records as if agencies had shared them, for
 * benchmarks that need a large store present; the service never calls it.
 * intake owns it because it owns the tables: a benchmark hands it the rows.
 * Each record gets the `record.share` audit line intake writes when it
 * accepts one, chained on from the log's newest line under the log's lock.
 */
import { randomBytes } from 'node:crypto';
import { auditLineHash, GENESIS_HASH, type ChainedAuditFields } from '@crosscheck/auth';
import type { Client } from 'pg';

/** Person records with empty content, disseminated to all, and their audit lines; ids and refs pair up by position. */
export async function seedSharedRecords(
  db: Pick<Client, 'query'>,
  records: { owner: string; recordId: string[]; externalRef: string[] },
): Promise<void> {
  await db.query(
    `INSERT INTO intake.records (record_id, owner, external_ref, kind, version, content, content_hash, dissemination,
                                 reported_at, expires_at, created_at, updated_at)
     SELECT r.record_id, $3, r.external_ref, 'person', 1, '{}', md5(r.external_ref), '{"scope":"all"}',
            now(), now() + interval '5 years', now(), now()
       FROM unnest($1::uuid[], $2::text[]) AS r (record_id, external_ref)`,
    [records.recordId, records.externalRef, records.owner],
  );
  await db.query('BEGIN');
  try {
    await db.query("SELECT pg_advisory_xact_lock(hashtext('crosscheck.audit.intake'))");
    const [head] = (await db.query('SELECT id, hash FROM intake.audit_log ORDER BY id DESC LIMIT 1')).rows;
    let prevHash: string = head?.hash ?? GENESIS_HASH;
    let id = BigInt(head?.id ?? 0);
    const columns: string[][] = [[], [], [], [], [], []];
    const started = Date.now() - records.recordId.length;
    for (const recordId of records.recordId) {
      id += 1n;
      const line: ChainedAuditFields = {
        id: String(id),
        at: new Date(started + Number(id)).toISOString().replace('Z', '000Z'),
        agency: records.owner,
        keyId: 'seed',
        action: 'record.share',
        recordIds: [recordId],
        outcome: 'ok',
        status: 201,
        traceId: randomBytes(16).toString('hex'),
        detail: null,
      };
      const hash = auditLineHash(prevHash, line);
      [line.id, line.at, recordId, line.traceId!, prevHash, hash].forEach((value, column) =>
        columns[column].push(value),
      );
      prevHash = hash;
    }
    await db.query(
      `INSERT INTO intake.audit_log (id, at, agency, key_id, action, record_ids, outcome, status, trace_id, detail, prev_hash, hash)
       SELECT l.id, l.at, $7, 'seed', 'record.share', ARRAY[l.record_id], 'ok', 201, l.trace_id, NULL, l.prev_hash, l.hash
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[])
              AS l(id, at, record_id, trace_id, prev_hash, hash)`,
      [...columns, records.owner],
    );
    await db.query(`SELECT setval(pg_get_serial_sequence('intake.audit_log', 'id'), $1)`, [String(id)]);
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
