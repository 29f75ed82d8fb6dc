/**
 * A person as the generator knows them, before any agency writes them down:
 * who they are (culture, sex, name parts with every spelling they may take,
 * date of birth, nationality, documents) and how one agency chose to write
 * the name (which script, which fields). Originals and homonyms are drawn
 * here; duplicates are corrupted copies (corruptions.ts); person-record.ts
 * turns any of them into intake's JSON.
 */
import { Culture, GivenNameEntry, NameEntry, Sex } from './cultures';
import { drawDocuments, IdentityDocument } from './identity-documents';
import { Prng } from './prng';

/** One part of a name (a given name, a patronymic, one family name), as currently written on each side. */
export interface NamePart {
  entry: NameEntry;
  latin: string;
  native: string;
}

/** Which script the record's name is in: Latin only, the culture's script only, or Latin with the original beside it. */
export type NameForm = 'latin' | 'native' | 'both';

/**
 * How the name sits in intake's fields: given and family (with or without the
 * full name in the culture's order), or, as a corruption, given and family
 * swapped, or only the full name in the other order.
 */
export type NameLayout = 'fields' | 'fields_and_full' | 'swapped_fields' | 'full_reversed';

export interface PersonName {
  given: NamePart;
  /** A second given name, a patronymic or the father's name, by culture. */
  middle?: NamePart;
  /** One family name; two for Spanish-speaking persons (father's, mother's). */
  family: NamePart[];
  form: NameForm;
  layout: NameLayout;
}

export interface PersonFacts {
  culture: Culture;
  sex: Sex;
  name: PersonName;
  /** `YYYY-MM-DD` for an original; partial or absent only as a corruption. */
  dateOfBirth?: string;
  nationalities: string[];
  documents: IdentityDocument[];
}

const BIRTH_YEARS = { first: 1945, last: 2005 } as const;

export function drawPerson(rng: Prng, culture: Culture): PersonFacts {
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const spelling: Spelling = rng.chance(USUAL_SPELLING_RATE) ? 'usual' : 'any';
  const given = spell(rng, rng.pick(givenNames(culture, sex)), spelling);
  const family = Array.from({ length: culture.familyNameCount }, () => {
    const entry = rng.pick(culture.family);
    return spell(rng, sex === 'female' && culture.feminine ? culture.feminine(entry) : entry, spelling);
  });
  const form: NameForm =
    culture.script === 'Latn'
      ? 'latin'
      : rng.weighted<NameForm>([
          ['both', 5],
          ['latin', 3],
          ['native', 2],
        ]);
  const layout: NameLayout = rng.weighted<NameLayout>([
    ['fields', 3],
    ['fields_and_full', 1],
  ]);
  const nationality = rng.weighted(culture.countries);
  return {
    culture,
    sex,
    name: { given, middle: drawMiddle(rng, culture, sex, given, spelling), family, form, layout },
    dateOfBirth: drawDateOfBirth(rng, rng.int(BIRTH_YEARS.first, BIRTH_YEARS.last)),
    nationalities: [nationality],
    documents: drawDocuments(rng, nationality),
  };
}

/**
 * Another person with the same name, written the same way, born the same
 * year but on another day, with documents of their own: a hard negative that
 * a deduplication must not merge. A middle name is drawn anew, as it would be.
 */
export function drawHomonym(rng: Prng, of: PersonFacts): PersonFacts {
  const year = Number(of.dateOfBirth!.slice(0, 4));
  let dateOfBirth = drawDateOfBirth(rng, year);
  while (dateOfBirth === of.dateOfBirth) dateOfBirth = drawDateOfBirth(rng, year);
  const name = cloneName(of.name);
  const usual = [name.given, ...name.family].every((part) => part.latin === part.entry.latin[0]);
  name.middle = drawMiddle(rng, of.culture, of.sex, name.given, usual ? 'usual' : 'any');
  return {
    ...of,
    name,
    dateOfBirth,
    nationalities: [...of.nationalities],
    documents: drawDocuments(rng, of.nationalities[0]),
  };
}

export function cloneFacts(facts: PersonFacts): PersonFacts {
  return {
    ...facts,
    name: cloneName(facts.name),
    nationalities: [...facts.nationalities],
    documents: facts.documents.map((document) => ({ ...document })),
  };
}

function cloneName(name: PersonName): PersonName {
  return {
    ...name,
    given: { ...name.given },
    middle: name.middle && { ...name.middle },
    family: name.family.map((part) => ({ ...part })),
  };
}

function givenNames(culture: Culture, sex: Sex): readonly GivenNameEntry[] {
  return sex === 'male' ? culture.male : culture.female;
}

/**
 * Most originals spell every part the usual way (the passport's, or with the
 * culture's own letters); the others take any spelling of each part, as a
 * record typed from hearing or from a foreign document would.
 */
const USUAL_SPELLING_RATE = 0.7;
type Spelling = 'usual' | 'any';

function spell(rng: Prng, entry: NameEntry, spelling: Spelling): NamePart {
  const index = spelling === 'usual' ? 0 : rng.int(0, entry.latin.length - 1);
  return { entry, latin: entry.latin[index], native: entry.native };
}

function drawMiddle(rng: Prng, culture: Culture, sex: Sex, given: NamePart, spelling: Spelling): NamePart | undefined {
  const middle = culture.middleName;
  if (!middle || !rng.chance(middle.rate)) return undefined;
  if (middle.kind === 'second_given') {
    const others = givenNames(culture, sex).filter((entry) => entry.native !== given.entry.native);
    return spell(rng, rng.pick(others), spelling);
  }
  if (middle.kind === 'father') return spell(rng, rng.pick(culture.male), spelling);
  const father = rng.pick(culture.male.filter((entry) => entry.patronymicStem));
  const stem = father.patronymicStem!;
  const [nativeEnding, latinEnding] = sex === 'male' ? ['ич', 'ich'] : ['на', 'na'];
  return spell(
    rng,
    { native: stem.native + nativeEnding, latin: stem.latin.map((stemSpelling) => stemSpelling + latinEnding) },
    spelling,
  );
}

export function drawDateOfBirth(rng: Prng, year: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, daysInMonth(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}
