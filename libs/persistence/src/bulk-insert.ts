/**
 * The one way to insert many rows: a table's columns declared once with their
 * Postgres types, and every batch written in one statement, each column sent
 * as one typed array and spread back into rows by `unnest` (a jsonb column as
 * one JSON array, by `jsonb_array_elements`: an array literal of JSON texts
 * costs four times as much to build). A statement has as many parameters as
 * the table has columns however many rows it writes, so it never meets
 * Postgres's 65,535-parameter limit and its text stays the same for every
 * batch size. A single row is a batch of one.
 */
import type { EntityManager } from 'typeorm';

/**
 * The Postgres type of a bulk column. `jsonb` values are given as the values themselves (encoded here; a JSON
 * null is stored as SQL NULL);
 * `bytea` as bytes; an array type (`text[]`) as a JS array, sent as its array literal and cast back.
 */
export type BulkColumnType =
  'uuid' | 'text' | 'int' | 'bigint' | 'real' | 'float8' | 'bool' | 'jsonb' | 'bytea' | 'timestamptz' | 'text[]';

/** A column of the table: its type, and how a row gives its value (null or undefined for SQL NULL). */
export type BulkColumn<Row> = readonly [type: BulkColumnType, value: (row: Row) => unknown];

export interface BulkInsertOptions {
  /** Rows repeated within a batch are written once (`SELECT DISTINCT`). */
  distinct?: boolean;
}

/**
 * A batch of rows as a statement's parameters: one typed array a column,
 * spread back into rows by `select`. `BulkInsert` is built on it; a statement
 * that writes several tables at once (a CTE an insert) uses it directly, one
 * declaration a table, so that its parameters are never listed by hand.
 */
export class BulkRows<Row> {
  readonly names: readonly string[];

  constructor(private readonly columns: Readonly<Record<string, BulkColumn<Row>>>) {
    this.names = Object.keys(columns);
    if (this.names.length === 0) throw new Error('bulk rows: no columns');
  }

  /** How many parameters a batch takes: one a column. */
  get size(): number {
    return this.names.length;
  }

  /** The column list, quoted, in declared order: `("a", "b")` without the brackets. */
  get columnList(): string {
    return this.names.map((name) => `"${name}"`).join(', ');
  }

  /**
   * `SELECT <columns> FROM ROWS FROM (<spreads>) AS <alias>(<columns>)`, the
   * batch's rows; the columns' parameters are numbered from `first`.
   */
  select(first = 1, { distinct = false, alias = 'bulk' }: BulkInsertOptions & { alias?: string } = {}): string {
    const selected = this.names.map((name) => `${selectedAs(this.columns[name][0], `"${name}"`)} AS "${name}"`);
    const spreads = this.names.map((name, index) => spreadOf(this.columns[name][0], first + index));
    return (
      `SELECT ${distinct ? 'DISTINCT ' : ''}${selected.join(', ')}` +
      ` FROM ROWS FROM (${spreads.join(', ')}) AS ${alias}(${this.columnList})`
    );
  }

  /** The batch's parameters: one array a column (a JSON text for jsonb), in declared order. */
  parameters(rows: readonly Row[]): unknown[] {
    return this.names.map((name) => {
      const [type, value] = this.columns[name];
      if (type === 'jsonb') return JSON.stringify(rows.map((row) => value(row) ?? null));
      return rows.map((row) => encode(type, value(row)));
    });
  }
}

/** The same columns, read from a part of a bigger row (a member row's columns from a batch item). */
export function columnsOf<Row, Part>(
  columns: Readonly<Record<string, BulkColumn<Part>>>,
  part: (row: Row) => Part,
): Record<string, BulkColumn<Row>> {
  return Object.fromEntries(
    Object.entries(columns).map(([name, [type, value]]) => [name, [type, (row: Row) => value(part(row))] as const]),
  );
}

/** Declares a batch's columns once, for a statement that spreads them itself. */
export function bulkRows<Row>(columns: Readonly<Record<string, BulkColumn<Row>>>): BulkRows<Row> {
  return new BulkRows(columns);
}

export class BulkInsert<Row> {
  private readonly rows: BulkRows<Row>;
  private readonly head: string;

  constructor(table: string, columns: Readonly<Record<string, BulkColumn<Row>>>, options: BulkInsertOptions = {}) {
    if (Object.keys(columns).length === 0) throw new Error(`bulk insert into ${table}: no columns`);
    this.rows = new BulkRows(columns);
    this.head = `INSERT INTO ${table} (${this.rows.columnList}) ${this.rows.select(1, options)}`;
  }

  /** The statement for a batch; `tail` is what follows it (`ON CONFLICT ...`, `RETURNING ...`). */
  sql(tail = ''): string {
    return tail ? `${this.head} ${tail}` : this.head;
  }

  /** The statement's parameters for a batch: one array a column (a JSON text for jsonb), in declared order. */
  parameters(rows: readonly Row[]): unknown[] {
    return this.rows.parameters(rows);
  }

  /**
   * Writes the rows in one statement and answers what `tail`'s RETURNING gives (nothing without one).
   * No rows, no statement.
   */
  async insert<Returned = never>(manager: EntityManager, rows: readonly Row[], tail = ''): Promise<Returned[]> {
    if (rows.length === 0) return [];
    const returned: unknown = await manager.query(this.sql(tail), this.parameters(rows));
    return Array.isArray(returned) ? (returned as Returned[]) : [];
  }
}

/** Declares a table's bulk insert once, beside the repository that owns the table. */
export function bulkInsert<Row>(
  table: string,
  columns: Readonly<Record<string, BulkColumn<Row>>>,
  options?: BulkInsertOptions,
): BulkInsert<Row> {
  return new BulkInsert(table, columns, options);
}

function isArrayType(type: BulkColumnType): boolean {
  return type.endsWith('[]');
}

/** How a column's parameter becomes rows; ROWS FROM zips the columns' rows in order. */
function spreadOf(type: BulkColumnType, parameter: number): string {
  if (type === 'jsonb') return `jsonb_array_elements($${parameter}::jsonb)`;
  // An array column cannot be an element of a Postgres array parameter: it travels as the text of its literal.
  return `unnest($${parameter}::${isArrayType(type) ? 'text' : type}[])`;
}

function selectedAs(type: BulkColumnType, column: string): string {
  if (type === 'jsonb') return `NULLIF(${column}, 'null'::jsonb)`;
  return isArrayType(type) ? `${column}::${type}` : column;
}

function encode(type: BulkColumnType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'bytea') return Buffer.isBuffer(value) ? value : bytesOf(value);
  if (isArrayType(type)) return arrayLiteral(value);
  return value;
}

function bytesOf(value: unknown): Buffer {
  if (!(value instanceof Uint8Array)) throw new TypeError('a bytea column takes bytes (Buffer or Uint8Array)');
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

/** `{"a","b \"c\""}`: every element quoted, so that commas, braces, quotes and the word NULL stay text. */
function arrayLiteral(value: unknown): string {
  if (!Array.isArray(value)) throw new TypeError('an array column takes an array');
  const elements = value.map((element) =>
    element === null || element === undefined
      ? 'NULL'
      : `"${String(element).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${elements.join(',')}}`;
}
