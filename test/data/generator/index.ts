/** Labelled person records for measuring deduplication; see README.md. */
export { AGENCY_CODE, DEFAULT_AGENCIES, generatePersons } from './generate-persons';
export type { GeneratorOptions, LabelledRecord, PersonRecordBody, RecordLabel } from './generate-persons';
export { CORRUPTIONS } from './corruptions';
export type { Corruption } from './corruptions';
export { CULTURES } from './cultures';
export type { CultureId, ScriptCode } from './cultures';
