/**
 * Notices: persons sought, missing, dead unidentified or warned about, of the
 * person generator's fifteen naming cultures and their scripts. A notice is
 * one person drawn by test/data/generator (name in Latin, in its own script or
 * both; passports and identity cards shaped like the country's), with what
 * notices add: a colour, a reference, charges for a red notice, aliases, and
 * dates of birth that are often known only to the month or the year.
 */
import { Culture, CULTURES, NameEntry } from '../generator/cultures';
import { drawPerson, PersonFacts } from '../generator/person-facts';
import { fullText, personJson } from '../generator/person-record';
import { Prng, streamSeed } from '../generator/prng';
import { NoticeColour, NoticeEntry, PersonNameJson, runningNumber } from './reference-entries';

/** A notice, with the person it was drawn from and its aliases, for making queries of it. */
export interface DrawnNotice {
  entry: NoticeEntry;
  /** The subject as drawn, with the date of birth as the notice gives it. */
  facts: PersonFacts;
  aliases: NoticeAlias[];
}

/** Another name the subject is known by, and its key (see nameKey). */
export interface NoticeAlias {
  name: PersonNameJson;
  key: string;
}

/** Red notices are most of the published ones; then yellow (missing) and blue (whereabouts). */
const COLOUR_WEIGHTS: readonly (readonly [NoticeColour, number])[] = [
  ['red', 40],
  ['yellow', 18],
  ['blue', 14],
  ['green', 8],
  ['black', 6],
  ['silver', 4],
  ['un', 4],
  ['orange', 3],
  ['purple', 3],
];

/** Entry id prefixes; black takes K, as B is blue's. */
const PREFIXES: Record<NoticeColour, string> = {
  red: 'RN',
  yellow: 'YN',
  blue: 'BN',
  black: 'KN',
  green: 'GN',
  orange: 'ON',
  purple: 'PN',
  silver: 'SN',
  un: 'UN',
};

const CHARGES = [
  'Armed robbery',
  'Drug trafficking',
  'Fraud',
  'Homicide',
  'Murder',
  'Human trafficking',
  'Smuggling of migrants',
  'Money laundering',
  'Kidnapping',
  'Terrorism',
  'Participation in an organised criminal group',
  'Rape',
  'Sexual exploitation of children',
  'Arms trafficking',
  'Corruption',
  'Extortion',
  'Counterfeiting currency',
  'Cybercrime',
  'Theft of motor vehicles',
  'Aggravated assault',
  'War crimes',
];

/** How often a notice of each colour names aliases: wanted persons and sanctioned ones carry them most. */
const ALIAS_RATE: Record<NoticeColour, number> = {
  red: 0.3,
  un: 0.6,
  blue: 0.2,
  orange: 0.2,
  silver: 0.2,
  purple: 0.1,
  green: 0.15,
  yellow: 0.05,
  black: 0,
};

/** Dates of birth as notices give them: the day, the month, the year, or nothing. */
type DatePrecision = 'day' | 'month' | 'year' | 'none';
const DOB_PRECISION: readonly (readonly [DatePrecision, number])[] = [
  ['day', 82],
  ['month', 6],
  ['year', 9],
  ['none', 3],
];

const CULTURE_WEIGHTS = CULTURES.map((culture) => [culture, culture.weight] as const);
const ARABIC = CULTURES.find((culture) => culture.id === 'arabic')!;

export function drawNotice(seed: number, index: number): DrawnNotice {
  const rng = new Prng(streamSeed(seed, 'notices', index));
  const colour = rng.weighted(COLOUR_WEIGHTS);
  // UN Security Council sanctions lists are mostly of persons with Arabic names.
  const culture = colour === 'un' && rng.chance(0.6) ? ARABIC : rng.weighted(CULTURE_WEIGHTS);
  const facts = drawPerson(rng, culture);
  // A black notice is of a body not yet identified: the name is the likeliest identity, the age only estimated.
  const precision: DatePrecision =
    colour === 'black' ? 'year' : colour === 'yellow' && rng.chance(0.8) ? 'day' : rng.weighted(DOB_PRECISION);
  facts.dateOfBirth = withPrecision(facts.dateOfBirth!, precision);
  if (colour === 'black') facts.documents = [];

  const aliases: NoticeAlias[] = [];
  if (rng.chance(ALIAS_RATE[colour])) {
    const count = rng.weighted([
      [1, 7],
      [2, 2],
      [3, 1],
    ]);
    const keys = new Set([nameKeyOf(facts)]);
    for (let attempt = 0; aliases.length < count && attempt < 10; attempt++) {
      const alias = drawAlias(rng, facts);
      if (keys.has(alias.key)) continue;
      keys.add(alias.key);
      aliases.push(alias);
    }
  }

  const issued = { year: rng.int(2008, 2026), month: rng.int(1, 12) };
  const subject = personJson(facts);
  subject.names.push(...aliases.map((alias) => ({ ...alias.name, alias: true })));
  const entry: NoticeEntry = {
    entryId: `${PREFIXES[colour]}-${issued.year}-${runningNumber(index, 7)}`,
    colour,
    noticeRef: `A-${rng.int(1, 99_999)}/${issued.month}-${issued.year}`,
    ...(colour === 'red' ? { charges: rng.pick(CHARGES) } : {}),
    subject,
  };
  return { entry, facts, aliases };
}

function withPrecision(dateOfBirth: string, precision: DatePrecision): string | undefined {
  if (precision === 'none') return undefined;
  return dateOfBirth.slice(0, { day: 10, month: 7, year: 4 }[precision]);
}

/**
 * Who a name designates, whatever its spelling or script: the culture and the
 * name-table entries of its given and family names. Two names with one key are
 * namesakes; queries made of a notice avoid keys that another notice shares.
 */
export function nameKey(culture: Culture, given: NameEntry, family: readonly NameEntry[]): string {
  return `${culture.id}|${given.native}|${family.map((entry) => entry.native).join(' ')}`;
}

export function nameKeyOf(facts: PersonFacts): string {
  return nameKey(
    facts.culture,
    facts.name.given.entry,
    facts.name.family.map((part) => part.entry),
  );
}

/**
 * Another name of the same culture: a whole other identity, another family
 * name with the same given name (a maiden or an invented one), or for an Arab
 * man a kunya (Abu Khalid). In Latin letters, sometimes with the original.
 */
function drawAlias(rng: Prng, facts: PersonFacts): NoticeAlias {
  const { culture, sex } = facts;
  const givenNames = sex === 'male' ? culture.male : culture.female;
  const kind = rng.weighted([
    ['other_identity', 5],
    ['other_family', 3],
    ['kunya', culture.id === 'arabic' && sex === 'male' ? 4 : 0],
  ] as const);
  if (kind === 'kunya') {
    const son = rng.pick(culture.male);
    return { name: { full: `Abu ${son.latin[0]}` }, key: `${culture.id}|kunya|${son.native}` };
  }
  const given = kind === 'other_family' ? facts.name.given.entry : rng.pick(givenNames);
  const family = Array.from({ length: culture.familyNameCount }, () => {
    const entry = rng.pick(culture.family);
    return sex === 'female' && culture.feminine ? culture.feminine(entry) : entry;
  });
  const name: PersonNameJson = { given: given.latin[0], family: family.map((entry) => entry.latin[0]).join(' ') };
  if (culture.script !== 'Latn' && rng.chance(0.3)) {
    const parts = {
      given: { entry: given, latin: given.latin[0], native: given.native },
      family: family.map((entry) => ({ entry, latin: entry.latin[0], native: entry.native })),
    };
    name.original = fullText({ ...parts, form: 'both', layout: 'fields' }, culture, 'native', 'usual');
    name.script = culture.script;
  }
  return { name, key: nameKey(culture, given, family) };
}
