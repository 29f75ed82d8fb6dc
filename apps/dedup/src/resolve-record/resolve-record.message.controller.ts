import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordReceived, RecordWithdrawn, Topics } from '@crosscheck/contracts';
import { Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { ResolveRecordService } from './resolve-record.service';

@Controller()
export class ResolveRecordMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly resolveRecord: ResolveRecordService,
  ) {}

  /** New records and new versions of records (updates arrive here too, with a higher version). */
  @EventPattern(Topics.recordsReceived)
  async onRecordReceived(@Payload() event: RecordReceived, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.resolveRecord.resolve(transaction, event));
  }

  @EventPattern(Topics.recordsWithdrawn)
  async onRecordWithdrawn(@Payload() event: RecordWithdrawn, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.resolveRecord.withdraw(transaction, event));
  }
}
