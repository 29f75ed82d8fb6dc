/**
 * How an identifier (document number, VIN, plate, serial) comes out when
 * copied by a person or read by a scanner: the same identifier in other
 * clothes (separators, case, a letter read as the digit it resembles), or,
 * for hard negatives, another identifier one character away.
 */
import { withSeparators } from '../generator/identity-documents';
import { Prng } from '../generator/prng';

export { withSeparators };

/** Digits and letters a scanner or a tired eye takes for each other; all fold together in foldOcrConfusions. */
const DOCUMENT_MISREADINGS: Record<string, string> = { '0': 'O', O: '0', '1': 'I', I: '1' };
const OTHER_MISREADINGS: Record<string, string> = {
  '5': 'S',
  S: '5',
  '8': 'B',
  B: '8',
  '2': 'Z',
  Z: '2',
  '6': 'G',
  G: '6',
};
/** A VIN cannot hold I, O or Q (intake refuses it), so a scanned VIN's misreadings are among the letters it may hold. */
export const VIN_MISREADINGS: Record<string, string> = OTHER_MISREADINGS;

/**
 * The identifier with one character misread: 0/O or 1/I where it has one,
 * otherwise 5/S, 8/B, 2/Z or 6/G; undefined when it has none of them.
 */
export function misread(rng: Prng, text: string, misreadings?: Record<string, string>): string | undefined {
  const tables = misreadings ? [misreadings] : [DOCUMENT_MISREADINGS, OTHER_MISREADINGS];
  for (const table of tables) {
    const positions = [...text].flatMap((char, index) => (table[char] ? [index] : []));
    if (positions.length === 0) continue;
    const at = rng.pick(positions);
    return `${text.slice(0, at)}${table[text[at]]}${text.slice(at + 1)}`;
  }
  return undefined;
}

/**
 * Another identifier one digit away (the next document of a series, the next
 * gun of a batch): one digit replaced by another, at one of `positions`
 * (default: any digit). A digit is never an OCR confusion of another digit, so
 * the two stay apart however misreadings are folded.
 */
export function oneDigitChanged(rng: Prng, text: string, positions?: readonly number[]): string | undefined {
  const digits = (positions ?? Array.from(text, (_, index) => index)).filter((index) => /\d/.test(text[index] ?? ''));
  if (digits.length === 0) return undefined;
  const at = rng.pick(digits);
  const replacement = String((Number(text[at]) + rng.int(1, 9)) % 10);
  return `${text.slice(0, at)}${replacement}${text.slice(at + 1)}`;
}

/** The identifier in lower case; undefined when it has no letters to lower. */
export function lowercased(text: string): string | undefined {
  const lower = text.toLowerCase();
  return lower === text ? undefined : lower;
}

/**
 * The identifier written with other separators: without any when it has some
 * (`AB-123-CD` → `AB123CD`), otherwise cut with spaces, dashes or dots.
 */
export function otherSeparators(rng: Prng, text: string): string {
  const bare = text.replace(/[^A-Za-z0-9]/g, '');
  return bare !== text && rng.chance(0.5) ? bare : withSeparators(rng, text);
}
