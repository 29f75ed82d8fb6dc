/**
 * Free-text descriptive fields (make, model, colour, calibre, object type):
 * normalised with the name normaliser, known aliases resolved, compared
 * loosely, since people write `Toyota Motor` for `Toyota`.
 */
import { jaroWinkler, normalizeText } from '../names';

/** The text normalised, then its alias resolved when it has one. */
export function canonicalName(text: string, aliases: Record<string, string>): string {
  const normalized = normalizeText(text);
  return aliases[normalized] ?? normalized;
}

/** Same text, one the start of the other (`toyota` / `toyota motor`), or Jaro-Winkler from `minJw`. */
export function looselyEqual(a: string, b: string, minJw = 0.9): boolean {
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `) || jaroWinkler(a, b) >= minJw;
}
