/**
 * Names in any script brought to Latin letters, so a record written in
 * Cyrillic meets its Latin twin. Each script goes to the library that knows it
 * best (see the README): Han to pinyin-pro (family-name readings: 曾 is Zeng),
 * kana to wanakana, Hangul to es-hangul syllable by syllable (as passports
 * spell Korean names), the rest (Cyrillic, Greek, Arabic, Hebrew, Latin with
 * diacritics) to transliteration. Pure; runs once per record, not per pair.
 */
import { romanize } from 'es-hangul';
import { pinyin } from 'pinyin-pro';
import { transliterate } from 'transliteration';
import { toRomaji } from 'wanakana';
import { JAPANESE_FAMILY_NAMES, JAPANESE_GIVEN_NAMES, KOREAN_FAMILY_NAMES } from './name-tables';

/** ISO 15924 codes of the scripts told apart here; `Zyyy` when there are no letters. */
export type ScriptCode = 'Latn' | 'Cyrl' | 'Grek' | 'Arab' | 'Hebr' | 'Hani' | 'Jpan' | 'Kore' | 'Zyyy';

// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included
const ASCII = /^[\x00-\x7f]*$/;
const SCRIPTS: [ScriptCode, RegExp][] = [
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Kore', /\p{Script=Hangul}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hani', /\p{Script=Han}/u],
  ['Latn', /\p{Script=Latin}/u],
];
/** Abjads write few or no vowels, so their parts are compared by consonants too. */
const ABJADS = new Set<string>(['Arab', 'Hebr']);

const HANGUL_WORD = /\p{Script=Hangul}+/gu;
const KANA_RUN = /[\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAS_HAN = /\p{Script=Han}/u;
const WHITESPACE = /\s/;
const HAS_KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAS_HANGUL = /\p{Script=Hangul}/u;
const HAS_GREEK = /\p{Script=Greek}/u;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
/** Letters only Ukrainian uses: then Г is H and И is Y, as Ukrainian passports write them. */
const UKRAINIAN_ONLY = /[ІіЇїЄєҐґ]/;
const UKRAINIAN_LETTERS: Record<string, string> = { Г: 'H', г: 'h', И: 'Y', и: 'y', Ґ: 'G', ґ: 'g', Ь: '', ь: '' };
const UKRAINIAN_SPECIFIC = /[ГгИиҐґЬь]/g;
/** ου is one vowel, u; χ is ch in ELOT 743 (passports), not h. */
const GREEK_OU = /([Οο])([ΥΎυύ])/g;
const GREEK_CHI = /[Χχ]/g;

/** The dominant script of a text: the first non-Latin one found, else Latin. */
export function scriptOf(text: string): ScriptCode {
  let latin = false;
  for (const [code, pattern] of SCRIPTS) {
    if (!pattern.test(text)) continue;
    if (code !== 'Latn') return code;
    latin = true;
  }
  return latin ? 'Latn' : 'Zyyy';
}

export function isAbjad(script: string): boolean {
  return ABJADS.has(script);
}

/**
 * The text in Latin letters (ASCII), case and punctuation as the libraries
 * leave them. `script` is the record's own ISO 15924 code when it gave one:
 * `Jpan` reads kanji as Japanese.
 */
export function toLatin(text: string, script?: string): string {
  let result = text.normalize('NFKC');
  if (ASCII.test(result)) return result;
  if (HAS_HANGUL.test(result)) {
    const oneWord = !WHITESPACE.test(result.trim());
    result = result.replace(HANGUL_WORD, (word) => ` ${hangulWord(word, oneWord)} `);
  }
  if (HAS_HAN.test(result)) {
    const japanese = script === 'Jpan' || HAS_KANA.test(result) || startsWithJapaneseFamilyName(result.trim());
    result = result.replace(HAN_RUN, (run) => ` ${japanese ? japaneseKanji(run) : chineseHan(run)} `);
  }
  if (HAS_KANA.test(result)) result = result.replace(KANA_RUN, (run) => ` ${toRomaji(run)} `);
  if (HAS_GREEK.test(result)) {
    result = result
      .replace(GREEK_OU, (_, o: string, u: string) => (o === 'Ο' ? 'O' : 'o') + (u === 'Υ' || u === 'Ύ' ? 'U' : 'u'))
      .replace(GREEK_CHI, (chi) => (chi === 'Χ' ? 'Ch' : 'ch'));
  }
  if (HAS_CYRILLIC.test(result) && UKRAINIAN_ONLY.test(result))
    result = result.replace(UKRAINIAN_SPECIFIC, (letter) => UKRAINIAN_LETTERS[letter]);
  return transliterate(result);
}

/**
 * A Hangul word romanised syllable by syllable (`김민준` → `kim min jun`), the
 * way passports split Korean names. A name written as one word starts with
 * the family name, spelled as passports do (김 → Kim, not RR's Gim); so does
 * a one-syllable word, which can only be a family name.
 */
function hangulWord(word: string, wholeName: boolean): string {
  const syllables = [...word];
  return syllables
    .map((syllable, index) => {
      const familyName =
        index === 0 && (wholeName || syllables.length === 1) ? KOREAN_FAMILY_NAMES[syllable] : undefined;
      return familyName ?? romanize(syllable);
    })
    .join(' ');
}

function chineseHan(run: string): string {
  return pinyin(run, { toneType: 'none', mode: 'surname', type: 'array' }).join(' ');
}

function startsWithJapaneseFamilyName(text: string): boolean {
  return JAPANESE_FAMILY_NAMES[text.slice(0, 2)] !== undefined || JAPANESE_FAMILY_NAMES[text.slice(0, 3)] !== undefined;
}

/** Longest known family or given name first, the Chinese reading for anything else. */
function japaneseKanji(run: string): string {
  const words: string[] = [];
  let unknown = '';
  for (let index = 0; index < run.length;) {
    const known = knownJapaneseNameAt(run, index);
    if (!known) {
      unknown += run[index++];
      continue;
    }
    if (unknown) words.push(chineseHan(unknown));
    unknown = '';
    words.push(known.reading);
    index += known.length;
  }
  if (unknown) words.push(chineseHan(unknown));
  return words.join(' ');
}

function knownJapaneseNameAt(run: string, index: number): { reading: string; length: number } | undefined {
  for (let length = 3; length >= 2; length--) {
    const piece = run.slice(index, index + length);
    const reading = JAPANESE_FAMILY_NAMES[piece] ?? JAPANESE_GIVEN_NAMES[piece];
    if (reading) return { reading, length };
  }
  return undefined;
}
