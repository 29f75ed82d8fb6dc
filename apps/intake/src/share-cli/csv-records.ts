/**
 * The CSV → record mapping of the share CLI: how a header row names the
 * fields of intake's record JSON, and how one row's cells become one record.
 * Pure: no I/O, no CSV parsing (read-records.ts splits the file into cells).
 *
 * The header row holds one dotted path per column, naming where the cell goes
 * in the record JSON that `POST /v1/records` takes:
 *
 *   kind,externalRef,dissemination.scope,purpose,person.names.0.given,person.names.0.family,person.dateOfBirth,person.nationalities
 *   person,FR-0001,all,border-check,Ivan,Petrov,1971-03-14,RUS;UKR
 *   → {"kind":"person","externalRef":"FR-0001","dissemination":{"scope":"all"},"purpose":"border-check",
 *      "person":{"names":[{"given":"Ivan","family":"Petrov"}],"dateOfBirth":"1971-03-14","nationalities":["RUS","UKR"]}}
 *
 * - A segment that is a number (0-999) makes a list: `person.names.0.given`,
 *   `person.names.1.given`, `person.documents.0.number`. Elements left wholly
 *   empty are dropped and the rest close up, in index order.
 * - Empty cells (after trimming) are omitted, and so is any object or list
 *   left with nothing in it: one file can mix kinds, each row filling only
 *   its own kind's columns.
 * - List fields take several values in one cell separated by `;`:
 *   `person.nationalities` (`RUS;UKR`), `organisation.countries` and
 *   `dissemination.agencies` (`FRA;DEU`). They may also be given one per column (`person.nationalities.0`).
 * - `vehicle.year` becomes a number when the cell is a whole number, and
 *   `person.names.<n>.alias` and `organisation.names.<n>.alias` a boolean
 *   when the cell is `true` or `false`.
 *   Any other cell is text, sent as it is; intake's validation has the last
 *   word and names the field in its reasons.
 * - A header that cannot describe a record is refused before anything is
 *   sent: an empty column name, a malformed path, the same path twice, a path
 *   inside another (`person` and `person.names.0.given`), or one container used
 *   as both a list and an object (`person.names.0` and `person.names.given`).
 */

/** Fields whose single cell holds a `;`-separated list. */
export const CSV_LIST_FIELDS: readonly string[] = [
  'person.nationalities',
  'organisation.countries',
  'dissemination.agencies',
];
/** Fields converted from text, keyed by path with `*` for any list index. */
const TYPED_FIELDS: Readonly<Record<string, 'number' | 'boolean'>> = {
  'vehicle.year': 'number',
  'person.names.*.alias': 'boolean',
  'organisation.names.*.alias': 'boolean',
};
const NAME_SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;
const INDEX_SEGMENT = /^(0|[1-9][0-9]{0,2})$/;

export type PathSegment = string | number;

export interface CsvColumn {
  /** Position of the column in each row. */
  index: number;
  /** The header cell as written, for messages. */
  name: string;
  path: PathSegment[];
  /** The cell is split on `;` into a list. */
  list: boolean;
  type: 'text' | 'number' | 'boolean';
}

/** The header row cannot describe a record; nothing of the file is sent. */
export class CsvHeaderError extends Error {}

interface PathNode {
  leaf?: string;
  container?: 'list' | 'object';
  children: Map<PathSegment, PathNode>;
}

/** Checks the header row and compiles each column's path. */
export function compileCsvHeader(names: readonly string[]): CsvColumn[] {
  if (names.length === 0) throw new CsvHeaderError('the header row is empty');
  const root: PathNode = { container: 'object', children: new Map() };
  return names.map((raw, index) => {
    const name = raw.trim();
    const where = `column ${index + 1}${name ? ` "${name}"` : ''}`;
    if (!name)
      throw new CsvHeaderError(
        `${where}: the header names no field; every column needs a dotted path such as person.names.0.family`,
      );
    const path = name.split('.').map((segment, position): PathSegment => {
      if (position > 0 && INDEX_SEGMENT.test(segment)) return Number(segment);
      if (NAME_SEGMENT.test(segment)) return segment;
      throw new CsvHeaderError(
        `${where}: "${segment}" is not a field name${position > 0 ? ' or a list index (0-999)' : ''}`,
      );
    });
    claim(root, path, name, where);
    const generic = path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.');
    return { index, name, path, list: CSV_LIST_FIELDS.includes(name), type: TYPED_FIELDS[generic] ?? 'text' };
  });
}

/** Records the path in the tree of paths seen so far, refusing clashes. */
function claim(root: PathNode, path: PathSegment[], name: string, where: string): void {
  let node = root;
  for (const [position, segment] of path.entries()) {
    const prefix = path.slice(0, position).join('.');
    if (node.leaf !== undefined)
      throw new CsvHeaderError(`${where}: column "${node.leaf}" already holds ${prefix} as a single value`);
    const container = typeof segment === 'number' ? 'list' : 'object';
    if (node.container && node.container !== container) {
      throw new CsvHeaderError(
        `${where}: ${prefix} is used both as a list (numbered elements) and as an object (named fields)`,
      );
    }
    node.container = container;
    let child = node.children.get(segment);
    if (!child) node.children.set(segment, (child = { children: new Map() }));
    node = child;
  }
  if (node.leaf !== undefined) throw new CsvHeaderError(`${where}: the same path as column "${node.leaf}"`);
  if (node.children.size > 0) throw new CsvHeaderError(`${where}: other columns already fill fields inside ${name}`);
  node.leaf = name;
}

/** One row's cells as a record; `cells` is in header order. */
export function csvRowToRecord(columns: readonly CsvColumn[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const column of columns) {
    const cell = (cells[column.index] ?? '').trim();
    if (cell === '') continue;
    if (column.list) {
      const values = cell
        .split(';')
        .map((value) => value.trim())
        .filter((value) => value !== '');
      if (values.length > 0) assign(record, column.path, values);
    } else {
      assign(record, column.path, convert(cell, column.type));
    }
  }
  return compact(record) as Record<string, unknown>;
}

function convert(cell: string, type: CsvColumn['type']): unknown {
  if (type === 'number' && /^[+-]?[0-9]{1,15}$/.test(cell)) return Number(cell);
  if (type === 'boolean' && /^(true|false)$/i.test(cell)) return cell.toLowerCase() === 'true';
  return cell;
}

function assign(target: Record<string | number, unknown>, path: PathSegment[], value: unknown): void {
  let node = target;
  for (const [position, segment] of path.entries()) {
    if (position === path.length - 1) {
      node[segment] = value;
      return;
    }
    if (!Object.hasOwn(node, segment)) node[segment] = typeof path[position + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  }
}

/** Closes up the holes that numbered columns leave in lists. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((element) => element !== undefined).map(compact);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, compact(child)]));
  return value;
}
