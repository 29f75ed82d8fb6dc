/**
 * Turns a stored record into the `SharedRecord` contract that travels
 * downstream, with identifiers both as given and normalised, and the
 * dissemination rule, so that every service downstream can enforce it.
 */
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DisseminationScope, OutsidePolicy, SharedRecord, SharedRecordSchema } from '@crosscheck/contracts';
import { RECORD_KIND_CONTRACT, recordBodyOf } from '@crosscheck/records';
import type { StoredRecord } from './record';

const SCOPES = {
  all: DisseminationScope.ALL,
  agencies: DisseminationScope.AGENCIES,
  'owner-only': DisseminationScope.OWNER_ONLY,
} as const;

export function toSharedRecord(record: StoredRecord): SharedRecord {
  const content = record.content;
  return create(SharedRecordSchema, {
    recordId: record.recordId,
    version: record.version,
    kind: RECORD_KIND_CONTRACT[content.kind],
    externalRef: record.externalRef,
    owner: record.owner,
    dissemination: {
      scope: SCOPES[content.dissemination.scope],
      agencies: content.dissemination.agencies ?? [],
      outside: content.dissemination.outside === 'hit-no-hit' ? OutsidePolicy.HIT_NO_HIT : OutsidePolicy.HIDDEN,
    },
    purpose: content.purpose,
    reportedAt: timestampFromDate(record.reportedAt),
    expiresAt: timestampFromDate(record.expiresAt),
    caseRef: content.caseRef ?? '',
    operation: content.operation ?? '',
    body: recordBodyOf(content),
  });
}
