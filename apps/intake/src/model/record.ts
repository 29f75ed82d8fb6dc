/**
 * A record as intake keeps it: its content (the body of its kind plus what
 * intake adds) and what intake knows about it (owner, version, dates). The
 * repository stores this shape, the content as its schema (record-content.schema.ts) decodes it.
 */
import type { FieldProblem } from '@crosscheck/runtime';
import type { RecordContent } from './record-content.schema';

/** What a record says: its kind's body, who may see it, why it was shared, and its dates as the agency gave them. */
export type { DisseminationScopeName, RecordContent } from './record-content.schema';

export interface StoredRecord {
  recordId: string;
  owner: string;
  externalRef: string;
  kind: string;
  version: number;
  content: RecordContent;
  contentHash: string;
  identifierNormalized: string | null;
  reportedAt: Date;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
}

export type NewRecord = Omit<StoredRecord, 'createdAt' | 'updatedAt' | 'withdrawnAt' | 'withdrawalReason'>;

export type ShareOutcome = 'created' | 'updated' | 'unchanged';

/** What sharing or updating a record did, and what the agency should hear about its content. */
export interface ShareResult {
  outcome: ShareOutcome;
  record: StoredRecord;
  warnings: FieldProblem[];
}
