/**
 * The transactional outbox: a use case writes its events here in the same
 * transaction as its state, so an acknowledged change is never lost and never
 * published without its state. `OutboxRelay` publishes the rows afterwards.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { encodeMessage, schemaName } from '@crosscheck/contracts';
import { EntityManager } from 'typeorm';
import { MESSAGING_SETTINGS, MessagingSettings } from './messaging.settings';
import { captureTraceContext } from './trace-carrier';

export interface OutgoingEvent<Desc extends DescMessage = DescMessage> {
  /** Logical topic name, from `Topics`. */
  topic: string;
  /** Keeps all events of one record or entity in order on one partition. */
  key: string;
  schema: Desc;
  message: MessageShape<Desc>;
}

export function outboxChannel(schema: string): string {
  return `crosscheck_outbox_${schema}`;
}

@Injectable()
export class Outbox {
  constructor(@Inject(MESSAGING_SETTINGS) private readonly settings: Pick<MessagingSettings, 'databaseSchema'>) {}

  async enqueue(transaction: EntityManager, ...events: OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const traceContext = JSON.stringify(captureTraceContext());
    const values: unknown[] = [];
    const rows = events.map((event, index) => {
      values.push(event.topic, event.key, schemaName(event.schema), Buffer.from(encodeMessage(event.schema, event.message)), traceContext);
      const at = index * 5;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}::jsonb)`;
    });
    await transaction.query(
      `INSERT INTO outbox (topic, message_key, schema, payload, trace_context) VALUES ${rows.join(', ')}`,
      values,
    );
    // Delivered on commit, and only once per transaction however many rows it wrote.
    await transaction.query('SELECT pg_notify($1, $2)', [outboxChannel(this.settings.databaseSchema), '']);
  }
}
