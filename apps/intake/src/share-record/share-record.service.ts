/**
 * Sharing a record: the record and its `records.received.v1` event are written
 * in one transaction (the outbox), so a 201 means the record will reach every
 * downstream service even if Kafka is down right now. Re-sharing the same
 * externalRef with the same content changes nothing and publishes nothing;
 * with new content it becomes the record's next version.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { RecordReceivedSchema, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { IntakeConfig } from '../intake.config';
import { RecordsRepository, StoredRecord } from '../records/records.repository';
import { RecordContent, toSharedRecord } from '../records/shared-record.mapper';
import { ShareRecordDto } from './share-record.dto';

export type ShareOutcome = 'created' | 'updated' | 'unchanged';

const DAY_MS = 24 * 60 * 60 * 1000;

@Injectable()
export class ShareRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
    private readonly outbox: Outbox,
    private readonly config: IntakeConfig,
  ) {}

  async share(owner: string, input: ShareRecordDto): Promise<{ outcome: ShareOutcome; record: StoredRecord }> {
    const { externalRef, ...content } = input;
    const contentHash = hashContent(content);
    return this.dataSource.transaction(async (transaction) => {
      // Twice at most: a first share that loses the insert race to a concurrent one compares its
      // content with the winner's, as any later re-share would.
      for (let pass = 0; pass < 2; pass++) {
        const existing = await this.records.findByExternalRef(transaction, owner, externalRef, true);
        if (existing?.contentHash === contentHash) return { outcome: 'unchanged' as const, record: existing };
        if (existing) {
          const updated = await this.records.replaceContent(transaction, { ...existing, ...this.dates(content), content, contentHash, version: existing.version + 1 });
          await this.publish(transaction, updated);
          return { outcome: 'updated' as const, record: updated };
        }
        const inserted = await this.records.insert(transaction, {
          recordId: randomUUID(),
          owner,
          externalRef,
          kind: content.kind,
          version: 1,
          content,
          contentHash,
          ...this.dates(content),
        });
        if (inserted) {
          await this.publish(transaction, inserted);
          return { outcome: 'created' as const, record: inserted };
        }
      }
      throw new Error(`record ${owner}/${externalRef} could be neither inserted nor found`);
    });
  }

  private dates(content: RecordContent): { reportedAt: Date; expiresAt: Date } {
    const reportedAt = content.reportedAt ? new Date(content.reportedAt) : new Date();
    const expiresAt = content.expiresAt ? new Date(content.expiresAt) : new Date(Date.now() + this.config.RECORD_RETENTION_DAYS * DAY_MS);
    return { reportedAt, expiresAt };
  }

  private async publish(transaction: EntityManager, record: StoredRecord): Promise<void> {
    await this.outbox.enqueue(transaction, {
      topic: Topics.recordsReceived,
      key: record.recordId,
      schema: RecordReceivedSchema,
      message: create(RecordReceivedSchema, { record: toSharedRecord(record), receivedAt: timestampNow() }),
    });
  }
}

/** A hash of the content that ignores key order, so the same record re-sent is recognised. */
export function hashContent(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
