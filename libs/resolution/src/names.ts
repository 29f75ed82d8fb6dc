/**
 * Name normalisation: Unicode NFKC, case folding, diacritics stripped, titles
 * dropped, split into parts. Pure; shared by dedup and matching.
 */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam', 'mme', 'mlle', 'm', 'herr', 'frau', 'sr', 'sra', 'jr', 'sheikh', 'haji']);

export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u0131]/g, 'i')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The parts of a name, normalised, titles removed, in their written order. */
export function nameParts(name: string): string[] {
  return normalizeText(name)
    .split(' ')
    .filter((part) => part.length > 0 && !TITLES.has(part));
}
