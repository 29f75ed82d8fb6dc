import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ReferenceChanged, Topics } from '@crosscheck/contracts';
import { Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { RetroCheckService } from './retro-check.service';

@Controller()
export class RetroCheckMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly retroCheck: RetroCheckService,
  ) {}

  @EventPattern(Topics.referenceChanged)
  async onReferenceChanged(@Payload() event: ReferenceChanged, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.retroCheck.onChange(transaction, event));
  }
}
