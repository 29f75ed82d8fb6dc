/**
 * What alerting needs to know of a match, read off the `MatchFound` message
 * alone: the names subscriptions filter on, the countries of both sides, both
 * sides as JSON for the alert view, and a digest of each side's data, so that
 * a false positive stays silenced exactly until either side changes.
 */
import { createHash } from 'node:crypto';
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import {
  MatchFound,
  MatchLevel,
  NoticeColour,
  RecordKind,
  ReferenceEntry,
  ReferenceEntrySchema,
  SharedRecord,
  SharedRecordSchema,
  contractsRegistry,
  type Person,
} from '@crosscheck/contracts';
import { disseminationFromContract, type DisseminationRule } from '@crosscheck/auth';
import stringify from 'safe-stable-stringify';

export interface MatchFacts {
  matchId: string;
  entityId: string;
  recordId: string;
  recordOwner: string;
  recordKind: string;
  recordDissemination: DisseminationRule;
  dataset: string;
  datasetVersion: number;
  entryId: string;
  entryOwner: string;
  entryDissemination: DisseminationRule;
  noticeColour: string | null;
  score: number;
  level: 'hit' | 'possible';
  features: { feature: string; score: number; weight: number; detail: string }[];
  /** Owner agencies, nationalities and issuing or registration countries of both sides. */
  countries: string[];
  record: JsonObject | null;
  entry: JsonObject | null;
  recordDigest: string;
  entryDigest: string;
  /** The "record" is an instant check's query, sent to the entry's owner alone. */
  instantCheck: boolean;
  /** The reference of the instant check's hit/no-hit answer; empty for shared records. */
  hitReference: string;
  /** Hit/no-hit answers the searcher drew on the entry within the probe window, once at the alarm; else 0. */
  probeCount: number;
}

export function matchFactsOf(match: MatchFound): MatchFacts {
  const record = match.record
    ? (toJson(SharedRecordSchema, match.record, { registry: contractsRegistry }) as JsonObject)
    : null;
  const entry = match.entry
    ? (toJson(ReferenceEntrySchema, match.entry, { registry: contractsRegistry }) as JsonObject)
    : null;
  return {
    matchId: match.matchId,
    entityId: match.entityId,
    recordId: match.recordId,
    recordOwner: match.recordOwner,
    recordKind: enumName(RecordKind, match.recordKind) ?? 'unspecified',
    recordDissemination: disseminationFromContract(match.recordDissemination),
    dataset: match.dataset,
    datasetVersion: Number(match.datasetVersion),
    entryId: match.entryId,
    entryOwner: match.entryOwner,
    entryDissemination: disseminationFromContract(match.entryDissemination),
    noticeColour: match.noticeColour ? enumName(NoticeColour, match.noticeColour) : null,
    score: match.score,
    level: match.level === MatchLevel.HIT ? 'hit' : 'possible',
    features: match.features.map(({ feature, score, weight, detail }) => ({ feature, score, weight, detail })),
    countries: [
      ...new Set([
        match.recordOwner,
        match.entryOwner,
        ...countriesOf(match.record?.body),
        ...countriesOf(match.entry?.body),
      ]),
    ].sort(),
    record,
    entry,
    recordDigest: digestOfSubject(record),
    entryDigest: digestOfSubject(entry),
    instantCheck: match.instantCheck,
    hitReference: match.hitReference,
    probeCount: match.probeCount,
  };
}

/** `RecordKind.TRAVEL_DOCUMENT` → `travel_document`, as the API spells it. */
function enumName(enumObject: Record<number, string>, value: number): string | null {
  const name = enumObject[value];
  return name ? name.toLowerCase() : null;
}

/** Nationalities and issuing or registration countries of either side's subject. */
function countriesOf(body: SharedRecord['body'] | ReferenceEntry['body'] | undefined): string[] {
  switch (body?.case) {
    case 'person':
      return countriesOfPerson(body.value);
    case 'notice':
      return body.value.subject ? countriesOfPerson(body.value.subject) : [];
    case 'travelDocument':
      return [body.value.document?.issuingCountry ?? ''].filter(Boolean);
    case 'vehicle':
      return [body.value.registrationCountry].filter(Boolean);
    default:
      return [];
  }
}

function countriesOfPerson(person: Person): string[] {
  return [...person.nationalities, ...person.documents.map((document) => document.issuingCountry)].filter(Boolean);
}

/**
 * A digest of the subject's data only (the body: person, document, vehicle...),
 * so that a record's new version with the same content, or the same entry in a
 * later dataset version, is no change.
 */
function digestOfSubject(json: JsonObject | null): string {
  if (!json) return '';
  const { person, travelDocument, vehicle, firearm, artwork, notice } = json;
  return createHash('sha256')
    .update(stringify({ person, travelDocument, vehicle, firearm, artwork, notice }) ?? '')
    .digest('hex');
}
