/** Names: to Latin, normalised into parts with phonetic codes, and compared part by part. */
export * from './latin';
export * from './name-parts';
export * from './name-similarity';
export * from './organisation-names';
export type { LegalForm } from './legal-forms';
export { alignmentLogRatio, learnedLatin, learnedSpellings, learnedTableSize } from './learned/learned-transliteration';
export type { LearnedModel } from './learned/learned-transliteration';
export { consonantSkeleton, editDistance, jaroWinkler, phoneticCodes } from './phonetics';
