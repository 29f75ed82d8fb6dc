/**
 * How strongly an edge joins two entities, and why, in words. A declared
 * relation is as strong as the agency's word. A shared attribute is strong
 * while few records carry it, and weakens as more do: a phone or address
 * shared by two people says much, one shared by a hotel's guests little.
 *
 *  - up to RARE_VALUE_RECORDS (5) records carry the value: the attribute's
 *    full weight, `strong`;
 *  - up to COMMON_VALUE_RECORDS (20): the weight × 5 / n, `weak`;
 *  - more: no edge at all (the repository leaves it out).
 *
 * Counts are of the records the caller may see, so neither the score nor the
 * count tells of records it may not. Records, not entities: counting entities
 * would tell that two visible records are one entity through a hidden one.
 * The rarity rule is resolution's (contact-details.ts): dedup weighs a shared
 * value as evidence of one person by the same counts.
 */
import { COMMON_VALUE_RECORDS, RARE_VALUE_RECORDS, rarity } from '@crosscheck/resolution';
import type { SharedAttribute } from './network-evidence';

export { COMMON_VALUE_RECORDS, RARE_VALUE_RECORDS };

const ATTRIBUTE_WEIGHTS: Record<SharedAttribute, number> = {
  identifier: 0.95,
  document: 0.95,
  phone: 0.9,
  email: 0.9,
  address: 0.8,
  registration: 0.95,
};
const ATTRIBUTE_WORDS: Record<SharedAttribute, string> = {
  identifier: 'national identifier',
  document: 'identity document',
  phone: 'phone number',
  email: 'email address',
  address: 'address',
  registration: 'registration number',
};

export interface EdgeStrength {
  score: number;
  strength: 'declared' | 'strong' | 'weak';
}

export function attributeEdgeStrength(attribute: SharedAttribute, recordsSharing: number): EdgeStrength | undefined {
  const share = rarity(recordsSharing);
  if (share === 0) return undefined;
  const score = round(ATTRIBUTE_WEIGHTS[attribute] * share);
  return { score, strength: share === 1 ? 'strong' : 'weak' };
}

export const DECLARED: EdgeStrength = { score: 1, strength: 'declared' };

/** `same phone number +33612345678, carried by 2 records`; `same registration number HRB12345 (DEU company registration), …`. */
export function explainAttribute(attribute: SharedAttribute, value: string, recordsSharing: number): string {
  return `same ${ATTRIBUTE_WORDS[attribute]} ${displayValue(attribute, value)}, carried by ${recordsSharing} records`;
}

/** `FRA declared: associate, since 2024-05`. */
export function explainRelation(owner: string, role: string, since: string | null, until: string | null): string {
  const period = [since && `since ${since}`, until && `until ${until}`].filter(Boolean).join(', ');
  return `${owner} declared: ${role}${period ? `, ${period}` : ''}`;
}

/**
 * Stored values keep their parts apart with `|`; shown, the empty parts go and the rest are joined with spaces.
 * A registration number is shown with its register: `HRB12345 (DEU company registration)`.
 */
export function displayValue(attribute: SharedAttribute, value: string): string {
  if (attribute === 'phone' || attribute === 'email') return value;
  if (attribute === 'registration') {
    const [type, country, number] = value.split('|');
    return `${number} (${country} ${type.replace(/_/g, ' ')})`;
  }
  return value.split('|').filter(Boolean).join(' ');
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
