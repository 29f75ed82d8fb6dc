/**
 * The inbox makes consumers idempotent: a message's id is claimed in the same
 * transaction as the work it causes, so a redelivered message finds its id
 * taken and changes nothing, and a crash before commit leaves no trace of it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IncomingMessage } from './incoming-message';
import { MESSAGING_SETTINGS, MessagingSettings } from './messaging.settings';

export type InboxOutcome = 'processed' | 'duplicate';

@Injectable()
export class Inbox {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {}

  /** Runs `work` once per message id, in one transaction with the claim. */
  async runOnce(message: IncomingMessage, work: (transaction: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    return this.dataSource.transaction(async (transaction) => {
      const claimed: unknown[] = await transaction.query(
        `INSERT INTO inbox (consumer, message_id, topic) VALUES ($1, $2, $3)
         ON CONFLICT (consumer, message_id) DO NOTHING RETURNING message_id`,
        [this.settings.groupId, message.messageId, message.topic],
      );
      if (claimed.length === 0) return 'duplicate';
      await work(transaction);
      return 'processed';
    });
  }
}
