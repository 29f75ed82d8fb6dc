/**
 * What of a shared record can join it to other entities in a network: the
 * normalised contact details and identifiers a person carries and the
 * registration numbers an organisation carries (shared attributes), and the
 * relations a person or an organisation declares to other records of its
 * agency. Pure; dedup stores them beside the record's membership when it
 * resolves it.
 */
import { DeclaredRelation, SharedRecord } from '@crosscheck/contracts';
import { CONTACT_ATTRIBUTES, contactValuesOf, organisationFactsOf, personFactsOf } from '@crosscheck/resolution';

/**
 * A person's values dedup also weighs as evidence of one person (libs/resolution contact-details.ts), in the
 * same form, and an organisation's registration numbers: `<type>|<country>|<number>`, so that only a number of
 * the same type in the same country's register is the same value.
 */
export const SHARED_ATTRIBUTES = [...CONTACT_ATTRIBUTES, 'registration'] as const;
export type SharedAttribute = (typeof SHARED_ATTRIBUTES)[number];

/** The normalised value two records must share exactly. */
export interface AttributeEvidence {
  attribute: SharedAttribute;
  value: string;
}

export interface RelationEvidence {
  toExternalRef: string;
  role: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null. */
  since: string | null;
  until: string | null;
}

export interface NetworkEvidence {
  owner: string;
  externalRef: string;
  attributes: AttributeEvidence[];
  relations: RelationEvidence[];
}

export function networkEvidenceOf(record: SharedRecord): NetworkEvidence {
  const evidence: NetworkEvidence = {
    owner: record.owner,
    externalRef: record.externalRef,
    attributes: [],
    relations: [],
  };
  if (record.body.case === 'organisation') {
    evidence.attributes = registrationValuesOf(record.body.value);
    evidence.relations = record.body.value.relations.map(relationEvidence);
    return evidence;
  }
  if (record.body.case !== 'person') return evidence;
  const person = record.body.value;
  evidence.attributes = contactValuesOf(personFactsOf(person));
  evidence.relations = person.relations.map(relationEvidence);
  return evidence;
}

/** An organisation's registration numbers of a known type and country, once each; a number without either links nothing. */
function registrationValuesOf(organisation: Parameters<typeof organisationFactsOf>[0]): AttributeEvidence[] {
  const values = (organisationFactsOf(organisation).registrationNumbers ?? [])
    .filter((registration) => registration.type && registration.country)
    .map((registration) => `${registration.type}|${registration.country}|${registration.number}`);
  return [...new Set(values)].map((value) => ({ attribute: 'registration', value }));
}

function relationEvidence(relation: DeclaredRelation): RelationEvidence {
  return {
    toExternalRef: relation.toExternalRef,
    role: relation.role,
    since: partialDate(relation.since),
    until: partialDate(relation.until),
  };
}

function partialDate(date: { year: number; month: number; day: number } | undefined): string | null {
  if (!date?.year) return null;
  const parts = [String(date.year).padStart(4, '0')];
  if (date.month) parts.push(String(date.month).padStart(2, '0'));
  if (date.month && date.day) parts.push(String(date.day).padStart(2, '0'));
  return parts.join('-');
}

/**
 * The references a record's network evidence meets, as lock keys (persistence/resolution-locks.ts): its own, and
 * those its relations point at. A relation and its target shared at the same moment on two partitions take turns,
 * so that whichever is saved second sees the other and drops the relation if its role does not fit the target.
 */
export function networkReferenceKeys(evidence: NetworkEvidence): { kind: string; keys: string[] } {
  const references = [evidence.externalRef, ...evidence.relations.map((relation) => relation.toExternalRef)];
  return { kind: 'network-reference', keys: references.map((reference) => `${evidence.owner}\u0000${reference}`) };
}
