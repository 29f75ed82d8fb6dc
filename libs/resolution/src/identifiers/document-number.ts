/**
 * Travel document numbers: the normalised form used as a blocking key (so
 * `L898-902 C3`, `l898902c3` and the MRZ's `L898902C3<` meet), and the ICAO 9303
 * check digit that guards every number and date in a machine readable zone.
 * Pure; the MRZ parser builds on the check digit.
 */

/**
 * Uppercase, only A-Z and 0-9 kept: separators, spaces and the MRZ filler `<`
 * all go. NFKC first, so full-width characters from copied text count as ASCII;
 * the numero sign goes before, as NFKC would turn `№` into the letters `No`.
 */
export function normalizeDocumentNumber(text: string): string {
  return text
    .replace(/\u2116/g, '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '');
}

const WEIGHTS = [7, 3, 1];

/**
 * ICAO 9303 Part 3 check digit of an MRZ field: each character valued (0-9 as
 * themselves, A-Z as 10-35, the filler `<` as 0), weighted 7, 3, 1 repeating,
 * summed, modulo 10. Throws a RangeError on any other character: callers pass
 * MRZ text, and the MRZ parser checks its characters before calling.
 */
export function icaoCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    sum += icaoCharacterValue(field, i) * WEIGHTS[i % 3];
  }
  return sum % 10;
}

function icaoCharacterValue(field: string, index: number): number {
  const code = field.charCodeAt(index);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z → 10-35
  if (code === 60) return 0; // <
  throw new RangeError(
    `icaoCheckDigit: character ${JSON.stringify(field[index])} at position ${index + 1} is not 0-9, A-Z or <`,
  );
}

/** A document number set against the check digit printed beside it in the MRZ. */
export interface DocumentNumberCheck {
  /** The number normalised (see normalizeDocumentNumber). */
  documentNumber: string;
  /** The digit computed from the number. */
  expected: number;
  /** The check digit as given. */
  actual: string;
  ok: boolean;
}

/**
 * Whether a document number agrees with its ICAO 9303 check digit, for numbers
 * typed in beside the digit rather than read from a whole MRZ. Separators are
 * ignored: trailing fillers are worth 0, so the padding to 9 characters never
 * changes the digit.
 */
export function checkDocumentNumber(documentNumber: string, checkDigit: string): DocumentNumberCheck {
  const normalized = normalizeDocumentNumber(documentNumber);
  const expected = icaoCheckDigit(normalized);
  const actual = checkDigit.trim();
  return { documentNumber: normalized, expected, actual, ok: actual === String(expected) };
}
