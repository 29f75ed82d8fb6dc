/**
 * Withdrawing a record: it stops being served to other agencies and
 * `records.withdrawn.v1` tells downstream to retract what rests on it. The
 * owner's DELETE and the retention job take this same path. Withdrawing twice
 * changes nothing the second time.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RecordAccess } from '../persistence/record-access';
import { RecordEvents } from '../persistence/record-events';
import type { StoredRecord } from '../model/record';
import { RecordsRepository } from '../persistence/records.repository';

@Injectable()
export class WithdrawRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: RecordAccess,
    private readonly records: RecordsRepository,
    private readonly events: RecordEvents,
  ) {}

  withdrawByOwner(agency: string, recordId: string, reason: string): Promise<StoredRecord> {
    return this.dataSource.transaction(async (transaction) =>
      this.withdraw(transaction, await this.access.owned(transaction, agency, recordId), reason),
    );
  }

  /** Withdraws records whose retention ran out, a batch at a time; returns how many. */
  expireDue(batchSize = 500): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      const due = await this.records.claimExpired(transaction, batchSize);
      for (const record of due) await this.withdraw(transaction, record, 'expired');
      return due.length;
    });
  }

  private async withdraw(transaction: EntityManager, record: StoredRecord, reason: string): Promise<StoredRecord> {
    if (record.withdrawnAt) return record;
    const withdrawn = await this.records.markWithdrawn(transaction, record.recordId, reason);
    await this.events.withdrawn(transaction, withdrawn, reason);
    return withdrawn;
  }
}
