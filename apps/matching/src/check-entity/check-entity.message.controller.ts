import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordResolved, RecordWithdrawn, Topics } from '@crosscheck/contracts';
import { BATCH, BatchedEvent, Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { CheckEntityService } from './check-entity.service';

@Controller()
export class CheckEntityMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly checkEntity: CheckEntityService,
  ) {}

  /** In batches: one transaction, one candidate query and one write per batch is what makes thousands of checks a second. */
  @EventPattern(Topics.recordsResolved, BATCH)
  async onRecordsResolved(@Payload() batch: BatchedEvent<RecordResolved>[]): Promise<InboxOutcome[]> {
    return this.inbox.runOnceEach(batch, (transaction, claimed) =>
      this.checkEntity.checkMany(
        transaction,
        claimed.map(({ payload, message }) => ({ event: payload, traceContext: message.traceContext })),
      ),
    );
  }

  @EventPattern(Topics.recordsWithdrawn)
  async onRecordWithdrawn(@Payload() event: RecordWithdrawn, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.checkEntity.withdraw(transaction, event));
  }
}
