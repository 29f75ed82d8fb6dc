/**
 * What of a shared record can join it to other entities in a network: the
 * normalised contact details and identifiers a person carries (shared
 * attributes) and the relations a person or an organisation declares to other
 * records of its agency. Pure; dedup stores them beside the record's
 * membership when it resolves it.
 */
import { DeclaredRelation, PersonIdentifierType, SharedRecord } from '@crosscheck/contracts';

export const SHARED_ATTRIBUTES = ['phone', 'email', 'address', 'identifier', 'document'] as const;
export type SharedAttribute = (typeof SHARED_ATTRIBUTES)[number];

export interface AttributeEvidence {
  attribute: SharedAttribute;
  /** The normalised value two records must share exactly. */
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
    evidence.relations = record.body.value.relations.map(relationEvidence);
    return evidence;
  }
  if (record.body.case !== 'person') return evidence;
  const person = record.body.value;
  const add = (attribute: SharedAttribute, value: string) => {
    if (value && !evidence.attributes.some((a) => a.attribute === attribute && a.value === value))
      evidence.attributes.push({ attribute, value });
  };
  for (const phone of person.phones) add('phone', phone.e164);
  for (const email of person.emails) add('email', email.normalized);
  for (const address of person.addresses) add('address', address.normalized);
  for (const identifier of person.identifiers)
    if (identifier.numberNormalized)
      add(
        'identifier',
        `${identifier.country}|${PersonIdentifierType[identifier.type].toLowerCase()}|${identifier.numberNormalized}`,
      );
  for (const document of person.documents)
    if (document.numberNormalized) add('document', `${document.issuingCountry}|${document.numberNormalized}`);
  evidence.relations = person.relations.map(relationEvidence);
  return evidence;
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
