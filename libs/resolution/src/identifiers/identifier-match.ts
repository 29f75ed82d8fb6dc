/**
 * Comparing identifiers read by people and scanners: the OCR-folded form
 * (a blocking key that every misreading of one number shares) and how two
 * numbers agree: the same, the same but for OCR confusions, one typing slip
 * apart, or different. Works on normalised numbers (upper case, A-Z and 0-9).
 */
import { editDistance } from '../names/phonetics';

/** Letters a scanner or a tired eye takes for digits, folded to the digit. */
const OCR_FOLDS: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', Z: '2', S: '5', G: '6', B: '8' };

/** `AB-O12345` normalised is `ABO12345`; folded, `A8012345`, as is its misreading `A8012345` or `AB012345`. */
export function foldOcrConfusions(normalized: string): string {
  let folded = '';
  for (const char of normalized) folded += OCR_FOLDS[char] ?? char;
  return folded;
}

export type IdentifierAgreement = 'same' | 'ocr-variant' | 'one-edit' | 'different';

/** Below this length one slip turns a number into another one too easily to count. */
const ONE_EDIT_MIN_LENGTH = 5;

/** How two normalised identifiers agree, given their folded forms (precomputed, see foldOcrConfusions). */
export function compareIdentifiers(a: string, aFolded: string, b: string, bFolded: string): IdentifierAgreement {
  if (!a || !b) return 'different';
  if (a === b) return 'same';
  if (aFolded === bFolded) return 'ocr-variant';
  if (Math.min(a.length, b.length) >= ONE_EDIT_MIN_LENGTH && editDistance(aFolded, bFolded, 1) <= 1) return 'one-edit';
  return 'different';
}
