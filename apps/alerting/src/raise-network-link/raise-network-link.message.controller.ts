import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { NetworkLinkFound, Topics } from '@crosscheck/contracts';
import { Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { RaiseNetworkLinkService } from './raise-network-link.service';

@Controller()
export class RaiseNetworkLinkMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly raiseNetworkLink: RaiseNetworkLinkService,
  ) {}

  /** A link found raises alerts; the same message with `retracted_at` retracts them. */
  @EventPattern(Topics.networkLinks)
  async onNetworkLink(@Payload() link: NetworkLinkFound, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) =>
      link.retractedAt
        ? this.raiseNetworkLink.retract(transaction, link)
        : this.raiseNetworkLink.raise(transaction, link),
    );
  }
}
