import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { MatchFound, MatchRetracted, Topics } from '@crosscheck/contracts';
import { Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { RaiseAlertService } from './raise-alert.service';

@Controller()
export class RaiseAlertMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly raiseAlert: RaiseAlertService,
  ) {}

  @EventPattern(Topics.matchesFound)
  async onMatchFound(@Payload() match: MatchFound, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.raiseAlert.raise(transaction, match));
  }

  @EventPattern(Topics.matchesRetracted)
  async onMatchRetracted(
    @Payload() retraction: MatchRetracted,
    @Ctx() message: IncomingMessage,
  ): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) => this.raiseAlert.retract(transaction, retraction));
  }
}
