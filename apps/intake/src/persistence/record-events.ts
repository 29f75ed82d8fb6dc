/**
 * The events a record's life publishes, through the outbox in the caller's
 * transaction. Keyed by record id, so create, update and withdraw of one record
 * stay in that order on one partition.
 */
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { RecordReceivedSchema, RecordWithdrawnSchema, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { EntityManager } from 'typeorm';
import type { StoredRecord } from '../model/record';
import { toSharedRecord } from '../model/shared-record.mapper';

@Injectable()
export class RecordEvents {
  constructor(private readonly outbox: Outbox) {}

  async received(transaction: EntityManager, ...records: StoredRecord[]): Promise<void> {
    const receivedAt = timestampNow();
    await this.outbox.enqueue(
      transaction,
      ...records.map((record) => ({
        topic: Topics.recordsReceived,
        key: record.recordId,
        schema: RecordReceivedSchema,
        message: create(RecordReceivedSchema, { record: toSharedRecord(record), receivedAt }),
      })),
    );
  }

  async withdrawn(transaction: EntityManager, record: StoredRecord, reason: string): Promise<void> {
    await this.outbox.enqueue(transaction, {
      topic: Topics.recordsWithdrawn,
      key: record.recordId,
      schema: RecordWithdrawnSchema,
      message: create(RecordWithdrawnSchema, {
        recordId: record.recordId,
        owner: record.owner,
        version: record.version,
        reason,
        withdrawnAt: timestampNow(),
      }),
    });
  }
}
