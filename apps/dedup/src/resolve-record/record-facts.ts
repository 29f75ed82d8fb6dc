/** What resolution compares of a shared record: its kind and the facts libs/resolution extracts from its body. */
import { RecordKind, SharedRecord } from '@crosscheck/contracts';
import { RecordFacts, recordFactsOf } from '@crosscheck/resolution';

export function kindOfRecord(record: SharedRecord): string {
  return RecordKind[record.kind].toLowerCase();
}

export function factsOfRecord(record: SharedRecord): RecordFacts {
  if (!record.body.case) throw new Error(`record ${record.recordId} has no body`);
  return recordFactsOf(record.body);
}
