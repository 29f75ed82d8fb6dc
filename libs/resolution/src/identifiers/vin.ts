/**
 * Vehicle identification numbers (ISO 3779): the normalised form used as a
 * blocking key, a structural check, the North American check digit, and the
 * OCR misreadings worth looking up. Pure.
 *
 * A wrong check digit does not make a VIN invalid: only VINs built for North
 * America (WMI starting 1-5) must carry one, so elsewhere position 9 is free and
 * a mismatch there says nothing. It is reported so callers can warn, not refuse.
 */

export type VinCheckDigit = 'ok' | 'mismatch' | 'not-applicable';

export interface VinCheck {
  normalized: string;
  /** Structurally a VIN: 17 characters, A-Z and 0-9 without I, O or Q. */
  valid: boolean;
  problems: string[];
  /**
   * `ok` when position 9 agrees with the computed digit (whatever the region);
   * `mismatch` when it disagrees on a North American VIN, which must carry one;
   * `not-applicable` when the VIN is malformed or from a region without the rule.
   */
  checkDigit: VinCheckDigit;
}

const VIN_LENGTH = 17;
const CHECK_DIGIT_INDEX = 8;
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** ISO 3779 transliteration; I, O and Q have none because they never appear. */
const LETTER_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
/** World manufacturer identifiers of the United States (1, 4, 5), Canada (2) and Mexico (3). */
const NORTH_AMERICAN_WMI = /^[1-5]/;

/**
 * Uppercase; spaces, dashes (any Unicode dash) and dots dropped, after NFKC so
 * full-width characters count as ASCII: `1m8-gdm9 axkp.042788` → `1M8GDM9AXKP042788`.
 */
export function normalizeVin(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\p{Pd}]+/gu, '');
}

export function checkVin(text: string): VinCheck {
  const normalized = normalizeVin(text);
  const problems: string[] = [];
  if (normalized.length !== VIN_LENGTH) problems.push(`must be ${VIN_LENGTH} characters`);
  if (/[^A-Z0-9]/.test(normalized)) problems.push('must contain only letters A-Z and digits');
  if (/[IOQ]/.test(normalized)) problems.push('must not contain I, O or Q');
  const valid = problems.length === 0;
  return { normalized, valid, problems, checkDigit: valid ? checkDigitAgreement(normalized) : 'not-applicable' };
}

/** The ISO 3779 / 49 CFR 565 check digit of a well-formed VIN: `0`-`9` or `X` for remainder 10. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const char = vin[i];
    sum += (char >= '0' && char <= '9' ? Number(char) : LETTER_VALUES[char]) * WEIGHTS[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

function checkDigitAgreement(vin: string): VinCheckDigit {
  if (vinCheckDigit(vin) === vin[CHECK_DIGIT_INDEX]) return 'ok';
  return NORTH_AMERICAN_WMI.test(vin) ? 'mismatch' : 'not-applicable';
}

/** I, O and Q never appear in a VIN, so a reading holding one can only mean the digit it resembles. */
const IMPOSSIBLE_LETTER: Record<string, string> = { I: '1', O: '0', Q: '0' };
/** Confusions between characters a VIN can hold, so either reading may be the right one. */
const AMBIGUOUS: Record<string, string> = { S: '5', '5': 'S', B: '8', '8': 'B', Z: '2', '2': 'Z' };

/**
 * The VINs a 17-character reading could have been, for candidate lookup. Every
 * I, O and Q is first read as 1, 0 and 0 (free: no VIN holds them); then at most
 * `maxSubstitutions` of the two-way confusions S↔5, B↔8, Z↔2 are applied. The
 * reading itself is left out; the repaired reading comes first when it differs.
 * Each position has one alternative at most, so two substitutions give at most
 * 1 + 17 + 136 = 154 strings. Then ordered by number of substitutions and
 * alphabetically. Anything but 17 letters and digits gives no variants.
 */
export function vinOcrVariants(normalized: string, maxSubstitutions: 0 | 1 | 2 = 2): string[] {
  if (!/^[A-Z0-9]{17}$/.test(normalized)) return [];
  const repaired = normalized.replace(/[IOQ]/g, (char) => IMPOSSIBLE_LETTER[char]);
  const positions = [...repaired].flatMap((char, index) => (AMBIGUOUS[char] ? [index] : []));
  const substitute = (indexes: number[]): string => {
    const chars = [...repaired];
    for (const index of indexes) chars[index] = AMBIGUOUS[chars[index]];
    return chars.join('');
  };
  const variants = [repaired];
  for (let count = 1; count <= maxSubstitutions; count++) {
    variants.push(...combinations(positions, count).map(substitute).sort());
  }
  return [...new Set(variants)].filter((vin) => vin !== normalized);
}

function combinations(items: number[], size: number): number[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, index) => combinations(items.slice(index + 1), size - 1).map((rest) => [item, ...rest]));
}
