/**
 * Scores two persons: names (order-independent, on normalised parts) and date
 * of birth. Returns a score in [0,1] and the evidence behind it, feature by
 * feature, so an analyst can see why a pair matched.
 */
import { compareBirthDates, PartialDate } from './dates';
import { nameParts } from './names';

export interface PersonFacts {
  names: string[];
  dateOfBirth?: PartialDate;
}

export interface FeatureEvidence {
  feature: string;
  score: number;
  weight: number;
  detail: string;
}

export interface PairScore {
  score: number;
  features: FeatureEvidence[];
}

const NAME_WEIGHT = 0.7;
const BIRTH_DATE_WEIGHT = 0.3;

export function scorePersons(a: PersonFacts, b: PersonFacts): PairScore {
  const name = bestNameAgreement(a.names, b.names);
  const features: FeatureEvidence[] = [{ feature: 'name', score: name.score, weight: NAME_WEIGHT, detail: name.detail }];
  const birth = compareBirthDates(a.dateOfBirth, b.dateOfBirth);
  if (birth) features.push({ feature: 'date_of_birth', score: birth.score, weight: BIRTH_DATE_WEIGHT, detail: birth.detail });
  const weight = features.reduce((sum, f) => sum + f.weight, 0);
  const score = features.reduce((sum, f) => sum + f.score * f.weight, 0) / weight;
  return { score: Math.round(score * 1000) / 1000, features };
}

function bestNameAgreement(left: string[], right: string[]): { score: number; detail: string } {
  let best = { score: 0, detail: 'no name parts in common' };
  for (const a of left) {
    for (const b of right) {
      const partsA = new Set(nameParts(a));
      const partsB = new Set(nameParts(b));
      const shared = [...partsA].filter((part) => partsB.has(part));
      const union = new Set([...partsA, ...partsB]).size;
      const score = union === 0 ? 0 : shared.length / union;
      if (score > best.score) best = { score, detail: `${shared.length} of ${union} name parts agree` };
    }
  }
  return best;
}

/**
 * Blocking key for grouping repeats: the sorted Latin name parts and the birth
 * year. Names written only in another script count as they are, until
 * transliteration lets them meet their Latin form.
 */
export function personBlockingKey(facts: PersonFacts): string {
  const all = [...new Set(facts.names.flatMap(nameParts))];
  const latin = all.filter((part) => /^[a-z0-9]+$/.test(part));
  const parts = (latin.length > 0 ? latin : all).sort();
  return `${parts.join(' ')}|${facts.dateOfBirth?.year ?? ''}`;
}

/** The shape of a person as contracts carry it; structural, so this library needs no contracts. */
export interface PersonLike {
  names: { full: string; given: string; family: string; original: string }[];
  dateOfBirth?: { year: number; month: number; day: number };
}

/** The facts resolution compares: every written form of every name (Latin and original script), and the birth date. */
export function personFactsOf(person: PersonLike): PersonFacts {
  const names = person.names.flatMap((name) =>
    [name.full || `${name.given} ${name.family}`, name.original].filter((text) => text.trim().length > 0),
  );
  const dob = person.dateOfBirth;
  return { names, dateOfBirth: dob?.year ? { year: dob.year, month: dob.month, day: dob.day } : undefined };
}
