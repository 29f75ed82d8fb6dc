/**
 * Two names written in one non-Latin script are compared in that script: no
 * transliteration stands between them, so letters that differ are another
 * name, however alike the two read once romanised (王伟 / 王玮, Тадамицу /
 * Тадаацу, スミス / スミット).
 *
 * - Han and Hangul: the same characters in any order (simplified and
 *   traditional folded) are one name; any other character is another name.
 * - Alphabets and syllabaries (Cyrillic, Greek, Arabic, Hebrew, kana): word
 *   by word, each word of the shorter name must be a word of the other or
 *   one slip of the pen from it (a letter replaced, added, dropped or swapped
 *   with the next) in a word of TYPO_MIN_LETTERS letters or more. Two letters
 *   apart, or one in a shorter word, is another name; a slip is then scored
 *   on the romanisations as any spelling of one name is.
 */
import { NameForm } from './name-parts';
import { editDistance } from './phonetics';

export interface SameScriptVerdict {
  same: boolean;
  /** The same characters or words, in any order: one name, whatever its romanisations say (vowel points aside). */
  identical: boolean;
  left: NameForm;
  right: NameForm;
}

/**
 * A word this long may differ by one edit and stay the same name (Наталья / Наталия, דוד / דור typed):
 * records written in one script differ by slips of the pen. Longer minimums reject more near neighbours
 * (on netranslit's train split, 1–3 % of names one or two letters apart still reach `possible` at 3 letters,
 * 0.3–1.3 % at 5) but also typos in short names, which are many in Hebrew and Arabic.
 */
const TYPO_MIN_LETTERS = 3;

/** How the two names compare in the script both wrote them in; undefined when no form of each shares a non-Latin script. */
export function compareSameScript(left: NameForm[], right: NameForm[]): SameScriptVerdict | undefined {
  let same: SameScriptVerdict | undefined;
  let other: SameScriptVerdict | undefined;
  for (const x of left) {
    if (!x.native && !x.writtenWords) continue;
    for (const y of right) {
      if (x.script !== y.script) continue;
      let verdict: SameScriptVerdict | undefined;
      if (x.native && y.native) {
        const same = sortedCharacters(x.native) === sortedCharacters(y.native);
        verdict = { same, identical: same, left: x, right: y };
      } else if (x.writtenWords && y.writtenWords) {
        const identical = [...x.writtenWords].sort().join(' ') === [...y.writtenWords].sort().join(' ');
        verdict = { same: identical || sameWords(x.writtenWords, y.writtenWords), identical, left: x, right: y };
      }
      if (!verdict) continue;
      if (verdict.identical) return verdict;
      if (verdict.same) same ??= verdict;
      else other ??= verdict;
    }
  }
  return same ?? other;
}

function sortedCharacters(text: string): string {
  return [...text].sort().join('');
}

/** Each word of the shorter name paired with a distinct word of the other, equal or one slip apart. */
function sameWords(a: string[], b: string[]): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Array<boolean>(longer.length).fill(false);
  for (const word of shorter) {
    let partner = longer.findIndex((other, index) => !used[index] && other === word);
    if (partner < 0)
      partner = longer.findIndex(
        (other, index) =>
          !used[index] && Math.min(word.length, other.length) >= TYPO_MIN_LETTERS && editDistance(word, other, 1) <= 1,
      );
    if (partner < 0) return false;
    used[partner] = true;
  }
  return true;
}
