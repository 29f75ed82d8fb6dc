/**
 * What a Latin chunk sounds like, coarsely: its consonants by the classes
 * transliteration confuses (b/p/f/v, c/k/g/q, every sibilant and affricate,
 * d/t, l/r, m/n) and each run of vowels as one vowel, h silent. Two chunks
 * with one sound are two spellings of one sound (`bour` and `ber`, `ck` and
 * `k`, `chev` and `tsev`), so the learned alignment lets a chunk the data
 * never showed for a character borrow, at a discount, the likelihood of a
 * chunk it did show that sounds the same (see learned-transliteration.ts).
 */
import { CONSONANT_CLASSES } from '../phonetics';

const AFFRICATES = /tsch|sch|tch|sh|ch|zh|cz|sz|ts|tz|dzh|dz|j|x/g;
// The affricates above read as `S`; vowels and w are one class, h none.
const CLASSES: Readonly<Record<string, string>> = {
  ...CONSONANT_CLASSES,
  S: 'S',
  ...Object.fromEntries([...'aeiouyw'].map((vowel) => [vowel, 'V'])),
};

/** Chunks are short and few: each one's sound is worked out once (up to this many kept). */
const KNOWN_MAX = 200_000;
const known = new Map<string, string>();

/** The chunk's sound: `harbour` → `VLBVL` (h silent), `ck` → `K`, `chev` → `SVB`; empty for an empty chunk. */
export function chunkSound(chunk: string): string {
  let sound = known.get(chunk);
  if (sound !== undefined) return sound;
  sound = '';
  for (const letter of chunk.replace(AFFRICATES, 'S')) {
    const kind = CLASSES[letter];
    if (kind && kind !== sound[sound.length - 1]) sound += kind;
  }
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(chunk, sound);
  return sound;
}
