/**
 * The reference datasets and what is checked against what: the one place that
 * knows that persons meet notices, that a person's identity documents meet
 * SLTD, that vehicles meet SMV, and so on.
 */
import type { OutsidePolicy } from '@crosscheck/auth';
import { ReferenceEntry } from '@crosscheck/contracts';
import { blockingKeys, PersonFacts, RecordFacts, recordFactsOf } from '@crosscheck/resolution';

export const DATASETS = ['notices', 'sltd', 'smv', 'firearms', 'works-of-art'] as const;
export type DatasetName = (typeof DATASETS)[number];

export function isDataset(name: string): name is DatasetName {
  return (DATASETS as readonly string[]).includes(name);
}

/** The body each dataset's entries carry, and the record kind it is compared as. */
const ENTRY_BODY: Record<
  DatasetName,
  { body: NonNullable<ReferenceEntry['body']['case']>; kind: RecordFacts['kind'] }
> = {
  notices: { body: 'notice', kind: 'person' },
  sltd: { body: 'travelDocument', kind: 'travel_document' },
  smv: { body: 'vehicle', kind: 'vehicle' },
  firearms: { body: 'firearm', kind: 'firearm' },
  'works-of-art': { body: 'artwork', kind: 'artwork' },
};

/**
 * What agencies outside an entry's audience learn of a hit on it, unless its
 * owner says otherwise: wanted-person notices answer hit/no-hit, so that a
 * restricted notice still stops its subject at a border; the rest stay hidden.
 */
export function defaultOutsidePolicy(dataset: DatasetName): OutsidePolicy {
  return dataset === 'notices' ? 'hit-no-hit' : 'hidden';
}

/** Which body a dataset's entries must have (`notice` for notices, `vehicle` for smv...). */
export function entryBodyOf(dataset: DatasetName): NonNullable<ReferenceEntry['body']['case']> {
  return ENTRY_BODY[dataset].body;
}

/** The facts of a reference entry, comparable with a record's; undefined when the body is not the dataset's. */
export function entryFactsOf(dataset: DatasetName, entry: ReferenceEntry): RecordFacts | undefined {
  const body = entry.body;
  if (body.case !== ENTRY_BODY[dataset].body) return undefined;
  switch (body.case) {
    case 'notice':
      return body.value.subject ? recordFactsOf('person', body.value.subject) : undefined;
    case 'travelDocument':
      return recordFactsOf('travel_document', body.value);
    case 'vehicle':
      return recordFactsOf('vehicle', body.value);
    case 'firearm':
      return recordFactsOf('firearm', body.value);
    case 'artwork':
      return recordFactsOf('artwork', body.value);
    default:
      return undefined;
  }
}

/** One thing to look up in one dataset: a record's own facts, or a part of it (a person's passport). */
export interface Probe {
  dataset: DatasetName;
  facts: RecordFacts;
  /** What of the record was checked, for the explanation: `record`, or `document <type> <number>`. */
  subject: string;
}

/**
 * Everything a record is checked as: persons against notices and each of
 * their identity documents against SLTD (as the document they carry, with the
 * person as its holder); documents against SLTD; vehicles against SMV;
 * firearms and artworks against their datasets. Organisations have no
 * reference dataset yet: they are resolved and joined into networks only.
 */
export function probesOf(facts: RecordFacts): Probe[] {
  switch (facts.kind) {
    case 'person':
      return [{ dataset: 'notices', facts, subject: 'record' }, ...documentProbes(facts)];
    case 'travel_document':
      return [{ dataset: 'sltd', facts, subject: 'record' }];
    case 'vehicle':
      return [{ dataset: 'smv', facts, subject: 'record' }];
    case 'firearm':
      return [{ dataset: 'firearms', facts, subject: 'record' }];
    case 'artwork':
      return [{ dataset: 'works-of-art', facts, subject: 'record' }];
    case 'organisation':
      return [];
  }
}

function documentProbes(person: PersonFacts & { kind: 'person' }): Probe[] {
  return (person.documents ?? []).map((document) => {
    const facts: RecordFacts = { kind: 'travel_document', document, holderNames: person.nameForms ?? [] };
    if (person.dateOfBirth) facts.holderDateOfBirth = person.dateOfBirth;
    if (person.sex) facts.holderSex = person.sex;
    return { dataset: 'sltd' as const, facts, subject: `document ${document.type || 'document'} ${document.number}` };
  });
}

/** The datasets whose entries a record kind can meet (the reverse of probesOf, for retro-checks). */
export function recordKindsChecking(dataset: DatasetName): RecordFacts['kind'][] {
  return dataset === 'sltd' ? ['travel_document', 'person'] : [ENTRY_BODY[dataset].kind];
}

/** The record-side keys of each dataset a record is checked against: what retro-checks look records up by. */
export function recordKeysOf(facts: RecordFacts): { dataset: DatasetName; key: string }[] {
  return probesOf(facts).flatMap((probe) => blockingKeys(probe.facts).map((key) => ({ dataset: probe.dataset, key })));
}
