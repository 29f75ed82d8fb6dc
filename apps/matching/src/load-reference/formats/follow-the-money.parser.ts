/**
 * FollowTheMoney entities (OpenSanctions' format, followthemoney.tech), one
 * JSON object per line, as full exports (`{"id", "schema", "properties"}`) or
 * delta files (`{"op": "ADD" | "MOD" | "DEL", "entity": {...}}`). Entities are
 * rewritten into the project's NDJSON shape and then checked exactly as an
 * NDJSON line is; a reason therefore names the crosscheck field
 * (`travelDocument.number`), except where the FtM property itself is at fault
 * (`properties.country`).
 *
 *   Person                  → notices (colour: option, default blue)
 *   Passport, Identification → sltd   (status: option, default invalid)
 *   Vehicle                 → smv     (VIN: a registrationNumber that is one)
 *   anything else, or a schema of another dataset → skipped
 *
 * README.md beside this file explains each choice. Memory is constant but for
 * the names of Persons remembered to name a later document's holder, at most
 * `holderNames` of them (oldest forgotten first), and only when loading sltd.
 */
import { checkVin } from '@crosscheck/resolution';
import type { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '@crosscheck/records';
import { alpha3Of } from '@crosscheck/records';
import { parseJsonLine } from './ndjson.parser';
import { DatasetName, ParseContext, ReferenceChange, rejectedField } from '../../model/reference-change';
import { changeOfLine } from '../../model/reference-line';
import { NoticeColourName } from '../../model/reference-line.schema';

export interface FollowTheMoneyOptions {
  /** Colour of the notices made from Person entities. Default `blue`: a listing asks for information, not an arrest. */
  noticeColour?: NoticeColourName;
  /** Status of the travel documents made from Passport and Identification entities. Default `invalid`. */
  documentStatus?: (typeof DOCUMENT_STATUSES)[number];
  /** Persons marked `"target": false` (relatives, associates) are skipped unless this is true. */
  includeNonTargets?: boolean;
  /** How many Person names are kept to name the holder of a document that comes later. Default 100,000. */
  holderNames?: number;
}

type Properties = Record<string, unknown>;
interface Entity {
  id: string;
  schema?: string;
  target?: unknown;
  properties: Properties;
}

const SCHEMA_DATASETS: Record<string, DatasetName> = {
  Person: 'notices',
  Passport: 'sltd',
  Identification: 'sltd',
  Vehicle: 'smv',
};
const DELTA_OPS = ['ADD', 'MOD', 'DEL'];
/** The person schema's caps: a sanctions entry with more aliases keeps its names first, then aliases in order. */
const MAX_NAMES = 50;
const MAX_NATIONALITIES = 10;
const DEFAULT_HOLDER_NAMES = 100_000;

export async function* parseFollowTheMoney(
  lines: AsyncIterable<string>,
  context: ParseContext,
  options: FollowTheMoneyOptions = {},
): AsyncIterable<ReferenceChange> {
  const holders = new HolderNames(context.dataset === 'sltd' ? (options.holderNames ?? DEFAULT_HOLDER_NAMES) : 0);
  let line = 0;
  for await (const text of lines) {
    line++;
    const parsed = parseJsonLine(text, line);
    if (parsed === undefined) continue;
    yield 'rejected' in parsed ? parsed.rejected : changeOfEntityLine(parsed.value, line, context, options, holders);
  }
}

function changeOfEntityLine(
  value: unknown,
  line: number,
  context: ParseContext,
  options: FollowTheMoneyOptions,
  holders: HolderNames,
): ReferenceChange {
  if (!isObject(value)) return rejectedField(line, 'line', 'isObject', 'must be a JSON object');
  const delta = 'op' in value || 'entity' in value;
  const op = delta ? value.op : 'ADD';
  if (!DELTA_OPS.includes(op as string))
    return rejectedField(line, 'op', 'isIn', `must be one of ${DELTA_OPS.join(', ')}`);
  const raw = delta ? value.entity : value;
  const at = delta ? 'entity.' : '';
  if (!isObject(raw)) return rejectedField(line, 'entity', 'isObject', 'must be a JSON object');
  if (typeof raw.id !== 'string' || !raw.id.trim())
    return rejectedField(line, `${at}id`, 'isString', 'must be a non-empty string');
  if (raw.schema !== undefined && typeof raw.schema !== 'string')
    return rejectedField(line, `${at}schema`, 'isString', 'must be a string');
  if (raw.properties !== undefined && !isObject(raw.properties))
    return rejectedField(line, `${at}properties`, 'isObject', 'must be a JSON object');
  const entity: Entity = { id: raw.id, schema: raw.schema, target: raw.target, properties: raw.properties ?? {} };

  if (op === 'DEL') holders.forget(entity.id);
  else if (entity.schema === 'Person') holders.remember(entity.id, holderNameOf(entity.properties));

  if (entity.schema === undefined && op !== 'DEL')
    return rejectedField(line, `${at}schema`, 'isString', 'must be a string');
  const dataset = entity.schema === undefined ? context.dataset : SCHEMA_DATASETS[entity.schema];
  if (!dataset) return { line, op: 'skipped', reason: `schema ${entity.schema} is loaded into no dataset` };
  if (dataset !== context.dataset)
    return {
      line,
      op: 'skipped',
      reason: `schema ${entity.schema} is loaded into dataset ${dataset}, not ${context.dataset}`,
    };
  // A removal without a schema cannot be placed; removing an id the dataset lacks changes nothing.
  if (op === 'DEL') return changeOfLine({ entryId: entity.id, op: 'remove' }, line, context);

  switch (entity.schema) {
    case 'Person':
      if (entity.target === false && !options.includeNonTargets)
        return { line, op: 'skipped', reason: 'Person is not a target of its source (a relative or associate)' };
      return changeOfLine(noticeLineOf(entity, options), line, context);
    case 'Vehicle':
      return vehicleChange(entity, line, context);
    default:
      return travelDocumentChange(entity, line, context, options, holders);
  }
}

function noticeLineOf(entity: Entity, options: FollowTheMoneyOptions): Properties {
  const p = entity.properties;
  const gender = valuesOf(p, 'gender')[0];
  const nationalities = [
    ...new Set([...valuesOf(p, 'nationality'), ...valuesOf(p, 'citizenship')].map(alpha3Of).filter(Boolean)),
  ];
  const topics = valuesOf(p, 'topics');
  return compact({
    entryId: entity.id,
    colour: options.noticeColour ?? 'blue',
    charges: topics.length > 0 ? topics.join(', ') : undefined,
    subject: compact({
      names: personNamesOf(p),
      dateOfBirth: valuesOf(p, 'birthDate').map(datePartOf).find(Boolean),
      sex: gender === 'male' || gender === 'female' ? gender : undefined,
      nationalities: nationalities.length > 0 ? nationalities.slice(0, MAX_NATIONALITIES) : undefined,
      placeOfBirth: valuesOf(p, 'birthPlace')[0],
    }),
  });
}

/** Names first (the first with firstName/lastName as its parts), then aliases, weak aliases and previous names. */
function personNamesOf(p: Properties): Properties[] {
  const names: Properties[] = [];
  const [given, family] = [valuesOf(p, 'firstName')[0], valuesOf(p, 'lastName')[0]];
  valuesOf(p, 'name').forEach((full, index) =>
    names.push(compact({ full, ...(index === 0 ? { given, family } : {}) })),
  );
  if (names.length === 0 && (given || family)) names.push(compact({ given, family }));
  for (const property of ['alias', 'weakAlias', 'previousName']) {
    for (const full of valuesOf(p, property)) names.push({ full, alias: true });
  }
  // The same name again (often an alias repeating a name) says nothing more: the first, most telling, stays.
  const seen = new Set<string>();
  return names
    .filter((name) => {
      const key = String(name.full ?? `${name.given ?? ''} ${name.family ?? ''}`).toLowerCase();
      return !seen.has(key) && !!seen.add(key);
    })
    .slice(0, MAX_NAMES);
}

function travelDocumentChange(
  entity: Entity,
  line: number,
  context: ParseContext,
  options: FollowTheMoneyOptions,
  holders: HolderNames,
): ReferenceChange {
  const p = entity.properties;
  const country = valuesOf(p, 'country')[0];
  if (!country)
    return rejectedField(
      line,
      'properties.country',
      'isDefined',
      'is required: a travel document needs its issuing country',
    );
  const issuingCountry = alpha3Of(country);
  if (!issuingCountry)
    return rejectedField(
      line,
      'properties.country',
      'isISO31661Alpha3',
      `${country} is not a country with an ISO 3166-1 alpha-3 code`,
    );
  const ownName = [valuesOf(p, 'givenName')[0], valuesOf(p, 'surname')[0]].filter(Boolean).join(' ');
  const travelDocument = compact({
    number: valuesOf(p, 'number')[0] ?? valuesOf(p, 'passportNumber')[0],
    type: entity.schema === 'Passport' ? 'passport' : documentTypeOf(valuesOf(p, 'type')[0] ?? ''),
    issuingCountry,
    status: options.documentStatus ?? 'invalid',
    holderName: ownName || holders.nameOf(valuesOf(p, 'holder')[0]),
    issuedOn: valuesOf(p, 'startDate').map(datePartOf).find(Boolean),
    expiresOn: valuesOf(p, 'endDate').map(datePartOf).find(Boolean),
  });
  return changeOfLine({ entryId: entity.id, travelDocument }, line, context);
}

/** FtM's Identification.type is free text ("Passport", "National ID card", "Driving license"). */
function documentTypeOf(type: string): (typeof DOCUMENT_TYPES)[number] {
  const text = type.toLowerCase();
  if (text.includes('passport')) return 'passport';
  if (text.includes('visa')) return 'visa';
  if (text.includes('residen')) return 'residence_permit';
  if (/driv(ing|er)/.test(text)) return 'driving_licence';
  if (/\bid\b|identity|identification|national/.test(text)) return 'id_card';
  return 'other';
}

/** FtM's Vehicle has no VIN property: the VIN is a registrationNumber that is one, and a number that is not is the plate. */
function vehicleChange(entity: Entity, line: number, context: ParseContext): ReferenceChange {
  const p = entity.properties;
  const registrations = valuesOf(p, 'registrationNumber');
  const vin = registrations.find((number) => checkVin(number).valid);
  if (!vin)
    return rejectedField(
      line,
      'properties.registrationNumber',
      'isVin',
      'holds no VIN, and an smv entry is identified by its VIN',
    );
  const registrationCountry = valuesOf(p, 'country').map(alpha3Of).find(Boolean);
  const buildYear = Number(datePartOf(valuesOf(p, 'buildDate')[0] ?? '')?.slice(0, 4));
  const vehicle = compact({
    vin,
    // A plate means nothing without its country, which intake requires with it: without one, the plate is left out.
    plate: registrationCountry ? registrations.find((number) => number !== vin) : undefined,
    registrationCountry,
    model: valuesOf(p, 'model')[0],
    year: buildYear || undefined,
  });
  return changeOfLine({ entryId: entity.id, vehicle }, line, context);
}

/** Holder names of Persons already read, oldest forgotten first once `capacity` are kept. */
class HolderNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  remember(id: string, name: string | undefined): void {
    if (this.capacity === 0 || !name) return;
    this.names.delete(id);
    this.names.set(id, name);
    if (this.names.size > this.capacity) this.names.delete(this.names.keys().next().value!);
  }

  forget(id: string): void {
    this.names.delete(id);
  }

  nameOf(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.names.get(id);
  }
}

function holderNameOf(p: Properties): string | undefined {
  return (
    valuesOf(p, 'name')[0] ??
    ([valuesOf(p, 'firstName')[0], valuesOf(p, 'lastName')[0]].filter(Boolean).join(' ') || undefined)
  );
}

/** A property's text values; FtM properties are lists, and nested entities (objects) are not read. */
function valuesOf(p: Properties, property: string): string[] {
  const values = p[property];
  return Array.isArray(values)
    ? values
        .filter((value): value is string => typeof value === 'string' && value.trim().length > 0)
        .map((value) => value.trim())
    : [];
}

/** `1971`, `1971-03` or `1971-03-14` from an FtM date, which may also carry a time. */
function datePartOf(date: string): string | undefined {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.exec(date)?.[0];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object without its undefined fields, so that the line reads as if written by hand. */
function compact(fields: Properties): Properties {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
}
