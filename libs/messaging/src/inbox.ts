/**
 * The inbox makes consumers idempotent: a message's id is claimed in the same
 * transaction as the work it causes, so a redelivered message finds its id
 * taken and changes nothing, and a crash before commit leaves no trace of it.
 */
import { Inject, Injectable } from '@nestjs/common';
import { bulkInsert } from '@crosscheck/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { IncomingMessage } from './incoming-message';
import { MESSAGING_SETTINGS, MessagingSettings } from './messaging.settings';

export type InboxOutcome = 'processed' | 'duplicate';

const CLAIM_MESSAGES = bulkInsert<{ consumer: string; message: IncomingMessage }>('inbox', {
  consumer: ['text', (claim) => claim.consumer],
  message_id: ['text', (claim) => claim.message.messageId],
  topic: ['text', (claim) => claim.message.topic],
});

@Injectable()
export class Inbox {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
  ) {}

  /** Runs `work` once per message id, in one transaction with the claim. */
  async runOnce(message: IncomingMessage, work: (transaction: EntityManager) => Promise<void>): Promise<InboxOutcome> {
    const [outcome] = await this.runOnceEach([{ message }], async (transaction, claimed) => {
      if (claimed.length > 0) await work(transaction);
    });
    return outcome;
  }

  /**
   * The batch form: claims every message id in one statement and runs `work`
   * once, in the same transaction, with the items whose ids were not claimed
   * before (the first of any id repeated within the batch). Answers each item's
   * outcome, in order.
   */
  async runOnceEach<Item extends { message: IncomingMessage }>(
    items: Item[],
    work: (transaction: EntityManager, claimed: Item[]) => Promise<void>,
  ): Promise<InboxOutcome[]> {
    if (items.length === 0) return [];
    return this.dataSource.transaction(async (transaction) => {
      const rows = await CLAIM_MESSAGES.insert<{ message_id: string }>(
        transaction,
        items.map((item) => ({ consumer: this.settings.groupId, message: item.message })),
        'ON CONFLICT (consumer, message_id) DO NOTHING RETURNING message_id',
      );
      const unclaimed = new Set(rows.map((row) => row.message_id));
      const outcomes = items.map((item): InboxOutcome =>
        unclaimed.delete(item.message.messageId) ? 'processed' : 'duplicate',
      );
      const claimed = items.filter((_, index) => outcomes[index] === 'processed');
      if (claimed.length > 0) await work(transaction, claimed);
      return outcomes;
    });
  }
}
