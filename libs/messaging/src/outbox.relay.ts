/**
 * Publishes outbox rows to Kafka in id order, then deletes them. One relay per
 * service schema is active at a time (a Postgres advisory lock held by the
 * session of its PgListener), which keeps per-key order across instances. It
 * wakes on NOTIFY from `Outbox.enqueue` and on a poll; while Kafka is
 * unreachable the rows simply wait, and are published when it comes back.
 */
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { HEADER_CONTENT_TYPE, HEADER_MESSAGE_ID, HEADER_SCHEMA } from '@crosscheck/contracts';
import { databaseUrlOf, PgListener, PgSession } from '@crosscheck/persistence';
import { outboxPending, outboxPublished, ReadinessRegistry } from '@crosscheck/telemetry';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { KafkaProducer, TopicMessages } from './kafka.producer';
import { CONTENT_TYPE_PROTOBUF, MESSAGING_LOGGER } from './messaging.constants';
import { MESSAGING_SETTINGS, MessagingSettings } from './messaging.settings';
import { outboxChannel } from './outbox';
import { captureTraceContext, restoreTraceContext, TraceCarrier } from './trace-carrier';

const BATCH_SIZE = 500;
const POLL_MS = 1_000;
/** After a wake-up, how long to let more commits gather so that busy moments publish in batches. */
const GATHER_MS = 5;

interface OutboxRow {
  id: string;
  message_id: string;
  topic: string;
  message_key: string;
  schema: string;
  payload: Buffer;
  trace_context: TraceCarrier | null;
}

@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly tracer = trace.getTracer('crosscheck.outbox');
  private readonly listener: PgListener;
  /** The session holding the advisory lock; a new session (after a reconnect) must take it again. */
  private leaderSession: PgSession | undefined;
  private stopping = false;
  private topicsProvisioned = false;
  private lastError: string | undefined;

  constructor(
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    @Inject(MESSAGING_LOGGER) private readonly logger: Logger,
    dataSource: DataSource,
    private readonly producer: KafkaProducer,
    readiness: ReadinessRegistry,
  ) {
    // Not a readiness failure: while Kafka is down the outbox is exactly what lets intake keep
    // accepting records. The state shows in /ready's details and in crosscheck_outbox_pending.
    readiness.register(
      'outbox-relay',
      () => undefined,
      () => (this.lastError ? `waiting to publish: ${this.lastError}` : 'ok'),
    );
    this.listener = new PgListener({
      name: `${settings.service}-outbox-relay`,
      // A query timeout: a connection that silently died must not keep the lock (and the relay) hostage.
      connection: {
        connectionString: databaseUrlOf(dataSource),
        options: `-c search_path=${settings.databaseSchema}`,
        query_timeout: 30_000,
      },
      channels: [outboxChannel(settings.databaseSchema)],
      pollMs: POLL_MS,
      logger: { log: (message) => logger.info(message), warn: (message) => logger.warn(message) },
      onWake: (session) => this.relay(session),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  /** Before the producer disconnects (onApplicationShutdown), so a batch in flight finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.listener.stop();
  }

  /** One wake-up: publish what is pending, batch after batch, if this instance holds the lock. */
  private async relay(session: PgSession | undefined): Promise<void> {
    if (!session) {
      // The listener logs and counts its reconnect attempts; this only shows in /ready.
      this.lastError = 'no database connection';
      return;
    }
    try {
      if (!(await this.holdsLeadership(session))) return;
      // A producing-only service (intake) must not wait for a consumer to create the topics.
      if (!this.topicsProvisioned) {
        await this.producer.provisionTopics();
        this.topicsProvisioned = true;
      }
      await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
      let published: number;
      do {
        published = await this.publishPending(session);
      } while (published === BATCH_SIZE && !this.stopping);
      this.lastError = undefined;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.logger.warn({ err: this.lastError }, 'outbox relay failed; rows stay until the next attempt');
    }
  }

  /** Publishes one batch; returns how many rows went out. */
  private async publishPending(session: PgSession): Promise<number> {
    const rows = await session.query<OutboxRow>(
      `SELECT id, message_id, topic, message_key, schema, payload, trace_context
         FROM outbox ORDER BY id LIMIT ${BATCH_SIZE}`,
    );
    outboxPending.set(rows.length);
    if (rows.length === 0) return 0;

    const spans = rows.map((row) =>
      this.tracer.startSpan(
        `${row.topic} publish`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': row.topic,
            'messaging.message.id': row.message_id,
          },
        },
        restoreTraceContext(row.trace_context ?? undefined),
      ),
    );
    try {
      await this.producer.send(
        this.toTopicMessages(
          rows,
          spans.map((span, index) =>
            captureTraceContext(trace.setSpan(restoreTraceContext(rows[index].trace_context ?? undefined), span)),
          ),
        ),
      );
    } catch (error) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'publish failed' });
        span.end();
      }
      throw error;
    }
    spans.forEach((span) => span.end());
    await session.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
    for (const row of rows) outboxPublished.inc({ topic: row.topic });
    return rows.length;
  }

  private toTopicMessages(rows: OutboxRow[], traceHeaders: TraceCarrier[]): TopicMessages[] {
    // One entry per topic, rows in id order within it: kafkajs keys a batch by topic, so a topic
    // that appeared twice would overwrite its first group. Order across topics is not promised anyway.
    const byTopic = new Map<string, TopicMessages>();
    rows.forEach((row, index) => {
      const topic = this.producer.topics.physical(row.topic);
      let group = byTopic.get(topic);
      if (!group) byTopic.set(topic, (group = { topic, messages: [] }));
      group.messages.push({
        key: row.message_key,
        value: row.payload,
        headers: {
          ...traceHeaders[index],
          [HEADER_SCHEMA]: row.schema,
          [HEADER_MESSAGE_ID]: row.message_id,
          [HEADER_CONTENT_TYPE]: CONTENT_TYPE_PROTOBUF,
        },
      });
    });
    return [...byTopic.values()];
  }

  private async holdsLeadership(session: PgSession): Promise<boolean> {
    if (this.leaderSession === session) return true;
    const [row] = await session.query<{ leader: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS leader', [
      `crosscheck.outbox.${this.settings.databaseSchema}`,
    ]);
    if (row.leader) this.leaderSession = session;
    return row.leader;
  }
}
