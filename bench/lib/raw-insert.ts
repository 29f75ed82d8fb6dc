/**
 * Plain bulk inserts into Postgres, as a baseline for a service's own write
 * path: multi-row INSERT statements (as many rows per statement as the
 * 65,535 bound-parameter limit allows, or fewer) and COPY FROM STDIN
 * (pg-copy-streams). The statements and the COPY text are prepared first, so
 * that a timed run measures Postgres and the wire, not string building.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value as sent: text (timestamps as ISO strings, JSON as text), a number, a boolean or NULL. */
export type SqlValue = string | number | boolean | null;

export const MAX_BIND_PARAMETERS = 65_535;

export interface PreparedInsert {
  text: string;
  values: SqlValue[];
  rows: number;
}

/** INSERT statements of at most `rowsPerStatement` rows (capped by the bind-parameter limit). */
export function prepareMultiRowInserts(
  table: string,
  columns: string[],
  rows: SqlValue[][],
  rowsPerStatement = Number.POSITIVE_INFINITY,
): PreparedInsert[] {
  const perStatement = Math.min(rowsPerStatement, Math.floor(MAX_BIND_PARAMETERS / columns.length));
  const statements: PreparedInsert[] = [];
  for (let first = 0; first < rows.length; first += perStatement) {
    const chunk = rows.slice(first, first + perStatement);
    const tuples: string[] = new Array(chunk.length);
    const values: SqlValue[] = [];
    chunk.forEach((row, index) => {
      const at = index * columns.length;
      tuples[index] = `(${row.map((_, column) => `$${at + column + 1}`).join(',')})`;
      values.push(...row);
    });
    statements.push({
      text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',')}`,
      values,
      rows: chunk.length,
    });
  }
  return statements;
}

/** Runs the statements one after another, each in its own (auto-committed) transaction. */
export async function runInserts(client: Client, statements: PreparedInsert[]): Promise<number> {
  let inserted = 0;
  for (const statement of statements) inserted += (await client.query(statement.text, statement.values)).rowCount ?? 0;
  return inserted;
}

/** The rows as COPY text format, in buffers of about `chunkBytes`. */
export function prepareCopyText(rows: SqlValue[][], chunkBytes = 1 << 20): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const row of rows) {
    const line = `${row.map(copyField).join('\t')}\n`;
    lines.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      chunks.push(Buffer.from(lines.join(''), 'utf8'));
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) chunks.push(Buffer.from(lines.join(''), 'utf8'));
  return chunks;
}

/** One `COPY table (columns) FROM STDIN` of the prepared text; returns the rows copied. */
export async function copyInto(client: Client, table: string, columns: string[], chunks: Buffer[]): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks), stream);
  return stream.rowCount;
}

const COPY_SPECIAL = /[\\\n\r\t]/;

function copyField(value: SqlValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return COPY_SPECIAL.test(value)
    ? value.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)
    : value;
}
