import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ReferenceChanged, Topics } from '@crosscheck/contracts';
import { BATCH, BatchedEvent, Inbox, InboxOutcome } from '@crosscheck/messaging';
import { RetroCheckService } from './retro-check.service';

@Controller()
export class RetroCheckMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly retroCheck: RetroCheckService,
  ) {}

  /**
   * In batches, one transaction for all (a load publishes a change per entry, thousands at once); each change is still
   * checked on its own, in order, since a later change of the same entry must see the earlier one's matches.
   */
  @EventPattern(Topics.referenceChanged, BATCH)
  async onReferenceChanges(@Payload() batch: BatchedEvent<ReferenceChanged>[]): Promise<InboxOutcome[]> {
    return this.inbox.runOnceEach(batch, async (transaction, claimed) => {
      for (const { payload, message } of claimed)
        await this.retroCheck.onChange(transaction, payload, message.traceContext);
    });
  }
}
