/**
 * Organisations (criminal groups, companies, associations): the facts
 * resolution keeps of one (every name's distinctive part in every script,
 * the legal forms its names and its record give, registration numbers,
 * countries) and the score of two, feature by feature.
 *
 * Calibration, on the weighted mean of pairScore: the same distinctive name,
 * in any script or romanisation (`ООО «Сонхо Американо»`, `Sonho Americano
 * Ltda`), is one organisation at 0.85 or more whether or not the legal forms
 * were given; two legal forms that differ (a GmbH and an AG of one name) pull
 * a little, not under 0.85, as groups and front companies are written with
 * whatever form the reporting officer knew. A shared registration number
 * (number, type and country) outweighs everything else; another number in
 * the same register counts against, and so does one word of two names
 * differing (`Sonho Americano`, `Sonho Brasileiro` stay under 0.75).
 */
import type { Organisation } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { feature, FeatureEvidence, pairScore, PairScore, weightByDisagreement } from '../evidence';
import { normalizeDocumentNumber } from '../identifiers';
import { compareNames, LegalForm, legalFormOf, NameForm, nameFormsOf, organisationNameOf } from '../names';
import { uniqueForms } from './person';
import { countryCode } from './identity-document';

/** A crosscheck.records.v1.Organisation, as resolution reads it (contract-like.ts). */
export type OrganisationLike = ContractLike<Organisation, 'names'>;

/** By crosscheck.records.v1.OrganisationIdentifierType value. */
const REGISTRATION_TYPES = ['', 'company_registration', 'tax_id', 'vat', 'association_registration'];

export interface RegistrationFacts {
  type: string;
  /** A-Z and 0-9 only. */
  number: string;
  /** ISO 3166-1 alpha-3, upper case; empty when unknown. */
  country: string;
}

/** What resolution compares of an organisation. JSON-serialisable; stored and compared later. */
export interface OrganisationFacts {
  /** Every name as written. */
  names: string[];
  /** The distinctive part of every name (legal forms and introducers gone), normalised, in every script's forms. */
  nameForms: NameForm[];
  /** Canonical legal forms from the names and the record's legal form. */
  legalForms?: LegalForm[];
  /** `criminal_group`, `company`, `association`, `other`; absent when unknown. */
  organisationType?: string;
  registrationNumbers?: RegistrationFacts[];
  /** ISO 3166-1 alpha-3, upper case. */
  countries?: string[];
  /** Numbers in the names (`CaiCai III`, `Brigade 17`), roman numerals as digits: a faction's number is its name. */
  numbers?: string[];
}

export function organisationFactsOf(organisation: OrganisationLike): OrganisationFacts {
  const names = organisation.names.map((name) => name.name ?? '').filter((name) => name.trim().length > 0);
  const legalForms = new Set<LegalForm>();
  const forms = organisation.names.flatMap((name) => {
    const split = organisationNameOf(name.name ?? '');
    split.legalForms.forEach((form) => legalForms.add(form));
    // Numbers are compared on their own (`III` is `3`), so the name's words are what is left.
    const words = withoutNumbers(split.distinctive) || split.distinctive;
    return words ? nameFormsOf(words, { script: name.script || undefined, alias: name.alias, keepAffixes: true }) : [];
  });
  const numbers = [...new Set(names.flatMap(numbersOf))];
  const declared = organisation.legalForm ? legalFormOf(organisation.legalForm) : undefined;
  if (declared) legalForms.add(declared);
  const facts: OrganisationFacts = { names, nameForms: uniqueForms(forms) };
  if (legalForms.size) facts.legalForms = [...legalForms];
  if (numbers.length) facts.numbers = numbers;
  if (organisation.organisationType) facts.organisationType = organisation.organisationType;
  const registrations = (organisation.registrationNumbers ?? [])
    .map((registration) => ({
      type: REGISTRATION_TYPES[registration.type ?? 0] ?? '',
      number: normalizeDocumentNumber(registration.numberNormalized || registration.number || ''),
      country: countryCode(registration.country),
    }))
    .filter((registration) => registration.number.length > 0);
  if (registrations.length) facts.registrationNumbers = registrations;
  const countries = [...new Set((organisation.countries ?? []).map(countryCode).filter(Boolean))];
  if (countries.length) facts.countries = countries;
  return facts;
}

const NAME = 0.7;
const NAME_WHEN_DIFFERENT = 0.5;
/** Legal forms say what kind of body, not which: agreeing says almost nothing, differing little. */
const LEGAL_FORM_AGREES = 0.05;
const LEGAL_FORM_DIFFERS = 0.1;
const LEGAL_FORM_DIFFERS_SCORE = 0.4;
const TYPE_DIFFERS = 0.1;
const TYPE_DIFFERS_SCORE = 0.3;
const COUNTRY = 0.1;
const COUNTRY_DIFFERS_SCORE = 0.3;
const NUMBER_AGREES = 0.1;
/** Another number is another faction or branch (`CaiCai II`, `CaiCai III`), however alike the rest. */
const NUMBER_DIFFERS = 1;
/** A number on one side only (`CaiCai`, `CaiCai III`): the group or one of its factions, for an analyst to review. */
const NUMBER_ON_ONE_SIDE = 0.4;
const NUMBER_ON_ONE_SIDE_SCORE = 0.5;
const REGISTRATION_SHARED = 2.5;
const REGISTRATION_OTHER_NUMBER = 0.6;
/** The least a shared registration number scores: one register entry is one organisation, renamed or not. */
const SHARED_REGISTRATION_FLOOR = 0.9;

export function scoreOrganisations(a: OrganisationFacts, b: OrganisationFacts): PairScore {
  const features: FeatureEvidence[] = [];
  const name = compareNames(a.nameForms, b.nameForms);
  if (name)
    features.push(
      feature('name', name.score, weightByDisagreement(name.score, NAME, NAME_WHEN_DIFFERENT), name.detail),
    );
  const number = numberEvidence(a.numbers, b.numbers);
  if (number) features.push(number);
  const legalForm = legalFormEvidence(a.legalForms, b.legalForms);
  if (legalForm) features.push(legalForm);
  if (a.organisationType && b.organisationType && a.organisationType !== b.organisationType)
    features.push(
      feature(
        'organisation_type',
        TYPE_DIFFERS_SCORE,
        TYPE_DIFFERS,
        `${a.organisationType.replace('_', ' ')} vs ${b.organisationType.replace('_', ' ')}`,
      ),
    );
  if (a.countries?.length && b.countries?.length) {
    const shared = a.countries.filter((country) => b.countries!.includes(country));
    features.push(
      shared.length
        ? feature('country', 1, COUNTRY, `both ${shared.join(', ')}`)
        : feature('country', COUNTRY_DIFFERS_SCORE, COUNTRY, `${a.countries.join(', ')} vs ${b.countries.join(', ')}`),
    );
  }
  const registration = registrationEvidence(a.registrationNumbers, b.registrationNumbers);
  if (registration) features.push(registration);
  const result = pairScore(features);
  if (registration?.score === 1 && result.score < SHARED_REGISTRATION_FLOOR)
    return { ...result, score: SHARED_REGISTRATION_FLOOR };
  return result;
}

function numberEvidence(a: string[] | undefined, b: string[] | undefined): FeatureEvidence | undefined {
  if (!a?.length && !b?.length) return undefined;
  if (!a?.length || !b?.length)
    return feature(
      'number',
      NUMBER_ON_ONE_SIDE_SCORE,
      NUMBER_ON_ONE_SIDE,
      `numbered ${(a ?? b)!.join(', ')} on one side only`,
    );
  const shared = a.filter((number) => b.includes(number));
  return shared.length
    ? feature('number', 1, NUMBER_AGREES, `both numbered ${shared.join(', ')}`)
    : feature('number', 0, NUMBER_DIFFERS, `numbered ${a.join(', ')} vs ${b.join(', ')}`);
}

function legalFormEvidence(a: LegalForm[] | undefined, b: LegalForm[] | undefined): FeatureEvidence | undefined {
  if (!a?.length || !b?.length) return undefined;
  const shared = a.filter((form) => b.includes(form));
  const words = (forms: LegalForm[]) => forms.map((form) => form.replace('_', ' ')).join(', ');
  return shared.length
    ? feature('legal_form', 1, LEGAL_FORM_AGREES, `both ${words(shared)}`)
    : feature('legal_form', LEGAL_FORM_DIFFERS_SCORE, LEGAL_FORM_DIFFERS, `${words(a)} vs ${words(b)}`);
}

/** A number in one register on both sides is one organisation; another number in that register is likely another. */
function registrationEvidence(
  a: RegistrationFacts[] | undefined,
  b: RegistrationFacts[] | undefined,
): FeatureEvidence | undefined {
  let otherNumber: FeatureEvidence | undefined;
  for (const x of a ?? [])
    for (const y of b ?? []) {
      const sameRegister = x.type === y.type && (!x.country || !y.country || x.country === y.country);
      if (!sameRegister) continue;
      const described = `${x.country} ${x.type.replace('_', ' ')}`.trim();
      if (x.number === y.number)
        return feature('registration', 1, REGISTRATION_SHARED, `same ${described} ${x.number}`);
      otherNumber ??= feature(
        'registration',
        0,
        REGISTRATION_OTHER_NUMBER,
        `two numbers in one register: ${described} ${x.number} vs ${y.number}`,
      );
    }
  return otherNumber;
}

const ROMAN = /^(?=[IVXLC]{2,}$)(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;
const DIGITS = /^\d+$/;
const isNumber = (word: string) => DIGITS.test(word) || ROMAN.test(word);

/** The name without its number words: `CaiCai III` → `CaiCai`. */
function withoutNumbers(name: string): string {
  return name
    .normalize('NFKC')
    .split(/\s+/)
    .filter((word) => !word.split(NOT_LETTER_OR_DIGIT).some(isNumber))
    .join(' ');
}

/** Whole numbers and upper-case roman numerals of two letters or more, as written words: `III` → 3. */
function numbersOf(name: string): string[] {
  return name
    .normalize('NFKC')
    .split(NOT_LETTER_OR_DIGIT)
    .flatMap((word) => {
      if (DIGITS.test(word)) return [String(Number(word))];
      if (!ROMAN.test(word)) return [];
      let value = 0;
      for (let i = 0; i < word.length; i++) {
        const here = ROMAN_VALUES[word[i]];
        value += here < (ROMAN_VALUES[word[i + 1]] ?? 0) ? -here : here;
      }
      return [String(value)];
    });
}
