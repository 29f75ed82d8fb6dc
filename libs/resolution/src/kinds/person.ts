/**
 * Persons: the facts resolution keeps of one (every form of every name
 * normalised, date of birth, sex, nationalities, place of birth, identity
 * documents) and the score of two, feature by feature.
 *
 * Calibration, on the weighted mean of pairScore: a shared identity document
 * (same number, no conflicting country) outweighs everything else; two full
 * dates of birth years apart, or the same year but another month and day,
 * pull a namesake well under 0.75 even when names, sex and nationality agree;
 * a missing or partial date is no evidence against, so a duplicate with a
 * typo, a transliteration variant or its parts in another order stays above
 * 0.85.
 */
import type { Person, PersonIdentifier, PersonName } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { compareBirthDates, PartialDate, partialDateOf } from '../dates';
import { feature, FeatureEvidence, pairScore, PairScore, weightByDisagreement } from '../evidence';
import { compareNames, jaroWinkler, NameForm, nameFormOfParts, nameFormsOf, normalizeText } from '../names';
import {
  carriersOf,
  CarriersOf,
  ContactFacts,
  contactEvidence,
  contactFactsOf,
  documentValueOf,
  isRareAgreement,
  rarity,
} from './contact-details';
import {
  compareDocuments,
  countryCode,
  describeDocument,
  DocumentFacts,
  documentFactsOf,
  IDENTIFIER_TYPES_BY_VALUE,
  NUMBER_AGREEMENT_DETAIL,
} from './identity-document';

/** A crosscheck.records.v1.PersonName, as resolution reads it (contract-like.ts). */
export type PersonNameLike = ContractLike<PersonName>;

/** A crosscheck.records.v1.Person, as resolution reads it (contract-like.ts). */
export type PersonLike = ContractLike<Person, 'names'>;

export type PersonSex = 'male' | 'female';

/**
 * What resolution compares of a person, precomputed and JSON-serialisable (it
 * is stored and compared later). Only `names` is required, so facts stored
 * before the other fields existed still score: their name forms are derived
 * from `names` when compared.
 */
export interface PersonFacts extends ContactFacts {
  /** Every written form of every name (Latin and original script), as given. */
  names: string[];
  /** The same names normalised: parts, phonetic codes, variants. */
  nameForms?: NameForm[];
  dateOfBirth?: PartialDate;
  sex?: PersonSex;
  /** ISO 3166-1 alpha-3, upper case. */
  nationalities?: string[];
  /** Normalised (Latin, lower case). */
  placeOfBirth?: string;
  /** Those with a number only; national identifiers too, typed `national_id`, `tax_id` or `social_security`. */
  documents?: DocumentFacts[];
}

const SEXES: Record<number, PersonSex> = { 1: 'male', 2: 'female' };

/** The facts resolution compares: every written form of every name, normalised, and the rest of the person. */
export function personFactsOf(person: PersonLike): PersonFacts {
  const names = person.names.flatMap((name) =>
    [name.full || `${name.given ?? ''} ${name.family ?? ''}`, name.original ?? ''].filter(
      (text) => text.trim().length > 0,
    ),
  );
  const facts: PersonFacts = { names, nameForms: uniqueForms(person.names.flatMap(formsOfName)) };
  const dateOfBirth = partialDateOf(person.dateOfBirth);
  if (dateOfBirth) facts.dateOfBirth = dateOfBirth;
  const sex = SEXES[person.sex ?? 0];
  if (sex) facts.sex = sex;
  const nationalities = [...new Set((person.nationalities ?? []).map(countryCode).filter(Boolean))];
  if (nationalities.length) facts.nationalities = nationalities;
  const placeOfBirth = normalizeText(person.placeOfBirth ?? '');
  if (placeOfBirth) facts.placeOfBirth = placeOfBirth;
  const documents = [
    ...(person.documents ?? []).map(documentFactsOf),
    ...(person.identifiers ?? []).map(identifierFactsOf),
  ].filter((document) => document.number.length > 0);
  if (documents.length) facts.documents = documents;
  return { ...facts, ...contactFactsOf(person) };
}

/** A national identifier is compared like a document: a typed number of a country. */
function identifierFactsOf(identifier: ContractLike<PersonIdentifier>): DocumentFacts {
  const facts = documentFactsOf({
    number: identifier.numberNormalized || identifier.number,
    issuingCountry: identifier.country,
  });
  return { ...facts, type: IDENTIFIER_TYPES_BY_VALUE[identifier.type ?? 0] ?? 'other' };
}

/** The name of record as given and family names (parts know their role), the full name when it says more, and the original script. */
function formsOfName(name: PersonNameLike): NameForm[] {
  const { full = '', given = '', family = '', original = '', script } = name;
  const forms: NameForm[] = [];
  const alias = name.alias === true;
  if (given.trim() || family.trim()) forms.push(nameFormOfParts(given, family, { alias }));
  if (full.trim()) forms.push(...nameFormsOf(full, { alias }));
  if (original.trim()) forms.push(...nameFormsOf(original, { script, alias }));
  return forms;
}

/** Forms with the same parts (and the same Han or Hangul characters) are one; the first (from given and family, so with roles) stays. */
export function uniqueForms(forms: NameForm[]): NameForm[] {
  const seen = new Set<string>();
  return forms.filter((form) => {
    const parts = form.parts
      .map((part) => part.text)
      .sort()
      .join(' ');
    const key = parts && `${parts}|${form.native ?? ''}`;
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The person's name forms: precomputed, or derived from `names` for facts stored before forms were. */
export function personNameForms(facts: PersonFacts): NameForm[] {
  return facts.nameForms ?? uniqueForms(facts.names.flatMap((name) => nameFormsOf(name)));
}

const NAME_WEIGHT = 0.6;
const NAME_WEIGHT_WHEN_DIFFERENT = 0.6;
const SEX_AGREES = 0.05;
const SEX_DIFFERS = 0.3;
const NATIONALITY = 0.1;
const PLACE_OF_BIRTH_AGREES = 0.05;
const PLACE_OF_BIRTH_MIN_JW = 0.9;
const DOCUMENT_SHARED = 2.5;
/** The least a shared identity document scores when the birth dates do not disagree. */
const SHARED_DOCUMENT_FLOOR = 0.9;
const DOCUMENT_ONE_EDIT = 0.6;
const DOCUMENT_SAME_NUMBER_OTHER_COUNTRY = 0.2;
/**
 * Another number of the same document type and country counts against, but
 * little: numbers are mistyped and documents reissued far more often than two
 * people share a full name and a full birth date.
 */
const DOCUMENT_OTHER_NUMBER = 0.2;
/** A shared document and names agreeing at least this much are one person even when the birth dates disagree (a mistyped date). */
const SHARED_DOCUMENT_NAME_AGREES = 0.9;

/** Kept between the most a pair could score and the floor it must reach, for the rounding of each feature's weight. */
const ROUNDING_MARGIN = 0.001;

/**
 * `carriers` says how many records carry each contact value, identifier and
 * document (dedup counts them); without it each is taken as the pair's alone.
 *
 * `floor`: the least score the caller acts on (dedup's review threshold, a
 * dataset's `possible`). The names, most of a pair's cost, are compared last,
 * and only when the rest leaves the pair able to reach it: when even names
 * agreeing fully would leave it short (two full birth dates years apart), the
 * answer is `capped`, its score the most the pair could reach and its
 * features those compared, without the name. The most is the score with the
 * name at 1: a name agreeing less scores less and weighs more, both pulling
 * the mean down (weightByDisagreement's added weight never exceeds
 * NAME_WEIGHT, which keeps that true; person.spec.ts checks it).
 */
export function scorePersons(a: PersonFacts, b: PersonFacts, carriers?: CarriersOf, floor?: number): PairScore {
  const birth = compareBirthDates(a.dateOfBirth, b.dateOfBirth);
  const others: FeatureEvidence[] = [];
  if (birth) others.push(feature('date_of_birth', birth.score, birth.weight, birth.detail));
  if (a.sex && b.sex)
    others.push(
      a.sex === b.sex
        ? feature('sex', 1, SEX_AGREES, `both ${a.sex}`)
        : feature('sex', 0, SEX_DIFFERS, `${a.sex} vs ${b.sex}`),
    );
  const nationality = nationalityEvidence(a.nationalities, b.nationalities);
  if (nationality) others.push(nationality);
  if (a.placeOfBirth && b.placeOfBirth && jaroWinkler(a.placeOfBirth, b.placeOfBirth) >= PLACE_OF_BIRTH_MIN_JW) {
    others.push(feature('place_of_birth', 1, PLACE_OF_BIRTH_AGREES, `${a.placeOfBirth} ≈ ${b.placeOfBirth}`));
  }
  const document = documentEvidence(a.documents, b.documents, carriers);
  if (document) others.push(document);
  const contacts = contactEvidence(a, b, carriers);
  others.push(...contacts);
  // One passport (same number, type and issuing country) held by both, and birth dates that do not
  // disagree: the same person, however differently the names were romanised (Junjie / Chun-Chieh);
  // or the same names, or a rare address or phone shared too, whatever the birth dates say (one mistyped).
  const sharesDocument = document !== undefined && document.weight === DOCUMENT_SHARED && document.score >= 0.95;
  if (floor !== undefined && !sharesDocument) {
    const most = pairScore([feature('name', 1, NAME_WEIGHT, ''), ...others]).score;
    if (most + ROUNDING_MARGIN < floor) return { score: most, features: others, capped: true };
  }
  const name = compareNamesOfPersons(a, b, birth);
  const features = name
    ? [
        feature(
          'name',
          name.score,
          weightByDisagreement(name.score, NAME_WEIGHT, NAME_WEIGHT_WHEN_DIFFERENT),
          name.detail,
        ),
        ...others,
      ]
    : others;
  const result = pairScore(features);
  const datesAllow =
    !birth ||
    birth.score >= 0.5 ||
    (name !== undefined && name.score >= SHARED_DOCUMENT_NAME_AGREES) ||
    contacts.some(isRareAgreement);
  if (sharesDocument && datesAllow && result.score < SHARED_DOCUMENT_FLOOR)
    return { ...result, score: SHARED_DOCUMENT_FLOOR };
  return result;
}

/** Birth dates agreeing at least this much (as far as both sides know them, a typo at most) let swapped names be one record's swapped fields. */
const DATES_AGREE_FOR_SWAPPED_FIELDS = 0.5;

/**
 * The names compared, a given name paired with a family name counting less
 * (two people as often as one record with swapped fields), unless both sides
 * give a birth date and the dates agree: then the swap is taken for swapped
 * fields. With no date on one side, nothing tells the two apart.
 */
function compareNamesOfPersons(a: PersonFacts, b: PersonFacts, birth: ReturnType<typeof compareBirthDates>) {
  const name = compareNames(personNameForms(a), personNameForms(b));
  if (!name?.crossedRoles || !birth || birth.score < DATES_AGREE_FOR_SWAPPED_FIELDS) return name;
  const swapped = compareNames(personNameForms(a), personNameForms(b), { crossedRoles: 1 });
  return (
    swapped && {
      ...swapped,
      detail: `${swapped.detail}; given and family names swapped, taken for swapped fields as the birth dates agree`,
    }
  );
}

function nationalityEvidence(a: string[] | undefined, b: string[] | undefined): FeatureEvidence | undefined {
  if (!a?.length || !b?.length) return undefined;
  const shared = a.filter((code) => b.includes(code));
  return shared.length > 0
    ? feature('nationality', 1, NATIONALITY, `both ${shared.join(', ')}`)
    : feature('nationality', 0, NATIONALITY, `${a.join(', ')} vs ${b.join(', ')}`);
}

/** The strongest thing any pair of documents says: shared beats near-miss beats conflicting. */
function documentEvidence(
  a: DocumentFacts[] | undefined,
  b: DocumentFacts[] | undefined,
  carriers: CarriersOf | undefined,
): FeatureEvidence | undefined {
  let best: FeatureEvidence | undefined;
  for (const x of a ?? []) {
    for (const y of b ?? []) {
      const evidence = documentPairEvidence(x, y, carriers);
      if (
        evidence &&
        (!best || evidence.score > best.score || (evidence.score === best.score && evidence.weight > best.weight))
      )
        best = evidence;
    }
  }
  return best;
}

function documentPairEvidence(
  x: DocumentFacts,
  y: DocumentFacts,
  carriers: CarriersOf | undefined,
): FeatureEvidence | undefined {
  const comparison = compareDocuments(x, y);
  const both = `${describeDocument(x)} vs ${describeDocument(y)}`;
  const detail = `${NUMBER_AGREEMENT_DETAIL[comparison.number]}: ${both}`;
  if (comparison.number === 'same' || comparison.number === 'ocr-variant') {
    if (comparison.sameCountry === false)
      return feature(
        'identity_document',
        0.6,
        DOCUMENT_SAME_NUMBER_OTHER_COUNTRY,
        `${detail}, issued by other countries`,
      );
    // A number many records carry (a placeholder, a company's tax id) is weak; past COMMON_VALUE_RECORDS, none.
    const value = comparison.number === 'same' ? documentValueOf(x) : undefined;
    const records = value ? carriersOf(carriers, value) : 2;
    if (rarity(records) === 0) return undefined;
    return feature(
      'identity_document',
      comparison.number === 'same' ? 1 : 0.95,
      DOCUMENT_SHARED * rarity(records),
      records > 2 ? `${detail}, carried by ${records} records` : detail,
    );
  }
  if (comparison.number === 'one-edit' && comparison.sameCountry !== false)
    return feature('identity_document', 0.75, DOCUMENT_ONE_EDIT, detail);
  if (comparison.sameCountry && comparison.sameType)
    return feature('identity_document', 0.2, DOCUMENT_OTHER_NUMBER, `two documents of one type and country: ${both}`);
  return undefined;
}

/**
 * @deprecated Use `blockingKeys` (several keys per record, so typos and
 * partial dates still meet). The sorted name parts and the birth year, as one
 * string.
 */
export function personBlockingKey(facts: PersonFacts): string {
  const forms = personNameForms(facts).filter((form) => form.route !== 'learned');
  const parts = [...new Set(forms.flatMap((form) => form.parts.map((part) => part.text)))].sort();
  return `${parts.join(' ')}|${facts.dateOfBirth?.year ?? ''}`;
}
