/**
 * Sharing a record: the record and its `records.received.v1` event are written
 * in one transaction (the outbox), so a 201 means the record will reach every
 * downstream service even if Kafka is down right now. Re-sharing the same
 * externalRef with the same content changes nothing and publishes nothing;
 * with new content (or after a withdrawal) it becomes the record's next version.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IntakeConfig } from '../intake.config';
import { kindChange, prepareContent } from '../model/record-content';
import { OperationTags } from '../persistence/operation-tags';
import { DisseminationAgencies } from '../persistence/dissemination-agencies';
import { RecordEvents } from '../persistence/record-events';
import type { ShareResult } from '../model/record';
import { RecordsRepository } from '../persistence/records.repository';
import type { ShareRecordInput } from './share-record.schema';

@Injectable()
export class ShareRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
    private readonly events: RecordEvents,
    private readonly disseminationAgencies: DisseminationAgencies,
    private readonly operationTags: OperationTags,
    private readonly config: IntakeConfig,
  ) {}

  /** `audit` writes the request's audit line in the record's transaction, once the outcome is known. */
  share(
    owner: string,
    input: ShareRecordInput,
    audit?: (transaction: EntityManager, result: ShareResult) => Promise<void>,
  ): Promise<ShareResult> {
    return this.dataSource.transaction(async (transaction) => {
      const result = await this.shareIn(transaction, owner, input);
      await audit?.(transaction, result);
      return result;
    });
  }

  async shareIn(transaction: EntityManager, owner: string, input: ShareRecordInput): Promise<ShareResult> {
    const { externalRef, ...content } = input;
    const prepared = prepareContent(content, this.config.RECORD_RETENTION_DAYS);
    await this.disseminationAgencies.check(transaction, content);
    // Twice at most: a first share that loses the insert race to a concurrent one compares its
    // content with the winner's, as any later re-share would.
    for (let pass = 0; pass < 2; pass++) {
      const existing = await this.records.findByExternalRef(transaction, owner, externalRef, true);
      const refusal = existing && kindChange(existing, content.kind);
      if (refusal) throw refusal;
      await this.operationTags.check(transaction, owner, content, existing?.content);
      if (existing && existing.contentHash === prepared.contentHash && !existing.withdrawnAt) {
        return { outcome: 'unchanged', record: existing, warnings: prepared.warnings };
      }
      if (existing) {
        const updated = await this.records.replaceContent(transaction, {
          ...existing,
          ...prepared,
          version: existing.version + 1,
        });
        await this.events.received(transaction, updated);
        return { outcome: 'updated', record: updated, warnings: prepared.warnings };
      }
      const inserted = await this.records.insert(transaction, {
        recordId: randomUUID(),
        owner,
        externalRef,
        kind: content.kind,
        version: 1,
        ...prepared,
      });
      if (inserted) {
        await this.events.received(transaction, inserted);
        return { outcome: 'created', record: inserted, warnings: prepared.warnings };
      }
    }
    throw new Error(`record ${owner}/${externalRef} could be neither inserted nor found`);
  }
}
