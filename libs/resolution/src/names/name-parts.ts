/**
 * Name normalisation: any script to Latin, case folded, diacritics and
 * punctuation gone, titles dropped, particles joined to their part, and each
 * part's phonetic codes and known variants computed once, so that comparing
 * two names later is only arithmetic on what is stored here.
 */
import { foldHan } from './learned/han-forms';
import { LearnedModel, learnedWords } from './learned/learned-transliteration';
import { isAbjad, ScriptCode, scriptOf, toLatin } from './latin';
import { NAME_VARIANTS, PARTICLES, SUFFIXES, TITLES } from './name-tables';
import { consonantSkeleton, phoneticCodes } from './phonetics';

/** One part of a name, normalised, with what comparing it needs. JSON-serialisable. */
export interface NamePart {
  /** Latin, lower case, particles joined: `de la Cruz` → `delacruz`. */
  text: string;
  /** The part without its particles (`cruz`), when it had any. */
  core?: string;
  /**
   * Double Metaphone codes of the part, its core and its known-variant class.
   * The first is the part's key code: the class's when it has one, else the
   * core's, else its own; blocking keys pair key codes.
   */
  codes: string[];
  /** Canonical spelling of the part's known-variant class (`muhammad` for Mohamed), when it has one. */
  equivalent?: string;
  /** Consonant skeletons, only for parts transliterated from an abjad (Arabic, Hebrew). */
  consonants?: string[];
  /** `given` or `family` when the record said which field the part came from. */
  role?: 'given' | 'family';
  /** For a part of a learned form: the word as written in its script, and the model that read it, to align Latin parts against. */
  learned?: { word: string; model: LearnedModel };
}

/** One written form of a name (the name of record, an alias, the original script), normalised. JSON-serialisable. */
export interface NameForm {
  /** As written, for explanations. */
  written: string;
  /** Script the form was written in (ISO 15924). */
  script: ScriptCode;
  alias?: boolean;
  /** `learned` when the parts are the learned transliteration of `written` (see learned/); absent when as written or romanised by rule. */
  route?: 'learned';
  /**
   * Han and Hangul names in their own characters, without spaces or
   * punctuation, Han folded to simplified forms: two such names are compared
   * character by character, since one character apart is another person.
   */
  native?: string;
  /**
   * Names in another alphabet or a syllabary (Cyrillic, Greek, Arabic, Hebrew,
   * kana) in their own letters, word by word (lower case, marks and
   * apostrophes gone): two names written in one such script are compared in it.
   */
  writtenWords?: string[];
  parts: NamePart[];
}

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bb`\u00b4]/g;
const NOT_LETTER_OR_DIGIT = /[^a-z0-9]+/g;
const SPACE = ' ';

/** Latin letters and digits only, lower case, single spaces: `Dr. José MARTÍNEZ-López` → `dr jose martinez lopez`; `Иван` → `ivan`. */
export function normalizeText(text: string, script?: string): string {
  return toLatin(text, script)
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(NOT_LETTER_OR_DIGIT, SPACE)
    .trim();
}

/** Word lists pass through the same normalisation as names; an entry that does not stay one word is of no use. */
const wordSet = (words: string[]): Set<string> =>
  new Set(words.map((word) => normalizeText(word)).filter((word) => word.length > 0 && !word.includes(SPACE)));
/**
 * Titles and suffixes by the script they are written in, normalised: one
 * written in another script is a title only in a name written in that script
 * (Greek κα, romanised `ka`, is a title in a Greek name, and the first
 * syllable of 카레이, `ka`, is not; Ukrainian пан is, and the family name Pan
 * is not). Latin ones apply to every name.
 */
function wordSetsByScript(words: string[]): Map<ScriptCode, Set<string>> {
  const sets = new Map<ScriptCode, Set<string>>();
  for (const word of words) {
    const script = scriptOf(word);
    sets.set(script, new Set([...(sets.get(script) ?? []), ...wordSet([word])]));
  }
  return sets;
}
const TITLES_BY_SCRIPT = wordSetsByScript(TITLES);
const SUFFIXES_BY_SCRIPT = wordSetsByScript(SUFFIXES);
const NONE = new Set<string>();

/** Whether `word` is one of `sets`' words, Latin ones or those of the script the name is written in. */
function isWordOf(sets: Map<ScriptCode, Set<string>>, word: string, written: ScriptCode): boolean {
  return (sets.get('Latn') ?? NONE).has(word) || (written !== 'Latn' && (sets.get(written) ?? NONE).has(word));
}
const PARTICLE_SET = wordSet(PARTICLES);
const VARIANT_OF = new Map<string, string>(
  NAME_VARIANTS.flatMap((variants) => variants.map((variant) => [variant, variants[0]] as const)),
);

interface Segment {
  text: string;
  role?: 'given' | 'family';
  learned?: NamePart['learned'];
}

interface DraftPart {
  text: string;
  core?: string;
  role?: 'given' | 'family';
  learned?: NamePart['learned'];
}

/** The parts of a name, normalised, titles removed, particles joined, in their written order. */
export function nameParts(name: string): string[] {
  return draftParts([{ text: name }], scriptOf(name)).map((part) => part.text);
}

/**
 * How a name written as one string is read. `keepAffixes`: titles and generational suffixes are words of the
 * name, as in an organisation's (`CaiCai III` is not `CaiCai II`).
 */
export interface NameFormOptions {
  script?: string;
  alias?: boolean;
  keepAffixes?: boolean;
}

/** A full name as one string: `Ivan Petrov`, `Петров Иван`, `Dr. Juan de la Cruz`. */
export function nameFormOf(written: string, options: NameFormOptions = {}): NameForm {
  return formOf(written, [{ text: written }], options.script, options.alias, options.keepAffixes);
}

/**
 * Every form the engine compares of a name written as one string: as written
 * (romanised by rule when not Latin) and, for a script the learned tables
 * cover, its learned transliteration (`Σμιθ`, `스미스` → `smith`).
 */
export function nameFormsOf(written: string, options: NameFormOptions = {}): NameForm[] {
  const form = nameFormOf(written, options);
  const forms = [form];
  for (const model of learnedModelsOf(written, form.script, options.script)) {
    const segments = learnedWords(written, model).map(({ word, latin }) => ({ text: latin, learned: { word, model } }));
    const learned = formOf(written, segments, options.script, options.alias, options.keepAffixes);
    learned.route = 'learned';
    if (learned.parts.length === 0) continue;
    // The same spelling by rule: that form's parts keep the written words, to be aligned under the model too.
    const same = forms.find((other) => sameParts(other, learned));
    if (!same) forms.push(learned);
    else if (same.route !== 'learned')
      same.parts.forEach((part, index) => (part.learned ??= learned.parts[index].learned));
  }
  return forms;
}

const HAS_KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CHINESE_HAN = new Set(['Hani', 'Hans', 'Hant']);
const HAS_HAN = /\p{Script=Han}/u;
const NATIVE_LETTERS = /[\p{Script=Han}\p{Script=Hangul}]/gu;

/** The learned models for a name in `detected` script; Han without a hint may be a Chinese or a Japanese reading. */
function learnedModelsOf(written: string, detected: ScriptCode, given?: string): LearnedModel[] {
  switch (detected) {
    case 'Cyrl':
      return ['russian'];
    case 'Arab':
      return ['arabic'];
    case 'Hebr':
      return ['hebrew'];
    case 'Kore':
      return ['korean'];
    case 'Jpan':
      return HAS_HAN.test(written) ? ['japanese'] : ['katakana'];
    case 'Hani':
      // ISO 15924: Jpan is Japanese; Hani, Hans and Hant are Han as Chinese writes it. Without a code, either.
      return given === 'Jpan' ? ['japanese'] : given && CHINESE_HAN.has(given) ? ['chinese'] : ['chinese', 'japanese'];
    default:
      return [];
  }
}

function sameParts(a: NameForm, b: NameForm): boolean {
  return a.parts.length === b.parts.length && a.parts.every((part, index) => part.text === b.parts[index].text);
}

/** Han and Hangul letters only, Han folded to simplified; undefined for names in other scripts or with kana. */
function nativeOf(written: string, detected: ScriptCode): string | undefined {
  if (detected !== 'Hani' && detected !== 'Kore') return undefined;
  if (HAS_KANA.test(written)) return undefined;
  const letters = (written.normalize('NFKC').match(NATIVE_LETTERS) ?? []).join('');
  return letters ? foldHan(letters) : undefined;
}

/** Scripts other than Latin whose names are compared word by word in their letters when both sides wrote them (see same-script.ts). */
const ALPHABETS = new Set<ScriptCode>(['Cyrl', 'Grek', 'Arab', 'Hebr', 'Jpan']);
const NOT_LETTERS = /[^\p{L}\p{N}]+/u;

function writtenWordsOf(written: string): string[] {
  return written
    .normalize('NFKC')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .split(NOT_LETTERS)
    .filter((word) => word.length > 0);
}

/** A name given as given and family names, so each part knows its role. */
export function nameFormOfParts(given: string, family: string, options: { alias?: boolean } = {}): NameForm {
  return formOf(
    `${given} ${family}`.trim(),
    [
      { text: given, role: 'given' },
      { text: family, role: 'family' },
    ],
    undefined,
    options.alias,
  );
}

/** A phrase (an artwork's title) as parts: normalised words but the `ignored` ones, each with its phonetic codes; no titles or particles. */
export function wordFormOf(written: string, ignored: ReadonlySet<string>): NameForm {
  const parts = normalizeText(written)
    .split(SPACE)
    .filter((word) => word.length > 0 && !ignored.has(word))
    .map((text) => ({ text, codes: phoneticCodes(text) }));
  return { written, script: scriptOf(written), parts };
}

function formOf(
  written: string,
  segments: Segment[],
  script: string | undefined,
  alias: boolean | undefined,
  keepAffixes = false,
): NameForm {
  const detected = scriptOf(written);
  const abjad = isAbjad(script || detected);
  const parts = draftParts(segments, detected, script, keepAffixes).map((draft) => completePart(draft, abjad));
  const form: NameForm = { written, script: detected, parts };
  if (alias) form.alias = true;
  const native = nativeOf(written, detected);
  if (native) form.native = native;
  else if (ALPHABETS.has(detected)) form.writtenWords = writtenWordsOf(written);
  return form;
}

/**
 * Titles go only from the start and generational suffixes only from the end,
 * and never the last part: `Sheikh Mohammed` loses the title, `Mohammed
 * Sheikh` keeps the family name. Particles join the next part only when the
 * name has two other parts at least, so `Van Morrison` keeps its given name.
 */
function draftParts(segments: Segment[], written: ScriptCode, script?: string, keepAffixes = false): DraftPart[] {
  const tokens: Segment[] = [];
  for (const segment of segments) {
    const words = normalizeText(segment.text, script)
      .split(SPACE)
      .filter((token) => token.length > 0);
    // A learned word stays tied to its written word only while it is one token.
    const learned = words.length === 1 ? segment.learned : undefined;
    for (const token of words)
      tokens.push(learned ? { text: token, role: segment.role, learned } : { text: token, role: segment.role });
  }
  let start = 0;
  let end = tokens.length;
  while (!keepAffixes && end - start > 1 && isWordOf(TITLES_BY_SCRIPT, tokens[start].text, written)) start++;
  while (!keepAffixes && end - start > 1 && isWordOf(SUFFIXES_BY_SCRIPT, tokens[end - 1].text, written)) end--;
  const kept = tokens.slice(start, end);
  const join = kept.filter((token) => !PARTICLE_SET.has(token.text)).length >= 2;
  const parts: DraftPart[] = [];
  let prefix = '';
  for (let index = 0; index < kept.length; index++) {
    const token = kept[index];
    const next = kept[index + 1];
    if (join && PARTICLE_SET.has(token.text) && next && next.role === token.role) {
      prefix += token.text;
      continue;
    }
    parts.push(
      prefix
        ? { text: prefix + token.text, core: token.text, role: token.role }
        : { text: token.text, role: token.role, learned: token.learned },
    );
    prefix = '';
  }
  return parts;
}

function completePart(draft: DraftPart, abjad: boolean): NamePart {
  const equivalent = VARIANT_OF.get(draft.text) ?? (draft.core ? VARIANT_OF.get(draft.core) : undefined);
  const keySource = equivalent ?? draft.core ?? draft.text;
  const codes = [
    ...new Set([
      ...phoneticCodes(keySource),
      ...phoneticCodes(draft.text),
      ...(draft.core ? phoneticCodes(draft.core) : []),
    ]),
  ];
  const part: NamePart = { text: draft.text, codes };
  if (draft.core) part.core = draft.core;
  if (equivalent) part.equivalent = equivalent;
  if (abjad) part.consonants = [...new Set([consonantSkeleton(draft.text), consonantSkeleton(draft.text, true)])];
  if (draft.role) part.role = draft.role;
  if (draft.learned) part.learned = draft.learned;
  return part;
}
