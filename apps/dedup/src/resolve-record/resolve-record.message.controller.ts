import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordReceived, RecordWithdrawn, Topics } from '@crosscheck/contracts';
import { BATCH, BatchedEvent, Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { ResolveBatchService } from './resolve-batch.service';
import { ResolveRecordService } from './resolve-record.service';

@Controller()
export class ResolveRecordMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly resolveBatch: ResolveBatchService,
    private readonly resolveRecord: ResolveRecordService,
  ) {}

  /**
   * New records and new versions of records (updates arrive here too, with a higher version), a Kafka batch at a
   * time: one transaction, one candidate query and one write per batch is what resolves thousands a second.
   */
  @EventPattern(Topics.recordsReceived, BATCH)
  async onRecordsReceived(@Payload() batch: BatchedEvent<RecordReceived>[]): Promise<InboxOutcome[]> {
    return this.inbox.runOnceEach(batch, (transaction, claimed) =>
      this.resolveBatch.resolveMany(
        transaction,
        claimed.map(({ payload, message }) => ({ event: payload, traceContext: message.traceContext })),
      ),
    );
  }

  @EventPattern(Topics.recordsWithdrawn)
  async onRecordWithdrawn(@Payload() event: RecordWithdrawn, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.resolveRecord.withdraw(transaction, event));
  }
}
