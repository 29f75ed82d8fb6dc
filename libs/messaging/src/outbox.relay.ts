/**
 * Publishes outbox rows to Kafka in id order, then deletes them. One relay per
 * service schema is active at a time (a Postgres advisory lock held on its own
 * connection), which keeps per-key order across instances. It wakes on NOTIFY
 * from `Outbox.enqueue` and polls as a fallback; while Kafka is unreachable the
 * rows simply wait, and are published when it comes back.
 */
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { HEADER_CONTENT_TYPE, HEADER_MESSAGE_ID, HEADER_SCHEMA } from '@crosscheck/contracts';
import { outboxPending, outboxPublished, ReadinessRegistry } from '@crosscheck/telemetry';
import { Client } from 'pg';
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
const MAX_BACKOFF_MS = 5_000;

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
  private client: Client | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private notified = false;
  private leader = false;
  private topicsProvisioned = false;
  private lastError: string | undefined;

  constructor(
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    @Inject(MESSAGING_LOGGER) private readonly logger: Logger,
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    readiness: ReadinessRegistry,
  ) {
    // Not a readiness failure: while Kafka is down the outbox is exactly what lets intake keep
    // accepting records. The state shows in /ready's details and in crosscheck_outbox_pending.
    readiness.register('outbox-relay', () => undefined, () => (this.lastError ? `waiting to publish: ${this.lastError}` : 'ok'));
  }

  onApplicationBootstrap(): void {
    this.running = this.run();
  }

  /** Before the producer disconnects (onApplicationShutdown), so a batch in flight finishes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    let backoff = 200;
    while (!this.stopping) {
      try {
        await this.connect();
        if (!(await this.holdsLeadership())) {
          await this.sleep(POLL_MS * 2);
          continue;
        }
        // A producing-only service (intake) must not wait for a consumer to create the topics.
        if (!this.topicsProvisioned) {
          await this.producer.provisionTopics();
          this.topicsProvisioned = true;
        }
        const published = await this.publishPending();
        this.lastError = undefined;
        backoff = 200;
        if (published < BATCH_SIZE) {
          await this.sleep(POLL_MS);
          await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
        }
      } catch (error) {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.warn({ err: this.lastError, retryInMs: backoff }, 'outbox relay failed; rows stay until the next attempt');
        await this.disconnectIfBroken(error);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
    await this.client?.end().catch(() => undefined);
  }

  /** Publishes one batch; returns how many rows went out. */
  private async publishPending(): Promise<number> {
    const rows = await this.query<OutboxRow>(
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
          attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': row.topic, 'messaging.message.id': row.message_id },
        },
        restoreTraceContext(row.trace_context ?? undefined),
      ),
    );
    try {
      await this.producer.send(this.toTopicMessages(rows, spans.map((span, index) => captureTraceContext(trace.setSpan(restoreTraceContext(rows[index].trace_context ?? undefined), span)))));
    } catch (error) {
      for (const span of spans) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'publish failed' });
        span.end();
      }
      throw error;
    }
    spans.forEach((span) => span.end());
    await this.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
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

  private async connect(): Promise<void> {
    if (this.client) return;
    const options = this.dataSource.driver.options as { url?: string };
    // keepAlive and a query timeout: a connection that silently died must not keep the lock (and the relay) hostage.
    const client = new Client({
      connectionString: options.url,
      application_name: `${this.settings.service}-outbox-relay`,
      keepAlive: true,
      query_timeout: 30_000,
      connectionTimeoutMillis: 10_000,
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error.message }, 'outbox relay lost its database connection');
      this.client = undefined;
      this.leader = false;
    });
    client.on('notification', () => {
      this.notified = true;
      this.wake?.();
    });
    try {
      await client.connect();
      await client.query(`SET search_path TO "${this.settings.databaseSchema}"`);
      await client.query(`LISTEN ${outboxChannel(this.settings.databaseSchema)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  private async holdsLeadership(): Promise<boolean> {
    if (this.leader) return true;
    const [row] = await this.query<{ leader: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS leader', [
      `crosscheck.outbox.${this.settings.databaseSchema}`,
    ]);
    this.leader = row.leader;
    return this.leader;
  }

  private async query<Row>(sql: string, values?: unknown[]): Promise<Row[]> {
    if (!this.client) throw new Error('no database connection');
    return (await this.client.query(sql, values)).rows as Row[];
  }

  private async disconnectIfBroken(error: unknown): Promise<void> {
    const fromDatabase = error instanceof Error && 'severity' in error;
    if (fromDatabase || !this.client) {
      await this.client?.end().catch(() => undefined);
      this.client = undefined;
      this.leader = false;
    }
  }

  /** Waits for `ms`, or less if a NOTIFY arrives (or arrived since the last pass). */
  private sleep(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.notified = false;
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
