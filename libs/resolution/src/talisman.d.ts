/** Types for the talisman modules used here; talisman ships none. Each module exports one function (`module.exports = fn`). */
declare module 'talisman/phonetics/double-metaphone' {
  /** Primary and alternate codes, each at most 4 characters. */
  function doubleMetaphone(word: string): [string, string];
  export = doubleMetaphone;
}

declare module 'talisman/metrics/jaro-winkler' {
  function jaroWinkler(a: string, b: string): number;
  export = jaroWinkler;
}

declare module 'talisman/metrics/damerau-levenshtein' {
  function damerauLevenshtein(a: string, b: string): number;
  namespace damerauLevenshtein {
    /** The distance, or Infinity once it exceeds `max` (stops early). */
    function limited(max: number, a: string, b: string): number;
  }
  export = damerauLevenshtein;
}

declare module 'talisman/phonetics/daitch-mokotoff' {
  /** Every six-digit code the word may take (a letter read two ways branches). */
  function daitchMokotoff(word: string): string[];
  export = daitchMokotoff;
}
