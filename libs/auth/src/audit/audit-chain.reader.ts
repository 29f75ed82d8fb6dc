/**
 * Reads stored audit lines in id order, a page at a time, with every field as
 * the chain hashes it: `at` to the microsecond, ids as decimal text.
 */
import type { StoredAuditLine } from './audit-chain';

/** Runs one statement and answers its rows: an EntityManager's `query`, or a pg client's wrapped. */
export type RunQuery = (sql: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>;

/** A timestamptz as the chain encodes it: ISO-8601 UTC to the microsecond, whatever the session's time zone. */
export function chainedAt(expression: string): string {
  return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const PAGE = 5000;

/** `table` is a trusted, already quoted name: `audit_log` within a service, `"intake".audit_log` from outside. */
export async function* readAuditLines(
  run: RunQuery,
  table: string,
  which: 'all' | 'unchained' = 'all',
): AsyncGenerator<StoredAuditLine> {
  let after = '0';
  for (;;) {
    const rows = await run(
      // Ordered by the stored bigint, not by the text it is answered as.
      `SELECT line.id::text AS id, ${chainedAt('line.at')} AS at, agency, key_id, action, record_ids, outcome, status,
              trace_id, detail, prev_hash, hash
         FROM ${table} AS line
        WHERE line.id > $1::bigint ${which === 'unchained' ? 'AND line.hash IS NULL' : ''}
        ORDER BY line.id LIMIT ${PAGE}`,
      [after],
    );
    for (const row of rows) yield lineOf(row);
    if (rows.length < PAGE) return;
    after = String(rows[rows.length - 1].id);
  }
}

function lineOf(row: Record<string, unknown>): StoredAuditLine {
  return {
    id: row.id as string,
    at: row.at as string,
    agency: row.agency as string | null,
    keyId: row.key_id as string | null,
    action: row.action as string,
    recordIds: row.record_ids as string[],
    outcome: row.outcome as string,
    status: row.status as number,
    traceId: row.trace_id as string | null,
    detail: row.detail as string | null,
    prevHash: row.prev_hash as string | null,
    hash: row.hash as string | null,
  };
}
