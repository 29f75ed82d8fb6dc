/**
 * How the learned models read a word in another script: the units a Latin
 * chunk is learned for. Shared by the table's build and the engine, so both
 * read a name alike.
 *
 * - Case, compatibility forms and combining marks (vowel points, harakat) go.
 * - Hebrew writes sounds it lacks as a letter with a geresh: ג׳ is j, ז׳ zh,
 *   צ׳ ch (often typed as an apostrophe). The pair is one unit, not a letter
 *   and a word break.
 * - Apostrophes elsewhere (О'Донохью) join the word, as in Latin.
 * - The katakana long-vowel mark ー is a unit: English spells it as the `r`
 *   of non-rhotic `-er`, `-ar` (ハーバー, harbour) or as a doubled vowel.
 * - Han is folded to simplified forms for the Chinese model.
 * - A closed Hangul syllable the model does not know as a whole is two
 *   units: the open syllable and the final consonant; ㄹㄹ, an l between
 *   vowels, is one l (see hangulUnits).
 * - A Latin letter written with no character is learned with the letter
 *   after it (see insertionContext).
 */
import { foldHan } from './han-forms';

/** The most Latin letters one unit is learned to spell (Han 圣 is `saint`). */
export const MAX_CHUNK = 5;

/** The learned models: one per script, kana and kanji as Japanese writes them. */
export type LearnedModel = 'arabic' | 'hebrew' | 'russian' | 'korean' | 'katakana' | 'japanese' | 'chinese';

const MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bb\u05f3`\u00b4]/g;
const GERESH = "'";
const WORD_BREAK = /[^\p{L}\p{N}]+/u;
const WORD_BREAK_BUT_GERESH = /[^\p{L}\p{N}']+/u;

/** Whether the model knows a closed Hangul syllable as a whole, or a syllable after ㄹㄹ as marked (see hangulUnits). */
export type KnownWhole = (syllable: string) => boolean;

/** The words of a text, each as written (normalised as above) and as the model's units; empty words left out. */
export function modelWords(
  text: string,
  model: LearnedModel,
  knownWhole?: KnownWhole,
): { word: string; units: string[] }[] {
  const normalized = text.normalize('NFKC').toLowerCase().replace(MARKS, '').replace(APOSTROPHES, GERESH);
  const folded = model === 'chinese' ? foldHan(normalized) : normalized;
  const words =
    model === 'hebrew' ? folded.split(WORD_BREAK_BUT_GERESH) : folded.replaceAll(GERESH, '').split(WORD_BREAK);
  return words
    .map((word) => ({ word, units: model === 'korean' ? hangulUnits(word, knownWhole) : unitsOf(word) }))
    .filter(({ units }) => units.length > 0);
}

function unitsOf(word: string): string[] {
  const units: string[] = [];
  for (const char of word) {
    if (char === GERESH) {
      if (units.length > 0 && !units[units.length - 1].endsWith(GERESH)) units[units.length - 1] += GERESH;
      continue;
    }
    units.push(char);
  }
  return units;
}

const HANGUL_SYLLABLES = 0xac00;
const HANGUL_SYLLABLE_COUNT = 11_172;
const HANGUL_FINALS = 28;
/** Conjoining jamo: a final consonant is this plus its index (1–27) among the finals. */
const HANGUL_FINAL_JAMO = 0x11a7;
/** A syllable's initial consonant is its index over this (21 vowels times 28 finals). */
const HANGUL_PER_INITIAL = 588;
/** ㄹ among the initials (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ …) and among the finals (none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ …). */
const INITIAL_RIEUL = 5;
const FINAL_RIEUL = 8;
/** The final ㄹ as a jamo: before a syllable, the mark of an l written ㄹㄹ (see hangulUnits). */
const DOUBLED_L = String.fromCodePoint(HANGUL_FINAL_JAMO + FINAL_RIEUL);

/** A Hangul syllable's index among the 11,172; undefined for any other character. */
function syllableIndex(char: string | undefined): number | undefined {
  const index = (char?.codePointAt(0) ?? -1) - HANGUL_SYLLABLES;
  return index >= 0 && index < HANGUL_SYLLABLE_COUNT ? index : undefined;
}

function initialOf(char: string | undefined): number | undefined {
  const index = syllableIndex(char);
  return index === undefined ? undefined : Math.floor(index / HANGUL_PER_INITIAL);
}

/**
 * A Hangul word as syllables, a closed syllable the model does not know as a
 * whole read as its open syllable and its final consonant: 냅 is 내 ᆸ. Of
 * 11,172 syllables, the training pairs show most closed ones a few times or
 * never, but the 399 open syllables and 27 finals each many times; and a
 * final consonant (batchim) is written for the last consonant of a Latin
 * syllable whatever the vowel before it (Nabb, Gibbs), so a rare syllable is
 * spelled from its parts. Without `knownWhole`, every closed syllable is split.
 *
 * Korean writes an l between vowels as ㄹㄹ, a final ㄹ and a syllable
 * beginning with ㄹ (Miller 밀러, Kelly 켈리, Elizabeth 엘리자베스): one Latin
 * l for two letters, where a ㄹ alone is as often r (Harry 해리, Mary 메리).
 * Read as written, the model taught 러 to spell `er` (Mill-er) and spelled a
 * word beginning with 러 without its l. So the final ㄹ is left out and the
 * syllable after it is read as ᆯ and the syllable, a unit of its own (켈리 is
 * 케 ᆯ리): it spells its l, and 리 alone keeps its r. A marked syllable the
 * model does not know is read unmarked.
 */
function hangulUnits(word: string, knownWhole?: KnownWhole): string[] {
  const units: string[] = [];
  const chars = [...word];
  let afterFinalL = false;
  for (let at = 0; at < chars.length; at++) {
    const char = chars[at];
    const index = syllableIndex(char);
    const marked = afterFinalL;
    afterFinalL = false;
    if (index === undefined) {
      units.push(char);
      continue;
    }
    const final = index % HANGUL_FINALS;
    const open = String.fromCodePoint(HANGUL_SYLLABLES + index - final);
    const mark = (unit: string) => (marked && (knownWhole?.(DOUBLED_L + unit) ?? true) ? DOUBLED_L + unit : unit);
    if (final === FINAL_RIEUL && initialOf(chars[at + 1]) === INITIAL_RIEUL) {
      afterFinalL = true;
      units.push(mark(open));
    } else if (final === 0) {
      units.push(mark(char));
    } else if (knownWhole?.(marked ? DOUBLED_L + char : char)) {
      units.push(marked ? DOUBLED_L + char : char);
    } else {
      units.push(mark(open), String.fromCodePoint(HANGUL_FINAL_JAMO + final));
    }
  }
  return units;
}

/** All of a text's units in one sequence (the build reads a name as one word). */
export function modelUnits(text: string, model: LearnedModel, knownWhole?: KnownWhole): string[] {
  return modelWords(text, model, knownWhole).flatMap(({ units }) => units);
}

const DOUBLED = /(.)\1+/g;

/**
 * A Latin spelling as the models align it: doubled letters once (Latin
 * orthography doubles letters where other scripts write one sound: Giacchino,
 * Crapper, Kaarlo).
 */
export function alignedLatin(latin: string): string {
  return latin.replace(DOUBLED, '$1');
}

/** After a Latin word's last letter, as insertionContext reads it. */
const LATIN_END = '$';

/**
 * A Latin letter written with no character, in the context the models learn
 * it in: the letter and the one after it, `$` after the last. Whether a letter
 * goes unwritten depends on what follows it: the e of Coupe (쿠프) and the t
 * of Bouquet (부케) at the end of a French or English name, the r of
 * non-rhotic English before a consonant, the g of -ght.
 */
export function insertionContext(latin: string, index: number): string {
  return latin[index] + (latin[index + 1] ?? LATIN_END);
}

/**
 * How likely the Latin letter at `index` is to be written with no character:
 * learned for the letter in its context where the training pairs showed that
 * context often enough, else for the letter alone; undefined when neither.
 */
export function insertionWeight(insertions: Map<string, number>, latin: string, index: number): number | undefined {
  return insertions.get(insertionContext(latin, index)) ?? insertions.get(latin[index]);
}
