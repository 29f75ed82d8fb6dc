/**
 * How many records carry each contact value, identifier and document, so that
 * scoring weighs a shared value by its rarity (libs/resolution
 * contact-details.ts). Counted in `network_attributes`, the table networks
 * count their edges' strength in: one count for both.
 *
 *  - Resolving a record: every live record, the one being resolved counted
 *    from its facts (it is not stored yet, or stored as an older version).
 *    Records placed earlier in the same batch are not written yet and go
 *    uncounted: a value shared inside one batch looks rarer than it is by at
 *    most the batch's size.
 *  - Showing an entity or a network to an agency: only the records it may see,
 *    so that no score tells of a record it may not.
 */
import { contactValuesOf, type CarriersOf, type ContactValue, type RecordFacts } from '@crosscheck/resolution';

/** The values the records could share, once each. */
export function contactValuesOfAll(facts: RecordFacts[]): ContactValue[] {
  const values = new Map<string, ContactValue>();
  for (const one of facts)
    if (one.kind === 'person') for (const value of contactValuesOf(one)) values.set(keyOf(value), value);
  return [...values.values()];
}

export function keyOf(value: ContactValue): string {
  return `${value.attribute}|${value.value}`;
}

/** Carriers from counts keyed by `keyOf`, plus the record being resolved for the values it carries. */
export function carriersFrom(counts: Map<string, number>, resolving?: RecordFacts): CarriersOf {
  const own = new Set(resolving ? contactValuesOfAll([resolving]).map(keyOf) : []);
  return (value) => {
    const key = keyOf(value);
    const counted = counts.get(key);
    if (counted === undefined && !own.has(key)) return undefined;
    return (counted ?? 0) + (own.has(key) ? 1 : 0);
  };
}
