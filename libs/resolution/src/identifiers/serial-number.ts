/**
 * Firearm serial numbers: the normalised form used as a blocking key, so the
 * same serial written `AB-123.456`, `ab 123 456` or `AB/123456` meets itself.
 * Serials follow no standard (each maker has its own), so there is nothing to
 * validate, only to normalise. Pure.
 */

/**
 * Uppercase; spaces, dashes (any Unicode dash), dots and slashes dropped; NFKC
 * first, so full-width characters count as ASCII. Other characters are kept.
 */
export function normalizeSerialNumber(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s.\p{Pd}/]+/gu, '');
}
