/**
 * `alerts.outcomes.v1`: alerting tells what followed a hit (arrested,
 * located...). An outcome on an alert resting on one of an operation's hits is
 * kept for that operation's report; any other outcome is none of matching's.
 */
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { AlertOutcomeRecorded, Topics } from '@crosscheck/contracts';
import { Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { OperationsRepository } from '../persistence/operations.repository';

@Controller()
export class OutcomeRecordedMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly operations: OperationsRepository,
  ) {}

  @EventPattern(Topics.alertsOutcomes)
  async onOutcomeRecorded(
    @Payload() event: AlertOutcomeRecorded,
    @Ctx() message: IncomingMessage,
  ): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, async (transaction) => {
      await this.operations.recordOutcome(transaction, {
        alertId: event.alertId,
        agency: event.agency,
        matchIds: event.matchIds,
        outcome: event.outcome,
        recordedAt: event.recordedAt ? timestampDate(event.recordedAt) : new Date(),
      });
    });
  }
}
