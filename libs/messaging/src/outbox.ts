/**
 * The transactional outbox: a use case writes its events here in the same
 * transaction as its state, so an acknowledged change is never lost and never
 * published without its state. `OutboxRelay` publishes the rows afterwards.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { encodeMessage, schemaName } from '@crosscheck/contracts';
import { bulkInsert } from '@crosscheck/persistence';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import { MESSAGING_SETTINGS, MessagingSettings } from './messaging.settings';
import { captureTraceContext, TraceCarrier } from './trace-carrier';

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

interface OutboxRow {
  topic: string;
  key: string;
  schema: string;
  payload: Uint8Array;
  traceContext: TraceCarrier;
}

const INSERT_EVENTS = bulkInsert<OutboxRow>('outbox', {
  topic: ['text', (row) => row.topic],
  message_key: ['text', (row) => row.key],
  schema: ['text', (row) => row.schema],
  payload: ['bytea', (row) => row.payload],
  trace_context: ['jsonb', (row) => row.traceContext],
});

export function outboxChannel(schema: string): string {
  return `crosscheck_outbox_${schema}`;
}

@Injectable()
export class Outbox {
  constructor(@Inject(MESSAGING_SETTINGS) private readonly settings: Pick<MessagingSettings, 'databaseSchema'>) {}

  async enqueue(transaction: EntityManager, ...events: OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const activeTrace = captureTraceContext();
    await INSERT_EVENTS.insert(
      transaction,
      events.map((event) => ({
        topic: event.topic,
        key: event.key,
        schema: schemaName(event.schema),
        payload: encodeMessage(event.schema, event.message),
        traceContext: event.traceContext ? captureTraceContext(event.traceContext) : activeTrace,
      })),
    );
    // Delivered on commit, and only once per transaction however many rows it wrote.
    await transaction.query('SELECT pg_notify($1, $2)', [outboxChannel(this.settings.databaseSchema), '']);
  }
}
