/**
 * The endings Latvian and Lithuanian give a man's name, whatever language it
 * came from: Latvian Jurijs Ivanovs and Lithuanian Dmitrijus Sokolovas are
 * Yuri Ivanov and Dmitry Sokolov, as those languages write every name. A part
 * with such an ending meets a part without one through its stem. Women's
 * forms (Lithuanian -iene, -aite, -yte; Latvian -a, -e) keep their ending: a
 * wife's or daughter's name is another person's.
 */

/** Shorter words are too short to carry an ending and a stem worth comparing. */
const MIN_LENGTH = 5;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const LETTER_S = 's'.charCodeAt(0);

const isConsonant = (letter: string | undefined): boolean => letter !== undefined && !VOWELS.has(letter);

/**
 * A part (lower-case Latin, as name-parts.ts normalises it) without its Baltic masculine ending, with a closing
 * -ij read as -i (Dmitrij, Dmitriy and Dmitri are one spelling apart): `ivanovs` → `ivanov`, `sokolovas` →
 * `sokolov`, `dmitrijus` and `dmitrijs` → `dmitri`, `andrius` → `andri`. Undefined when it has none.
 */
export function balticStem(part: string): string | undefined {
  if (part.length < MIN_LENGTH || part.charCodeAt(part.length - 1) !== LETTER_S) return undefined;
  const beforeS = part[part.length - 2];
  let stem: string | undefined;
  if (VOWELS.has(beforeS) && beforeS !== 'e' && beforeS !== 'o') {
    // -as, -is, -ys, -us after a consonant (Sokolovas, Jonaitis); -ius and -ijus keep their i (Andrius, Dmitrijus).
    const beforeEnding = part[part.length - 3];
    if (isConsonant(beforeEnding) || (beforeS === 'u' && (beforeEnding === 'i' || beforeEnding === 'j')))
      stem = part.slice(0, -2);
  } else if (isConsonant(beforeS) && beforeS !== 's') {
    // Latvian -s after a consonant or j (Ivanovs, Mihails, Jurijs).
    stem = part.slice(0, -1);
  }
  if (stem === undefined) return undefined;
  return stem.endsWith('ij') ? stem.slice(0, -1) : stem;
}

/**
 * Whether a part can be the unmarked form a Baltic stem meets: one that ends as a man's name does in the
 * languages without these endings, in a consonant or -i, -y (Ivanov, Yuri, Dmitry), not in -a or -e (Julia is
 * not Julius).
 */
export function endsUnmarked(part: string): boolean {
  const last = part[part.length - 1];
  return isConsonant(last) || last === 'i' || last === 'y';
}
