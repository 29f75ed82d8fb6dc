import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordReceived, RecordWithdrawn, Topics } from '@crosscheck/contracts';
import { BATCH, BatchedEvent, Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { EntityManager } from 'typeorm';
import { DedupConfig } from '../dedup.config';
import { MemberStatistics } from '../persistence/member-statistics';
import { NetworkLinks } from '../persistence/network-links';
import { ResolveBatchService } from './resolve-batch.service';
import { ResolveRecordService } from './resolve-record.service';

@Controller()
export class ResolveRecordMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly resolveBatch: ResolveBatchService,
    private readonly resolveRecord: ResolveRecordService,
    private readonly links: NetworkLinks,
    private readonly statistics: MemberStatistics,
    private readonly config: DedupConfig,
  ) {}

  /**
   * New records and new versions of records (updates arrive here too, with a higher version), a Kafka batch at a
   * time, DEDUP_BATCH_RECORDS records per transaction (one claim, one candidate query, one write each); at 1, each
   * record in a transaction of its own.
   */
  @EventPattern(Topics.recordsReceived, BATCH)
  async onRecordsReceived(@Payload() batch: BatchedEvent<RecordReceived>[]): Promise<InboxOutcome[]> {
    const outcomes: InboxOutcome[] = [];
    const size = this.config.DEDUP_BATCH_RECORDS;
    for (let start = 0; start < batch.length; start += size) {
      const chunk = batch.slice(start, start + size);
      const chunkOutcomes = await this.inbox.runOnceEach(chunk, (transaction, claimed) =>
        size === 1
          ? this.resolveOne(transaction, claimed[0])
          : this.resolveBatch.resolveMany(
              transaction,
              claimed.map(({ payload, message }) => ({ event: payload, traceContext: message.traceContext })),
            ),
      );
      outcomes.push(...chunkOutcomes);
      if (chunkOutcomes.includes('processed')) await this.statistics.grew();
    }
    return outcomes;
  }

  /** One record in a transaction of its own, then the network links it made (last: see network-links.ts). */
  private async resolveOne(transaction: EntityManager, { payload, message }: BatchedEvent<RecordReceived>) {
    const resolved = await this.resolveRecord.resolve(transaction, payload, {
      position: 0,
      traceContext: message.traceContext,
    });
    await this.links.announce(transaction, resolved ? [resolved] : []);
  }

  /** The record leaves its entity, then the network links its path went through are searched again (last). */
  @EventPattern(Topics.recordsWithdrawn)
  async onRecordWithdrawn(@Payload() event: RecordWithdrawn, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, async (transaction) => {
      await this.resolveRecord.withdraw(transaction, event);
      await this.links.recheckWithdrawn(transaction, event.recordId, message.traceContext);
    });
  }
}
