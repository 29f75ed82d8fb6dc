/**
 * Reference entries from any agency's CSV export: a header row, then one entry
 * per record, its cells put in place by a CsvMapping and then checked exactly
 * as an NDJSON line is. Empty cells are absent fields. An `op` column (mapped,
 * or simply named `op`) makes the file a delta: ADD/MOD/upsert or empty
 * upserts, DEL/remove removes. Records stream through csv-parse one at a time.
 *
 * `line` is the line the record starts on (quoted cells may span lines).
 */
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CsvFieldKind, CsvMapping, CsvTarget, csvTargetsOf, OP_TARGET } from './csv-mapping';
import { ParseContext, ReferenceChange, ReferenceFormatError, rejectedField } from '../../model/reference-change';
import { changeOfLine } from '../../model/reference-line';

const OPS: Record<string, 'upsert' | 'remove'> = {
  add: 'upsert',
  mod: 'upsert',
  upsert: 'upsert',
  del: 'remove',
  remove: 'remove',
};
const LIST_SEPARATOR = ';';

interface CsvInfo {
  lines: number;
  empty_lines: number;
  comment_lines: number;
}

export async function* parseCsv(
  input: NodeJS.ReadableStream,
  context: ParseContext,
  mapping: CsvMapping,
): AsyncIterable<ReferenceChange> {
  let targets: CsvTarget[];
  try {
    targets = csvTargetsOf(mapping, context.dataset);
  } catch (error) {
    (input as Partial<Readable>).destroy?.();
    throw error;
  }
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true });
  // pipeline, not pipe: a failing input fails the parser (and so this loop), and stopping early closes the input.
  pipeline(input, parser, () => undefined);

  let header: string[] | undefined;
  let columns: Map<CsvTarget, number> = new Map();
  let opColumn: number | undefined;
  let lastLine = 0;
  let skippedLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: CsvInfo }>) {
      // csv-parse reports the line a record ends on; it starts after the previous one and any blank lines between.
      const line = lastLine + 1 + (info.empty_lines + info.comment_lines - skippedLines);
      lastLine = info.lines;
      skippedLines = info.empty_lines + info.comment_lines;
      if (!header) {
        header = record;
        ({ columns, opColumn } = columnsOf(header, targets));
        continue;
      }
      if (record.every((cell) => cell === '')) continue;
      if (record.length !== header.length) {
        yield rejectedField(
          line,
          'line',
          'columnCount',
          `has ${record.length} fields where the header has ${header.length}`,
        );
        continue;
      }
      yield changeOfRecord(record, line, targets, columns, opColumn, context);
    }
  } catch (error) {
    if (error instanceof ReferenceFormatError) throw error;
    throw new ReferenceFormatError(`CSV: ${(error as Error).message}`, { cause: error });
  }
  if (!header) throw new ReferenceFormatError('CSV: has no header row');
}

function columnsOf(
  header: string[],
  targets: CsvTarget[],
): { columns: Map<CsvTarget, number>; opColumn: number | undefined } {
  const columns = new Map<CsvTarget, number>();
  for (const target of targets) {
    if (!('column' in target.source)) continue;
    const name = target.source.column;
    const index = header.indexOf(name);
    if (index < 0)
      throw new ReferenceFormatError(
        `CSV mapping: ${target.target}: column ${name} is not in the header (${header.join(', ')})`,
      );
    if (header.indexOf(name, index + 1) >= 0)
      throw new ReferenceFormatError(`CSV mapping: ${target.target}: column ${name} appears twice in the header`);
    columns.set(target, index);
  }
  const opTarget = targets.find((target) => target.target === OP_TARGET);
  const opColumn = opTarget ? columns.get(opTarget) : header.findIndex((name) => name.toLowerCase() === OP_TARGET);
  return { columns, opColumn: opColumn === undefined || opColumn < 0 ? undefined : opColumn };
}

function changeOfRecord(
  record: string[],
  line: number,
  targets: CsvTarget[],
  columns: Map<CsvTarget, number>,
  opColumn: number | undefined,
  context: ParseContext,
): ReferenceChange {
  const opCell = opColumn === undefined ? '' : record[opColumn];
  const op = opCell ? OPS[opCell.toLowerCase()] : 'upsert';
  if (!op) return rejectedField(line, OP_TARGET, 'isIn', 'must be one of ADD, MOD, DEL, upsert, remove');

  const fields: Record<string, unknown> = {};
  const constants: CsvTarget[] = [];
  for (const target of targets) {
    if (target.target === OP_TARGET) continue;
    if (!('column' in target.source)) {
      constants.push(target);
      continue;
    }
    const cell = record[columns.get(target)!];
    if (cell !== '') place(fields, target.path, valueOf(cell, target.kind), true);
  }
  if (op === 'remove') return changeOfLine({ entryId: fields.entryId, op }, line, context);
  // A constant inside a list element (`subject.names.1.alias="true"`) only joins an element some column filled.
  for (const target of constants)
    place(fields, target.path, valueOf((target.source as { value: string }).value, target.kind), false);
  return changeOfLine(withoutHoles(fields), line, context);
}

function valueOf(cell: string, kind: CsvFieldKind): unknown {
  switch (kind) {
    // As the share CLI converts; anything else is left as text, for the validator to name the rule.
    case 'integer':
      return /^[+-]?[0-9]{1,15}$/.test(cell) ? Number(cell) : cell;
    case 'number':
      return /^[+-]?[0-9]{1,15}(\.[0-9]+)?$/.test(cell) ? Number(cell) : cell;
    case 'boolean':
      return /^(true|false)$/i.test(cell) ? cell.toLowerCase() === 'true' : cell;
    case 'list':
      return cell
        .split(LIST_SEPARATOR)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    default:
      return cell;
  }
}

/** Sets `value` at `path`, making objects and arrays on the way, or (createElements false) only inside list elements that exist. */
function place(
  root: Record<string, unknown>,
  path: (string | number)[],
  value: unknown,
  createElements: boolean,
): void {
  let container: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let next = container[key] as Record<string | number, unknown> | undefined;
    if (next === undefined) {
      if (!createElements && typeof key === 'number') return;
      next = (typeof path[i + 1] === 'number' ? [] : {}) as Record<string | number, unknown>;
      container[key] = next;
    }
    container = next;
  }
  container[path[path.length - 1]] = value;
}

/** Lists filled from columns such as ALIAS1, ALIAS2 close up over the empty ones. */
function withoutHoles(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(withoutHoles);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutHoles(item)]));
  return value;
}
