/** Reads every `<topic>.dlq` topic into `dead_letters`, so operators can list, filter, replay and discard them. */
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { DeadLetter } from '@crosscheck/contracts';
import { DEAD_LETTER_TOPICS, Inbox, InboxOutcome, IncomingMessage } from '@crosscheck/messaging';
import { DeadLettersRepository } from '../persistence/dead-letters.repository';

@Controller()
export class DeadLettersMessageController {
  constructor(
    private readonly inbox: Inbox,
    private readonly deadLetters: DeadLettersRepository,
  ) {}

  @EventPattern(DEAD_LETTER_TOPICS)
  async onDeadLetter(@Payload() letter: DeadLetter, @Ctx() message: IncomingMessage): Promise<InboxOutcome> {
    return this.inbox.runOnce(message, (transaction) =>
      this.deadLetters.record(transaction, {
        source: { topic: message.topic, partition: message.partition, offset: message.offset },
        topic: letter.topic,
        partition: letter.partition,
        offset: letter.offset,
        key: letter.key,
        value: letter.value,
        headers: letter.headers,
        error: letter.error,
        attempts: letter.attempts,
        consumerGroup: letter.consumerGroup,
        failedAt: letter.failedAt ? timestampDate(letter.failedAt) : new Date(),
      }),
    );
  }
}
