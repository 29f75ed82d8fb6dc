/**
 * Reference-data file formats: NDJSON (the project's own), CSV with a column
 * mapping, and FollowTheMoney entities, each a streaming parser from lines or
 * records to ReferenceChanges. Pure: no database, no Kafka. See README.md.
 */
export { DATASETS, ReferenceFormatError } from '../../model/reference-change';
export type { DatasetName, ParseContext, ReferenceChange } from '../../model/reference-change';
export { NOTICE_COLOURS } from '../../model/reference-line.schema';
export type { NoticeColourName } from '../../model/reference-line.schema';
export { MAX_LINE_CHARS, parseNdjson, readLines } from './ndjson.parser';
export { parseCsv } from './csv.parser';
export { csvFieldsOf, parseCsvMapping } from './csv-mapping';
export type { CsvFieldKind, CsvFieldMapping, CsvMapping, CsvSource } from './csv-mapping';
export { parseFollowTheMoney } from './follow-the-money.parser';
export type { FollowTheMoneyOptions } from './follow-the-money.parser';
