/**
 * The transactional outbox: a use case writes its events here in the same
 * transaction as its state, so an acknowledged change is never lost and never
 * published without its state. `OutboxRelay` publishes the rows afterwards.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { encodeMessage, schemaName } from '@crosscheck/contracts';
import type { Context } from '@opentelemetry/api';
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
  /** The trace the event continues; the active one when unset. A batch handler names each message's own (IncomingMessage.traceContext). */
  traceContext?: Context;
}

/** Rows per INSERT: 5 bound parameters each, under Postgres's 65,535. */
const ROWS_PER_INSERT = 10_000;

export function outboxChannel(schema: string): string {
  return `crosscheck_outbox_${schema}`;
}

@Injectable()
export class Outbox {
  constructor(@Inject(MESSAGING_SETTINGS) private readonly settings: Pick<MessagingSettings, 'databaseSchema'>) {}

  async enqueue(transaction: EntityManager, ...events: OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const activeTrace = JSON.stringify(captureTraceContext());
    for (let first = 0; first < events.length; first += ROWS_PER_INSERT) {
      const values: unknown[] = [];
      const rows = events.slice(first, first + ROWS_PER_INSERT).map((event, index) => {
        const traceContext = event.traceContext ? JSON.stringify(captureTraceContext(event.traceContext)) : activeTrace;
        values.push(
          event.topic,
          event.key,
          schemaName(event.schema),
          Buffer.from(encodeMessage(event.schema, event.message)),
          traceContext,
        );
        const at = index * 5;
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}::jsonb)`;
      });
      await transaction.query(
        `INSERT INTO outbox (topic, message_key, schema, payload, trace_context) VALUES ${rows.join(', ')}`,
        values,
      );
    }
    // Delivered on commit, and only once per transaction however many rows it wrote.
    await transaction.query('SELECT pg_notify($1, $2)', [outboxChannel(this.settings.databaseSchema), '']);
  }
}
