import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { RecordResolved, RecordWithdrawn, Topics } from '@crosscheck/contracts';
import { Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { CheckEntityService } from './check-entity.service';

@Controller()
export class CheckEntityMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly checkEntity: CheckEntityService,
  ) {}

  @EventPattern(Topics.recordsResolved)
  async onRecordResolved(@Payload() event: RecordResolved, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.checkEntity.check(transaction, event));
  }

  @EventPattern(Topics.recordsWithdrawn)
  async onRecordWithdrawn(@Payload() event: RecordWithdrawn, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.checkEntity.withdraw(transaction, event));
  }
}
