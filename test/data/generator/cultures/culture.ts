/**
 * What the generator knows of a naming culture: its script, its name tables
 * (each name in its own script with its usual Latin spellings), the order its
 * names are written in, what a middle name is there, and how a family name
 * changes for a woman. The tables are plain text, one name per line, so a
 * reviewer can read them as lists.
 */

/** ISO 15924 codes of the scripts the tables are written in. */
export type ScriptCode = 'Latn' | 'Cyrl' | 'Arab' | 'Hans' | 'Jpan' | 'Kore' | 'Grek' | 'Hebr';

export type CultureId =
  | 'russian'
  | 'ukrainian'
  | 'arabic'
  | 'chinese'
  | 'japanese'
  | 'korean'
  | 'greek'
  | 'hebrew'
  | 'english'
  | 'french'
  | 'spanish'
  | 'german'
  | 'turkish'
  | 'polish'
  | 'dutch';

/** A name as written in its own script, and its Latin spellings, the usual one first. */
export interface NameEntry {
  native: string;
  latin: readonly string[];
}

export interface GivenNameEntry extends NameEntry {
  /** Russian only: the stem a child's patronymic is built on (Сергей → Сергеев-ич, Сергеев-на). */
  patronymicStem?: NameEntry;
}

export type Sex = 'male' | 'female';

export interface Culture {
  id: CultureId;
  /** The script of `native` in the tables; `Latn` for cultures written in Latin letters. */
  script: ScriptCode;
  /** Nationalities (ISO 3166-1 alpha-3), with weights; a person's documents are issued by their nationality. */
  countries: readonly (readonly [string, number])[];
  /** How often a person of this culture is drawn, relative to the others. */
  weight: number;
  /** Chinese, Japanese and Korean write the family name first, in their own script and in Latin. */
  familyFirst: boolean;
  /** What separates the parts of a name written in the culture's script: none in Chinese and Korean. */
  nativeSeparator: '' | ' ';
  male: readonly GivenNameEntry[];
  female: readonly GivenNameEntry[];
  family: readonly NameEntry[];
  /** Spanish-speaking persons carry two family names, the father's and the mother's. */
  familyNameCount: 1 | 2;
  /** A second given name, a patronymic (Russian) or the father's name (Arabic), and how often a person has one. */
  middleName?: { kind: 'second_given' | 'patronymic' | 'father'; rate: number };
  /** The family name a woman carries (Иванов → Иванова); the name itself where it does not change. */
  feminine?: (family: NameEntry) => NameEntry;
}

const SEPARATOR = /\s*:\s*/;

/**
 * Reads a table, one name per line: `native: Latin, Latin` in a non-Latin script, or
 * `Spelling: variant, variant` in a Latin one (the spelling itself comes first then).
 * A Russian given name may end with ` > stem: Latin stem, ...` for its patronymic.
 */
export function nameTable(text: string, script: ScriptCode): GivenNameEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .map((line) => {
      const [name, stem] = line.split(/\s+>\s+/);
      const entry = parseEntry(name, script, line);
      return stem === undefined ? entry : { ...entry, patronymicStem: parseEntry(stem, 'Cyrl', line) };
    });
}

function parseEntry(text: string, script: ScriptCode, line: string): NameEntry {
  const [native, spellings = ''] = text.split(SEPARATOR, 2);
  const listed = spellings
    .split(',')
    .map((spelling) => spelling.trim())
    .filter((spelling) => spelling.length > 0);
  const latin = script === 'Latn' ? [native, ...listed] : listed;
  if (native.length === 0 || latin.length === 0)
    throw new Error(`name table line "${line}" needs a name and at least one Latin spelling`);
  if (new Set(latin).size !== latin.length) throw new Error(`name table line "${line}" repeats a spelling`);
  return { native, latin };
}

/** A family name whose every written form goes through the same rewrite rules, first matching rule wins. */
export function feminineByRules(nativeRules: readonly [RegExp, string][], latinRules: readonly [RegExp, string][]) {
  const rewrite = (text: string, rules: readonly [RegExp, string][]) => {
    const rule = rules.find(([pattern]) => pattern.test(text));
    return rule ? text.replace(rule[0], rule[1]) : text;
  };
  return (family: NameEntry): NameEntry => ({
    native: rewrite(family.native, nativeRules),
    latin: [...new Set(family.latin.map((spelling) => rewrite(spelling, latinRules)))],
  });
}
