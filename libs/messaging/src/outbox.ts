/**
 * The transactional outbox: a use case writes its events here in the same
 * transaction as its state, so an acknowledged change is never lost and never
 * published without its state. `OutboxRelay` publishes the rows afterwards.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { encodeMessage, schemaName } from '@crosscheck/contracts';
import { bulkRows } from '@crosscheck/persistence';
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

const EVENT_ROWS = bulkRows<OutboxRow>({
  topic: ['text', (row) => row.topic],
  message_key: ['text', (row) => row.key],
  schema: ['text', (row) => row.schema],
  payload: ['bytea', (row) => row.payload],
  trace_context: ['jsonb', (row) => row.traceContext],
});

/**
 * The rows and the relay's wake-up in one statement: a busy check or batch pays one round trip, not two. A
 * data-modifying CTE runs whether or not the SELECT reads it; the NOTIFY is delivered on commit, and only once per
 * transaction however many statements sent it.
 */
const ENQUEUE_EVENTS = `WITH written AS (INSERT INTO outbox (${EVENT_ROWS.columnList}) ${EVENT_ROWS.select(2)})
  SELECT pg_notify($1, '')`;

export function outboxChannel(schema: string): string {
  return `crosscheck_outbox_${schema}`;
}

@Injectable()
export class Outbox {
  constructor(@Inject(MESSAGING_SETTINGS) private readonly settings: Pick<MessagingSettings, 'databaseSchema'>) {}

  async enqueue(transaction: EntityManager, ...events: OutgoingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const activeTrace = captureTraceContext();
    const rows = events.map((event) => ({
      topic: event.topic,
      key: event.key,
      schema: schemaName(event.schema),
      payload: encodeMessage(event.schema, event.message),
      traceContext: event.traceContext ? captureTraceContext(event.traceContext) : activeTrace,
    }));
    await transaction.query(ENQUEUE_EVENTS, [
      outboxChannel(this.settings.databaseSchema),
      ...EVENT_ROWS.parameters(rows),
    ]);
  }
}
