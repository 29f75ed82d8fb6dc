/**
 * Lays a shared record and the reference entry it hit side by side: one row
 * per field (names with their original script, date of birth, documents; or
 * number/type/country/status; VIN/plate/make/vehicle type; serial/make; title/maker/type;
 * an organisation's names, legal form, registration numbers and countries),
 * each side's values, and whether the two sides agree on it. Works on the
 * protobuf JSON alerting sends, where absent fields are simply missing.
 */
import type {
  Artwork,
  Bodies,
  Firearm,
  IdentityDocument,
  Organisation,
  Person,
  PersonName,
  ReferenceEntry,
  SharedRecord,
  TravelDocument,
  Vehicle,
} from '../api/types';
import { enumLabel, partialDate } from './labels';

export interface FieldValue {
  text: string;
  /** A name as written in its own script, when that differs from the Latin form; compared too. */
  original?: { text: string; script?: string };
  /** Said beside the value: "alias", a plate's country. */
  note?: string;
}

export type Agreement = 'same' | 'differs' | undefined;

export interface ComparisonRow {
  label: string;
  record: FieldValue[];
  entry: FieldValue[];
  agreement: Agreement;
}

type Fields = [label: string, values: FieldValue[]][];

const one = (text: string | number | undefined | null, note?: string): FieldValue[] =>
  text === undefined || text === null || text === '' || text === 0
    ? []
    : [{ text: String(text), ...(note ? { note } : {}) }];

export function nameText(name: PersonName): string {
  return name.full?.trim() || [name.given, name.family].filter(Boolean).join(' ').trim() || name.original || '';
}

function nameValue(name: PersonName): FieldValue {
  const text = nameText(name);
  const value: FieldValue = { text };
  if (name.original && name.original !== text)
    value.original = name.script ? { text: name.original, script: name.script } : { text: name.original };
  if (name.alias) value.note = 'alias';
  return value;
}

export function documentText(document: IdentityDocument): string {
  return [enumLabel(document.type), document.number, document.issuingCountry].filter(Boolean).join(' · ');
}

function personFields(person: Person): Fields {
  return [
    ['Names', (person.names ?? []).map(nameValue).filter((value) => value.text)],
    ['Date of birth', one(partialDate(person.dateOfBirth))],
    ['Sex', one(enumLabel(person.sex))],
    ['Nationalities', (person.nationalities ?? []).map((code) => ({ text: code }))],
    ['Place of birth', one(person.placeOfBirth)],
    ['Documents', (person.documents ?? []).map((document) => ({ text: documentText(document) }))],
    [
      'Identifiers',
      (person.identifiers ?? []).map((identifier) => ({
        text: [enumLabel(identifier.type), identifier.number, identifier.country].filter(Boolean).join(' · '),
      })),
    ],
    ['Addresses', (person.addresses ?? []).map((address) => ({ text: addressText(address) }))],
    ['Phones', (person.phones ?? []).map((phone) => ({ text: phone.e164 || phone.number || '' }))],
    ['Emails', (person.emails ?? []).map((email) => ({ text: email.normalized || email.address || '' }))],
    ['Distinguishing marks', (person.distinguishingMarks ?? []).map((mark) => ({ text: mark }))],
  ];
}

function addressText(address: NonNullable<Person['addresses']>[number]): string {
  const line = [
    [address.number, address.street].filter(Boolean).join(' '),
    [address.postcode, address.locality].filter(Boolean).join(' '),
    address.region,
    address.country,
  ]
    .filter(Boolean)
    .join(', ');
  return line || address.text || '';
}

function travelDocumentFields(travelDocument: TravelDocument): Fields {
  const document = travelDocument.document ?? {};
  return [
    ['Document number', one(document.number)],
    ['Document type', one(enumLabel(document.type))],
    ['Issuing country', one(document.issuingCountry)],
    ['Status', one(enumLabel(travelDocument.status))],
    ['Holder', one(travelDocument.holderName)],
    ['Issued', one(partialDate(travelDocument.issuedOn))],
    ['Expires', one(partialDate(travelDocument.expiresOn))],
    ['MRZ', one(travelDocument.mrz)],
  ];
}

function vehicleFields(vehicle: Vehicle): Fields {
  return [
    ['VIN', one(vehicle.vin)],
    ['Plate', one(vehicle.plate, vehicle.registrationCountry)],
    ['Make', one(vehicle.make)],
    ['Model', one(vehicle.model)],
    ['Vehicle type', one(vehicle.vehicleType)],
    ['Colour', one(vehicle.colour)],
    ['Year', one(vehicle.year)],
    ['Engine number', one(vehicle.engineNumber)],
  ];
}

function firearmFields(firearm: Firearm): Fields {
  return [
    ['Serial number', one(firearm.serialNumber)],
    ['Make', one(firearm.make)],
    ['Model', one(firearm.model)],
    ['Calibre', one(firearm.calibre)],
    ['Type', one(firearm.type)],
  ];
}

function artworkFields(artwork: Artwork): Fields {
  return [
    ['Title', one(artwork.title)],
    ['Object type', one(artwork.objectType)],
    ['Maker', one(artwork.maker)],
    ['Period', one(artwork.period)],
    ['Materials', one(artwork.materials)],
    ['Dimensions', one(artwork.dimensions)],
    ['Inscriptions', one(artwork.inscriptions)],
    ['Description', one(artwork.description)],
  ];
}

function organisationFields(organisation: Organisation): Fields {
  return [
    [
      'Names',
      (organisation.names ?? [])
        .filter((name) => name.name)
        .map((name) => ({ text: name.name!, ...(name.alias ? { note: 'alias' } : {}) })),
    ],
    ['Organisation type', one(organisation.organisationType?.replace('_', ' '))],
    ['Legal form', one(organisation.legalForm)],
    [
      'Registration numbers',
      (organisation.registrationNumbers ?? []).map((registration) => ({
        text: [enumLabel(registration.type), registration.number, registration.country].filter(Boolean).join(' · '),
      })),
    ],
    ['Countries', (organisation.countries ?? []).map((code) => ({ text: code }))],
  ];
}

function bodyFields(body: Bodies | undefined): Fields {
  if (!body) return [];
  if (body.person) return personFields(body.person);
  if (body.travelDocument) return travelDocumentFields(body.travelDocument);
  if (body.vehicle) return vehicleFields(body.vehicle);
  if (body.firearm) return firearmFields(body.firearm);
  if (body.artwork) return artworkFields(body.artwork);
  if (body.organisation) return organisationFields(body.organisation);
  return [];
}

/** A notice's subject is a person; other datasets' entries carry their body directly. */
export function entryBody(entry: ReferenceEntry | null | undefined): Bodies | undefined {
  if (!entry) return undefined;
  return entry.notice ? { person: entry.notice.subject ?? {} } : entry;
}

/** Case, accents, punctuation and word order do not make two values different. */
export function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

function agreementOf(record: FieldValue[], entry: FieldValue[]): Agreement {
  if (record.length === 0 || entry.length === 0) return undefined;
  const forms = (value: FieldValue) => [
    comparable(value.text),
    ...(value.original ? [comparable(value.original.text)] : []),
  ];
  const entryForms = new Set(entry.flatMap(forms));
  return record.some((value) => forms(value).some((form) => entryForms.has(form))) ? 'same' : 'differs';
}

/** The rows of the side-by-side view: the record's fields in their order, then any only the entry has; rows empty on both sides are left out. */
export function compareSides(
  record: SharedRecord | null | undefined,
  entry: ReferenceEntry | null | undefined,
): ComparisonRow[] {
  return compareBodies(record ?? undefined, entryBody(entry));
}

/** Two shared records (the two ends of a network edge), the first as `record` and the second as `entry`. */
export function compareRecords(a: SharedRecord | undefined, b: SharedRecord | undefined): ComparisonRow[] {
  return compareBodies(a, b);
}

function compareBodies(record: Bodies | undefined, entry: Bodies | undefined): ComparisonRow[] {
  const recordFields = bodyFields(record);
  const entryFields = bodyFields(entry);
  const labels = [...new Set([...recordFields.map(([label]) => label), ...entryFields.map(([label]) => label)])];
  const valuesOf = (fields: Fields, label: string) => fields.find(([name]) => name === label)?.[1] ?? [];
  return labels
    .map((label) => {
      const recordValues = valuesOf(recordFields, label);
      const entryValues = valuesOf(entryFields, label);
      return { label, record: recordValues, entry: entryValues, agreement: agreementOf(recordValues, entryValues) };
    })
    .filter((row) => row.record.length > 0 || row.entry.length > 0);
}

/** A one-line name for a record or entry in lists: the person's first name, the document number, the VIN... */
export function headline(body: Bodies | undefined): string {
  if (!body) return '';
  if (body.person) return body.person.names?.map(nameText).find(Boolean) ?? 'Unnamed person';
  if (body.travelDocument) return documentText(body.travelDocument.document ?? {}) || 'Travel document';
  if (body.vehicle)
    return [body.vehicle.make, body.vehicle.model, body.vehicle.vin].filter(Boolean).join(' ') || 'Vehicle';
  if (body.firearm)
    return [body.firearm.make, body.firearm.model, body.firearm.serialNumber].filter(Boolean).join(' ') || 'Firearm';
  if (body.artwork) return body.artwork.title || 'Artwork';
  if (body.organisation)
    return body.organisation.names?.find((name) => !name.alias && name.name)?.name ?? 'Unnamed organisation';
  return '';
}
