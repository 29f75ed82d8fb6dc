/**
 * A person's contact details (addresses, phones, emails) as evidence that two
 * records are one person, weighed by how common each value is: an address
 * two records share says much, one a hotel's or an NGO's many guests share
 * says little, and one shared by more than COMMON_VALUE_RECORDS says nothing.
 * Agreement only: people move and change numbers, so details that differ are
 * no evidence against. The same values, in the same form, are the shared
 * attributes of networks (`contactValuesOf`), so dedup counts their carriers
 * once for both.
 */
import type { Address, Person } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { feature, FeatureEvidence } from '../evidence';
import { editDistance, jaroWinkler, normalizeText } from '../names';
import type { DocumentFacts } from './identity-document';

/** A crosscheck.records.v1.Address, as resolution reads it (contract-like.ts). */
export type AddressLike = ContractLike<Address>;

export interface AddressFacts {
  /** The contract's comparable line (`AUS|2602|milne cove|5`); empty when the address places nobody. */
  line: string;
  /** Folded (lower case, no accents or punctuation); empty when not given. */
  street: string;
  number: string;
  postcode: string;
  locality: string;
  /** ISO 3166-1 alpha-3, upper case. */
  country: string;
}

export interface ContactFacts {
  addresses?: AddressFacts[];
  /** E.164. */
  phones?: string[];
  /** Trimmed, lower case. */
  emails?: string[];
}

export const CONTACT_ATTRIBUTES = ['phone', 'email', 'address', 'identifier', 'document'] as const;
export type ContactAttribute = (typeof CONTACT_ATTRIBUTES)[number];

/** One value two records can share, in the form networks store it. */
export interface ContactValue {
  attribute: ContactAttribute;
  value: string;
}

/**
 * How many records carry a value, the two compared included; undefined when
 * not known (then the value is taken as carried by those two alone).
 */
export type CarriersOf = (value: ContactValue) => number | undefined;

/** Up to this many records carrying a value: its full weight. */
export const RARE_VALUE_RECORDS = 5;
/** Past this many: no weight at all (a hotel, an NGO's office, a switchboard). */
export const COMMON_VALUE_RECORDS = 20;

/** The share of its weight a value carried by `records` records keeps: 1 while rare, 5/n up to 20, then 0. */
export function rarity(records: number): number {
  if (records > COMMON_VALUE_RECORDS) return 0;
  return records <= RARE_VALUE_RECORDS ? 1 : RARE_VALUE_RECORDS / records;
}

/** The person's contact details as resolution keeps them. */
export function contactFactsOf(person: ContractLike<Person>): ContactFacts {
  const facts: ContactFacts = {};
  const addresses = (person.addresses ?? []).map(addressFactsOf).filter((address) => address.line || address.street);
  if (addresses.length) facts.addresses = addresses;
  const phones = unique((person.phones ?? []).map((phone) => phone.e164 ?? ''));
  if (phones.length) facts.phones = phones;
  const emails = unique((person.emails ?? []).map((email) => email.normalized ?? ''));
  if (emails.length) facts.emails = emails;
  return facts;
}

function addressFactsOf(address: AddressLike): AddressFacts {
  return {
    line: address.normalized ?? '',
    street: normalizeText(address.street ?? ''),
    number: normalizeText(address.number ?? ''),
    postcode: normalizeText(address.postcode ?? ''),
    locality: normalizeText(address.locality ?? ''),
    country: (address.country ?? '').trim().toUpperCase(),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** The values a person can share with others, as networks store them: address lines, phones, emails, identifiers, documents. */
export function contactValuesOf(facts: ContactFacts & { documents?: DocumentFacts[] }): ContactValue[] {
  const values: ContactValue[] = [
    ...(facts.phones ?? []).map((value) => ({ attribute: 'phone' as const, value })),
    ...(facts.emails ?? []).map((value) => ({ attribute: 'email' as const, value })),
    ...unique((facts.addresses ?? []).map((address) => address.line)).map((value) => ({
      attribute: 'address' as const,
      value,
    })),
  ];
  for (const document of facts.documents ?? []) {
    const value = documentValueOf(document);
    if (value && !values.some((known) => known.attribute === value.attribute && known.value === value.value))
      values.push(value);
  }
  return values;
}

const IDENTIFIER_TYPES = new Set(['national_id', 'tax_id', 'social_security']);

/** A document as networks store it (`RUS|X123`), or a national identifier (`ITA|tax_id|12345`). */
export function documentValueOf(document: DocumentFacts): ContactValue | undefined {
  if (!document.number) return undefined;
  return IDENTIFIER_TYPES.has(document.type)
    ? { attribute: 'identifier', value: `${document.country}|${document.type}|${document.number}` }
    : { attribute: 'document', value: `${document.country}|${document.number}` };
}

/** The records carrying `value`: as counted, and never fewer than the two compared. */
export function carriersOf(carriers: CarriersOf | undefined, value: ContactValue): number {
  return Math.max(2, carriers?.(value) ?? 2);
}

const PHONE_SHARED = 1.5;
const EMAIL_SHARED = 1.5;
/**
 * A rare address shared: with the same birth date, it lets two records whose
 * names share one part (a given name replaced, a typo in the other) be one
 * person; with half a name alone (no birth date) it stays just below the
 * same-entity threshold, a possible duplicate; a relative at the same address
 * (another given name and birth date) stays well below.
 */
const ADDRESS_SHARED = 1.9;
/** The same street and number, one place given apart by a typo: a little less than the same line. */
const ADDRESS_NEAR = 0.95;
const STREET_MIN_JW = 0.9;

const FULL_WEIGHTS: Record<string, number> = { phone: PHONE_SHARED, email: EMAIL_SHARED, address: ADDRESS_SHARED };

/** Whether a contact feature agrees on a value few records carry: corroboration of a shared document. */
export function isRareAgreement(evidence: FeatureEvidence): boolean {
  return evidence.weight === FULL_WEIGHTS[evidence.feature];
}

/** What the contact details the two share say: one feature each for phones, emails and addresses, when they agree. */
export function contactEvidence(a: ContactFacts, b: ContactFacts, carriers?: CarriersOf): FeatureEvidence[] {
  const features: (FeatureEvidence | undefined)[] = [];
  const phone = sharedValue('phone', a.phones, b.phones, carriers);
  if (phone) features.push(weighed('phone', 1, PHONE_SHARED, phone, `same phone number ${phone.value}`));
  const email = sharedValue('email', a.emails, b.emails, carriers);
  if (email) features.push(weighed('email', 1, EMAIL_SHARED, email, `same email address ${email.value}`));
  features.push(addressEvidence(a.addresses, b.addresses, carriers));
  return features.filter((evidence) => evidence !== undefined);
}

interface Shared {
  value: string;
  records: number;
}

/** The rarest value both carry. */
function sharedValue(
  attribute: ContactAttribute,
  a: string[] | undefined,
  b: string[] | undefined,
  carriers: CarriersOf | undefined,
): Shared | undefined {
  let rarest: Shared | undefined;
  for (const value of a ?? []) {
    if (!b?.includes(value)) continue;
    const records = carriersOf(carriers, { attribute, value });
    if (!rarest || records < rarest.records) rarest = { value, records };
  }
  return rarest;
}

/** `weight` scaled by the value's rarity; undefined when so many carry it that it says nothing. */
function weighed(name: string, score: number, weight: number, shared: Shared, detail: string) {
  const share = rarity(shared.records);
  return share > 0
    ? feature(name, score, weight * share, `${detail}, carried by ${shared.records} records`)
    : undefined;
}

/** The best agreement of any two addresses: the same line, else the same street and number in one place typed apart. */
function addressEvidence(
  a: AddressFacts[] | undefined,
  b: AddressFacts[] | undefined,
  carriers: CarriersOf | undefined,
): FeatureEvidence | undefined {
  let best: FeatureEvidence | undefined;
  for (const x of a ?? [])
    for (const y of b ?? []) {
      const agreement = addressAgreement(x, y);
      if (agreement === 0) continue;
      const records = Math.max(
        ...[x.line, y.line].filter(Boolean).map((value) => carriersOf(carriers, { attribute: 'address', value })),
      );
      const detail = agreement === 1 ? `same address ${describe(x)}` : `${describe(x)} ≈ ${describe(y)}`;
      const evidence = weighed('address', agreement, ADDRESS_SHARED, { value: x.line, records }, detail);
      if (evidence && (!best || evidence.score * evidence.weight > best.score * best.weight)) best = evidence;
    }
  return best;
}

/** 1 for the same line; ADDRESS_NEAR for the same street (typos aside) and number, in the same place typos aside; else 0. */
function addressAgreement(x: AddressFacts, y: AddressFacts): number {
  if (x.line && x.line === y.line) return 1;
  if (!x.street || !y.street || !x.number || x.number !== y.number) return 0;
  if (x.country && y.country && x.country !== y.country) return 0;
  const street = jaroWinkler(x.street.replaceAll(' ', ''), y.street.replaceAll(' ', ''));
  if (street < STREET_MIN_JW) return 0;
  const samePostcode = x.postcode && y.postcode && editDistance(x.postcode, y.postcode, 1) <= 1;
  const sameLocality =
    x.locality && y.locality && jaroWinkler(x.locality.replaceAll(' ', ''), y.locality.replaceAll(' ', '')) >= 0.9;
  return samePostcode || sameLocality ? ADDRESS_NEAR : 0;
}

function describe(address: AddressFacts): string {
  return [address.number, address.street, address.postcode || address.locality, address.country]
    .filter(Boolean)
    .join(' ');
}
