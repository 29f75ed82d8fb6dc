/**
 * String likeness for names: Double Metaphone and Daitch-Mokotoff codes,
 * Jaro-Winkler similarity and the Damerau-Levenshtein distance (all from
 * talisman), and the consonant
 * skeleton that lets a name transliterated from Arabic or Hebrew (`mhmd`, no
 * vowels written) meet its vocalised Latin spelling (`Mohammed`).
 */
import daitchMokotoff = require('talisman/phonetics/daitch-mokotoff');
import doubleMetaphone = require('talisman/phonetics/double-metaphone');
import { remembered } from './remembered';
import jaroWinklerSimilarity = require('talisman/metrics/jaro-winkler');
import damerauLevenshtein = require('talisman/metrics/damerau-levenshtein');

/** Primary code, then the alternate when it differs; none for an empty word. */
export function phoneticCodes(word: string): string[] {
  if (!word) return [];
  const [primary, alternate] = doubleMetaphone(word);
  if (!primary) return alternate ? [alternate] : [];
  return alternate && alternate !== primary ? [primary, alternate] : [primary];
}

/**
 * Whether two words share a Daitch-Mokotoff code: the phonetic code made for
 * Slavic, Germanic and Yiddish names, which reads the spellings Central and
 * Eastern European languages give one sound alike (c, tz, cz and ts; h, ch
 * and kh; sz and s; Hungarian ny), where Double Metaphone reads them as
 * English would: `kuznecov` and `kuznetsov`, `mihaly` and `mikhail`.
 */
export function daitchMokotoffAlike(a: string, b: string): boolean {
  return daitchMokotoffSounds(a, b) > 0;
}

/** How many sounds (digits before the code's padding) the longest Daitch-Mokotoff code two words share holds; 0 when they share none. */
export function daitchMokotoffSounds(a: string, b: string): number {
  const codes = daitchMokotoffCodes(a);
  let sounds = 0;
  for (const code of daitchMokotoffCodes(b))
    if (codes.includes(code)) sounds = Math.max(sounds, code.replace(CODE_PADDING, '').length);
  return sounds;
}
const CODE_PADDING = /0+$/;

/** Codes of the words compared lately: a word meets many candidates, and a code costs more than the comparison. */
const DAITCH_MOKOTOFF_CACHE = new Map<string, string[]>();
const DAITCH_MOKOTOFF_CACHE_SIZE = 50_000;

function daitchMokotoffCodes(word: string): string[] {
  return remembered(DAITCH_MOKOTOFF_CACHE, word, () => (word ? daitchMokotoff(word) : []), DAITCH_MOKOTOFF_CACHE_SIZE);
}

/** Jaro-Winkler similarity in [0,1] (prefix scale 0.1, boost threshold 0.7). */
export function jaroWinkler(a: string, b: string): number {
  return a === b ? 1 : jaroWinklerSimilarity(a, b);
}

/** Edits (insert, delete, substitute, swap neighbours) from a to b, or Infinity beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  return damerauLevenshtein.limited(max, a, b);
}

/**
 * The consonants of a Latin word as an abjad would write them: vowels and the
 * semivowels y, w, h dropped (an abjad writes them ambiguously or not at
 * all), sh/kh/ch/th/ph/gh/dh folded to one letter, c/q to k, p to f, doubled
 * letters once: `mohammed` → `md`, `mhmd` → `md`, `yusuf` and `ywsf` → `sf`.
 * `v` stays, written `b`; the second skeleton of a transliterated abjad word
 * drops it instead, as Hebrew ו is as often a vowel (Yosef, יוסף → yvsp).
 */
export function consonantSkeleton(word: string, dropV = false): string {
  let out = '';
  for (let index = 0; index < word.length; index++) {
    let char = word[index];
    const next = word[index + 1];
    if (
      next === 'h' &&
      (char === 's' || char === 'k' || char === 'c' || char === 't' || char === 'p' || char === 'g' || char === 'd')
    ) {
      char = char === 'p' ? 'f' : char === 'c' ? 'k' : char;
      index++;
    } else if (
      char === 'a' ||
      char === 'e' ||
      char === 'i' ||
      char === 'o' ||
      char === 'u' ||
      char === 'y' ||
      char === 'w' ||
      char === 'h'
    ) {
      continue;
    } else if (char === 'c' || char === 'q') {
      char = 'k';
    } else if (char === 'p') {
      char = 'f';
    } else if (char === 'v') {
      if (dropV) continue;
      char = 'b';
    }
    if (out[out.length - 1] !== char) out += char;
  }
  return out;
}

/**
 * Consonants by how transliteration confuses them, one class each: b/p/f/v, c/k/q/g, every sibilant (s, z, j, x),
 * d/t, l/r, m/n. Blocking keys (blocking.ts) and the sounds of learned chunks (learned/chunk-sounds.ts) read it.
 */
export const CONSONANT_CLASSES: Readonly<Record<string, string>> = {
  b: 'B',
  p: 'B',
  f: 'B',
  v: 'B',
  c: 'K',
  k: 'K',
  q: 'K',
  g: 'K',
  j: 'S',
  d: 'T',
  t: 'T',
  s: 'S',
  z: 'S',
  x: 'S',
  l: 'L',
  r: 'L',
  m: 'M',
  n: 'M',
};
