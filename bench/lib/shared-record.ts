/** The SharedRecord intake publishes when an agency shares a record now, made by intake's own mapper. */
import { randomUUID } from 'node:crypto';
import type { SharedRecord } from '@crosscheck/contracts';
import type { RecordContent } from '../../apps/intake/src/model/record';
import { toSharedRecord } from '../../apps/intake/src/model/shared-record.mapper';

/** intake's RECORD_RETENTION_DAYS default: a record without expiresAt keeps this long. */
const RETENTION_MS = 1825 * 86_400_000;

export function sharedRecordOf(
  shared: { owner: string; externalRef: string; kind: string; content: object },
  now = new Date(),
  recordId = randomUUID(),
): SharedRecord {
  return toSharedRecord({
    recordId,
    owner: shared.owner,
    externalRef: shared.externalRef,
    kind: shared.kind,
    version: 1,
    content: shared.content as unknown as RecordContent,
    contentHash: '',
    identifierNormalized: null,
    reportedAt: now,
    expiresAt: new Date(now.getTime() + RETENTION_MS),
    createdAt: now,
    updatedAt: now,
    withdrawnAt: null,
    withdrawalReason: null,
  });
}
