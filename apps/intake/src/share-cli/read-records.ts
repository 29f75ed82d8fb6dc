/**
 * Reading a file of records for the share CLI, NDJSON or CSV, as a stream:
 * one item at a time, in file order, each with the line it starts on, so that
 * a file of millions of lines never sits in memory. A line or row that cannot
 * be read (bad JSON, a JSON value that is not an object, a CSV row that does
 * not parse or has the wrong number of fields) is an `unreadable` item, kept
 * in order with the rest and never sent. Blank lines are skipped but counted.
 *
 * CSV rows are cut on physical lines, a row running on while a quoted field
 * is open (an odd number of `"` so far), then parsed by csv-parse a few
 * hundred rows at a time, falling back to one row at a time around a bad one,
 * so that a stray quote costs that row only. A quoted field still open after
 * 100 lines (or 1 MiB) or at the end of the file rejects the line that opened
 * it, and reading resumes on the next line. The mapping from cells to a
 * record is csv-records.ts's.
 */
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { compileCsvHeader, CsvColumn, CsvHeaderError, csvRowToRecord } from './csv-records';

export type RecordFormat = 'ndjson' | 'csv';

export type SourceItem =
  | { type: 'record'; line: number; record: Record<string, unknown> }
  | {
      type: 'unreadable';
      line: number;
      code: 'malformed_json' | 'malformed_csv' | 'validation_failed';
      reason: string;
      text: string;
      externalRef?: string;
    };

export interface SourceLine {
  line: number;
  text: string;
}

const CSV_GROUP = 256;
const CSV_MAX_RECORD_LINES = 100;
const CSV_MAX_RECORD_CHARS = 1 << 20;
const CSV_OPTIONS = { relax_column_count: true, trim: true, skip_empty_lines: false } as const;

/** The format a file's extension names, if it names one. */
export function formatOf(file: string): RecordFormat | undefined {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  return undefined;
}

/** The file's items, streamed. A CSV header that cannot describe a record throws CsvHeaderError on the first read. */
export function readRecords(file: string, format: RecordFormat): AsyncGenerator<SourceItem> {
  const chunks = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>;
  return format === 'csv' ? readCsv(chunks) : readNdjson(chunks);
}

/** Physical lines, numbered from 1, without their `\n` or `\r\n`; a BOM at the start is dropped. */
export async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<SourceLine> {
  let buffer = '';
  let started = false;
  let line = 0;
  for await (const chunk of chunks) {
    buffer += !started && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
    started ||= chunk.length > 0;
    let start = 0;
    for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n', start)) {
      yield { line: ++line, text: withoutCr(buffer.slice(start, end)) };
      start = end + 1;
    }
    buffer = buffer.slice(start);
  }
  if (buffer !== '') yield { line: line + 1, text: withoutCr(buffer) };
}

function withoutCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** One record per line in intake's JSON shape. */
export async function* readNdjson(chunks: AsyncIterable<string>): AsyncGenerator<SourceItem> {
  for await (const { line, text } of splitLines(chunks)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield {
        type: 'unreadable',
        line,
        code: 'malformed_json',
        reason: `json: not valid JSON: ${(error as Error).message}`,
        text,
        externalRef: externalRefIn(text),
      };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield {
        type: 'unreadable',
        line,
        code: 'validation_failed',
        reason: `record: must be a JSON object, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
        text,
      };
      continue;
    }
    yield { type: 'record', line, record: value as Record<string, unknown> };
  }
}

/** The externalRef of a line that is not valid JSON, if it can be picked out, to help find the record. */
function externalRefIn(text: string): string | undefined {
  const match = /"externalRef"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text);
  if (!match) return undefined;
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return undefined;
  }
}

/** A header row of dotted paths, then one record per row (see csv-records.ts). */
export async function* readCsv(chunks: AsyncIterable<string>): AsyncGenerator<SourceItem> {
  let columns: CsvColumn[] | undefined;
  let group: SourceLine[] = [];
  for await (const row of csvRows(splitLines(chunks))) {
    if (!columns) {
      if ('unclosed' in row)
        throw new CsvHeaderError(`line ${row.line}: the header row is not valid CSV: a quoted field is not closed`);
      try {
        columns = compileCsvHeader(parseHeader(row));
      } catch (error) {
        throw error instanceof CsvHeaderError && !error.message.startsWith('line ')
          ? new CsvHeaderError(`line ${row.line} (the header): ${error.message}`)
          : error;
      }
      continue;
    }
    if ('unclosed' in row) {
      yield* parseRows(group, columns);
      group = [];
      yield {
        type: 'unreadable',
        line: row.line,
        code: 'malformed_csv',
        reason: `csv: a quoted field opened on this line is not closed (${row.why})`,
        text: row.text,
      };
      continue;
    }
    group.push(row);
    if (group.length >= CSV_GROUP) {
      yield* parseRows(group, columns);
      group = [];
    }
  }
  if (columns) yield* parseRows(group, columns);
}

function parseHeader(row: SourceLine): string[] {
  try {
    const [cells] = parseCsv(row.text, CSV_OPTIONS) as string[][];
    return cells ?? [];
  } catch (error) {
    throw new CsvHeaderError(`line ${row.line}: the header row is not valid CSV: ${(error as Error).message}`);
  }
}

type CsvRow = SourceLine | (SourceLine & { unclosed: true; why: string });

/** Physical lines joined into rows: a row runs on while a quoted field is open. Blank lines between rows are skipped. */
export async function* csvRows(lines: AsyncIterable<SourceLine>): AsyncGenerator<CsvRow> {
  const source = lines[Symbol.asyncIterator]();
  const replay: SourceLine[] = [];
  let open: SourceLine[] = [];
  let quotesOdd = false;
  let chars = 0;
  // An open quote that never closes: reject the line that opened it, read the lines after it afresh.
  const breakOpen = (why: string): CsvRow => {
    const [first, ...after] = open;
    replay.unshift(...after);
    open = [];
    quotesOdd = false;
    chars = 0;
    return { ...first!, unclosed: true, why };
  };
  for (;;) {
    let next = replay.shift();
    if (!next) {
      const read = await source.next();
      if (read.done) {
        if (open.length === 0) return;
        yield breakOpen('the file ends inside it');
        continue;
      }
      next = read.value;
    }
    if (open.length === 0 && next.text.trim() === '') continue;
    open.push(next);
    chars += next.text.length;
    if (countQuotes(next.text) % 2 === 1) quotesOdd = !quotesOdd;
    if (!quotesOdd) {
      yield { line: open[0]!.line, text: open.map((part) => part.text).join('\n') };
      open = [];
      chars = 0;
    } else if (open.length > CSV_MAX_RECORD_LINES || chars > CSV_MAX_RECORD_CHARS) {
      yield breakOpen(`still open after ${open.length} lines`);
    }
  }
}

function countQuotes(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++;
  return count;
}

/** Parses rows together (fast), or one by one when that fails, so that a bad row is the only one lost. */
function* parseRows(rows: SourceLine[], columns: CsvColumn[]): Generator<SourceItem> {
  if (rows.length === 0) return;
  let parsed: string[][] | undefined;
  try {
    parsed = parseCsv(rows.map((row) => row.text).join('\n'), CSV_OPTIONS) as string[][];
  } catch {
    parsed = undefined;
  }
  for (const [position, row] of rows.entries()) {
    let cells = parsed?.length === rows.length ? parsed[position] : undefined;
    if (!cells) {
      try {
        const alone = parseCsv(row.text, CSV_OPTIONS) as string[][];
        if (alone.length !== 1) throw new Error(`holds ${alone.length} rows`);
        cells = alone[0]!;
      } catch (error) {
        yield {
          type: 'unreadable',
          line: row.line,
          code: 'malformed_csv',
          reason: `csv: ${csvMessage(error)}`,
          text: row.text,
        };
        continue;
      }
    }
    if (cells.length !== columns.length) {
      yield {
        type: 'unreadable',
        line: row.line,
        code: 'malformed_csv',
        reason: `row: has ${cells.length} fields but the header has ${columns.length} columns`,
        text: row.text,
      };
      continue;
    }
    yield { type: 'record', line: row.line, record: csvRowToRecord(columns, cells) };
  }
}

/** csv-parse counts lines from the row alone; the row's own line number is the item's. */
function csvMessage(error: unknown): string {
  return (error as Error).message.replace(/ (at|on) line \d+/, '');
}

/**
 * How many items the file holds, for the progress bar: its non-blank lines
 * (less the header for CSV, where a quoted field over several lines makes
 * this a slight overestimate). Reads the file once, 1 MiB at a time.
 */
export async function countItems(file: string, format: RecordFormat): Promise<number> {
  let lines = 0;
  let content = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let at = 0; at < chunk.length; at++) {
      const byte = chunk[at]!;
      if (byte === 0x0a) {
        if (content) lines++;
        content = false;
      } else if (!content && byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) {
        content = true;
      }
    }
  }
  if (content) lines++;
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}
