import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordReceived, Topics } from '@crosscheck/contracts';
import { Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { ResolveRecordService } from './resolve-record.service';

@Controller()
export class ResolveRecordMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly resolveRecord: ResolveRecordService,
  ) {}

  @EventPattern(Topics.recordsReceived)
  async onRecordReceived(@Payload() event: RecordReceived, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.resolveRecord.resolve(transaction, event));
  }
}
