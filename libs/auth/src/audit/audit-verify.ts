/**
 * Verifies the audit logs in a database from outside the services: finds every
 * schema with an audit_log table and walks each chain in id order.
 */
import { quoteIdentifier } from '@crosscheck/persistence';
import type { Client } from 'pg';
import { AuditAnchor, AuditChainReport, AuditChainWalk } from './audit-chain';
import { readAuditLines } from './audit-chain.reader';

export type AuditLogVerdict =
  { schema: string; chained: true; report: AuditChainReport } | { schema: string; chained: false };

/** Every schema holding an audit_log table, and whether its service has run the migration that chains it. */
export async function auditLogSchemas(client: Client): Promise<{ schema: string; chained: boolean }[]> {
  const { rows } = await client.query<{ schema: string; chained: boolean }>(
    `SELECT t.table_schema AS schema,
            EXISTS (SELECT 1 FROM information_schema.columns c
                     WHERE c.table_schema = t.table_schema AND c.table_name = 'audit_log'
                       AND c.column_name = 'hash') AS chained
       FROM information_schema.tables t
      WHERE t.table_name = 'audit_log' AND t.table_type = 'BASE TABLE'
      ORDER BY t.table_schema`,
  );
  return rows;
}

/** `anchors` are lines of this schema recorded elsewhere earlier: each must still be there with its hash. */
export async function verifyAuditLog(
  client: Client,
  schema: string,
  chained: boolean,
  anchors: AuditAnchor[] = [],
): Promise<AuditLogVerdict> {
  if (!chained) return { schema, chained: false };
  const walk = new AuditChainWalk(anchors);
  const run = async (sql: string, parameters: unknown[]) => (await client.query(sql, parameters)).rows;
  // One snapshot for the whole walk, page after page: the log as it stood at one moment.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for await (const line of readAuditLines(run, `${quoteIdentifier(schema)}.audit_log`)) walk.add(line);
  } finally {
    await client.query('COMMIT');
  }
  return { schema, chained: true, report: walk.report() };
}
