/** Reference datasets for matching, and a labelled matching set made of them; see README.md. */
export { DEFAULT_COUNTS, generateReferenceData, referenceEntries, referenceEntry } from './generate-reference';
export type { ReferenceCounts, ReferenceOptions } from './generate-reference';
export { writeReferenceFiles } from './write-reference-files';
export type { WrittenDataset } from './write-reference-files';
export { generateMatchingCases, MATCHING_VARIANTS } from './matching-cases';
export type { EntryRef, MatchingCase, MatchingCases, MatchingCasesOptions, MatchingVariant } from './matching-cases';
export { DATASET_FILES, NOTICE_COLOURS, REFERENCE_DATASETS } from './reference-entries';
export type {
  ArtworkEntry,
  FirearmEntry,
  NoticeColour,
  NoticeEntry,
  ReferenceData,
  ReferenceDataset,
  ReferenceEntry,
  ReferenceQuery,
  SltdEntry,
  SmvEntry,
} from './reference-entries';
