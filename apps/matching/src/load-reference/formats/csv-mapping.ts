/**
 * Which CSV column fills which field of a reference entry, so that any
 * agency's export loads without being rewritten. Targets are the field paths
 * of the NDJSON format, a number indexing a list as in the share CLI's CSV
 * headers (`travelDocument.number`, `subject.names.0.given`); the fields a dataset has are read from its line
 * schema, the same schema that validates it, so a mapping cannot name a field the validator does not know.
 *
 * Two spellings, both documented in README.md:
 *   entryId=ID, travelDocument.number=DOC_NO, travelDocument.status="stolen"
 *   {"entryId": "ID", "travelDocument.number": "DOC_NO", "travelDocument.status": {"value": "stolen"}}
 * A quoted value (text) or `{"value": ...}` (JSON) is a constant for every
 * record; otherwise the value names a header column. `op` is the optional
 * delta column (ADD, MOD, DEL, upsert, remove).
 */
import type { SchemaObject } from '@crosscheck/runtime';
import { DATASETS, DatasetName, ReferenceFormatError } from '../../model/reference-change';
import { LINE_SHAPES } from '../../model/reference-line.schema';

export type CsvSource = { column: string } | { value: string };
export interface CsvFieldMapping {
  target: string;
  source: CsvSource;
}
export interface CsvMapping {
  fields: CsvFieldMapping[];
}

/** How a cell becomes a value: as text, a number, true/false, or a `;`-separated list. */
export type CsvFieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'list';

/** A mapped field, its path split into keys and list indexes, ready to be filled from a record. */
export interface CsvTarget {
  target: string;
  path: (string | number)[];
  kind: CsvFieldKind;
  source: CsvSource;
}

export const OP_TARGET = 'op';
const NOT_A_FIELD = 'is not a field of';
const TARGET_SYNTAX = /^[A-Za-z]+(\.([A-Za-z]+|0|[1-9][0-9]{0,2}))*$/;
const INDEX = /\.(0|[1-9][0-9]{0,2})(?=\.|$)/g;

export function parseCsvMapping(text: string, dataset?: DatasetName): CsvMapping {
  const trimmed = text.trim();
  if (!trimmed) throw new ReferenceFormatError('CSV mapping: is empty; it must map at least entryId to a column');
  const fields = trimmed.startsWith('{') ? fieldsFromJson(trimmed) : fieldsFromText(trimmed);
  const mapping = { fields };
  // Without a dataset, a target is known when some dataset has it; parseCsv checks again against its own.
  for (const field of fields) {
    const problems = (dataset ? [dataset] : DATASETS).map((name) => targetProblem(field.target, name));
    if (!problems.every(Boolean)) continue;
    const telling = dataset
      ? problems[0]
      : (problems.find((problem) => !problem!.startsWith(NOT_A_FIELD)) ?? `${NOT_A_FIELD} any dataset`);
    throw new ReferenceFormatError(`CSV mapping: ${field.target}: ${telling}`);
  }
  return mapping;
}

/** The mapping's targets checked against a dataset; throws, naming the target, on the first one it lacks. */
export function csvTargetsOf(mapping: CsvMapping, dataset: DatasetName): CsvTarget[] {
  const seen = new Set<string>();
  const targets = mapping.fields.map(({ target, source }) => {
    if (seen.has(target)) throw new ReferenceFormatError(`CSV mapping: ${target}: is mapped twice`);
    seen.add(target);
    const problem = targetProblem(target, dataset);
    if (problem) throw new ReferenceFormatError(`CSV mapping: ${target}: ${problem}`);
    return { target, source, path: pathOf(target), kind: kindOf(target, dataset)! };
  });
  if (!seen.has('entryId')) throw new ReferenceFormatError('CSV mapping: entryId: must be mapped to a column');
  return targets;
}

/** Every field a dataset's entries have, as mapping targets (`*` where a list index goes), with their kinds. */
export function csvFieldsOf(dataset: DatasetName): ReadonlyMap<string, CsvFieldKind> {
  let fields = FIELDS.get(dataset);
  if (!fields) {
    fields = new Map([[OP_TARGET, 'string']]);
    collectFields(LINE_SHAPES[dataset].line.schema as SchemaObject, '', fields);
    FIELDS.set(dataset, fields);
  }
  return fields;
}
const FIELDS = new Map<DatasetName, Map<string, CsvFieldKind>>();

function collectFields(schema: SchemaObject, prefix: string, into: Map<string, CsvFieldKind>): void {
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    if (property.type === 'object') collectFields(property, `${path}.`, into);
    else if (property.type === 'array' && property.items?.type === 'object')
      collectFields(property.items, `${path}.*.`, into);
    else if (property.type === 'array') into.set(path, 'list');
    else
      into.set(
        path,
        property.type === 'integer' || property.type === 'number' || property.type === 'boolean'
          ? property.type
          : 'string',
      );
  }
}

function targetProblem(target: string, dataset: DatasetName): string | undefined {
  if (!TARGET_SYNTAX.test(target)) return 'is not a field path such as travelDocument.number or subject.names.0.given';
  if (kindOf(target, dataset)) return undefined;
  const fields = csvFieldsOf(dataset);
  const unindexed = target.replace(INDEX, '');
  const needsIndex = [...fields.keys()].find(
    (field) => field.includes('.*.') && field.replace(/\.\*/g, '') === unindexed,
  );
  if (needsIndex) return `needs a list index, as in ${needsIndex.replace(/\*/g, '0')}`;
  return `${NOT_A_FIELD} dataset ${dataset}`;
}

function kindOf(target: string, dataset: DatasetName): CsvFieldKind | undefined {
  const fields = csvFieldsOf(dataset);
  const pattern = target.replace(INDEX, '.*');
  const kind = fields.get(pattern);
  if (kind) return kind;
  // One element of a list of values, `subject.nationalities.1`: a single value, not to be split.
  if (pattern.endsWith('.*') && fields.get(pattern.slice(0, -2)) === 'list') return 'string';
  return undefined;
}

function pathOf(target: string): (string | number)[] {
  return target.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function fieldsFromText(text: string): CsvFieldMapping[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const equals = entry.indexOf('=');
      const target = entry.slice(0, equals).trim();
      const value = entry.slice(equals + 1).trim();
      if (equals <= 0 || !value)
        throw new ReferenceFormatError(`CSV mapping: "${entry}": must be target=COLUMN or target="constant"`);
      const quoted = /^"(.*)"$/.exec(value);
      return { target, source: quoted ? { value: quoted[1] } : { column: value } };
    });
}

function fieldsFromJson(text: string): CsvFieldMapping[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReferenceFormatError(`CSV mapping: not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ReferenceFormatError('CSV mapping: must be a JSON object of target: column');
  return Object.entries(parsed).map(([target, source]) => {
    if (typeof source === 'string' && source) return { target, source: { column: source } };
    if (source && typeof source === 'object' && typeof (source as { value?: unknown }).value === 'string') {
      return { target, source: { value: (source as { value: string }).value } };
    }
    throw new ReferenceFormatError(`CSV mapping: ${target}: must be a column name or {"value": "constant"}`);
  });
}
