/**
 * The one Kafka consumer of a service, as a Nest transport: handlers say
 * `@EventPattern(Topics.x) handle(@Payload() event, @Ctx() message)`. This class
 * owns what every handler would otherwise get wrong:
 *   - protobuf decoding by the `schema` header;
 *   - the trace: each message is handled in a consumer span whose parent is
 *     the producer span carried in its headers;
 *   - a message whose `schema` header is not its topic's schema is refused;
 *   - failures of the message itself get bounded retries, then the message
 *     goes to `<topic>.dlq` with the error, so a poison pill never blocks its
 *     partition; failures of the infrastructure (Postgres down, a deadlock)
 *     are retried until they pass or the consumer stops, never dead-lettered;
 *   - heartbeats while handlers run, and offsets committed only for handled
 *     messages, so a shutdown or crash redelivers at most what was in flight
 *     (the inbox makes that harmless).
 */
import { randomUUID } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import {
  DeadLetterSchema,
  schemaForTopic,
  HEADER_CONTENT_TYPE,
  HEADER_MESSAGE_ID,
  HEADER_SCHEMA,
  decodeMessage,
  deadLetterTopic,
  encodeMessage,
  schemaName,
} from '@crosscheck/contracts';
import { consumerLag, deadLetters, messageHandlerSeconds, messagesProcessed, ReadinessRegistry } from '@crosscheck/telemetry';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { Logger } from 'pino';
import { KafkaProducer } from './kafka.producer';
import { CONTENT_TYPE_PROTOBUF } from './messaging.constants';
import { IncomingMessage } from './incoming-message';
import { MessagingSettings } from './messaging.settings';
import { isTransientFailure } from './transient-failure';
import { captureTraceContext, headersToCarrier, restoreTraceContext } from './trace-carrier';

/** A message that can never succeed, however often it is tried: no retries. */
class UndecodableMessage extends Error {}

type Outcome = 'ok' | 'duplicate' | 'dead_lettered';
/** The consumer is stopping or lost the partition: leave the message for whoever consumes next. */
type Interrupted = 'interrupted';

const HEARTBEAT_EVERY_MS = 3_000;
const MAX_TRANSIENT_BACKOFF_MS = 5_000;
/** A dead letter carries the original value unless it would not fit in a Kafka message. */
const MAX_DEAD_LETTER_VALUE_BYTES = 512 * 1024;

export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private readonly tracer = trace.getTracer('crosscheck.consumer');
  private consumer: Consumer | undefined;
  private crashed: string | undefined;

  constructor(
    private readonly settings: MessagingSettings,
    private readonly producer: KafkaProducer,
    private readonly log: Logger,
    readiness: ReadinessRegistry,
  ) {
    super();
    readiness.register('kafka-consumer', () => {
      if (!this.consumer) throw new Error('consumer not started');
      if (this.crashed) throw new Error(`consumer crashed: ${this.crashed}`);
    });
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    // kafkajs waits for the batch in hand to finish, then commits its resolved offsets.
    await this.consumer?.disconnect();
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const topics = [...this.messageHandlers.keys()];
    if (topics.length === 0) return;
    await this.producer.provisionTopics();
    const consumer = this.producer.kafka.consumer({
      groupId: this.settings.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      maxWaitTimeInMs: 500,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.crashed = payload.error.message;
      this.log.error({ err: payload.error.message, restart: payload.restart }, 'kafka consumer crashed');
    });
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.crashed = undefined;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: topics.map((topic) => this.producer.topics.physical(topic)), fromBeginning: true });
    await consumer.run({ eachBatchAutoResolve: false, autoCommit: true, eachBatch: (batch) => this.handleBatch(batch) });
    this.consumer = consumer;
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const topic = this.producer.topics.logical(batch.topic);
    const stillOwned = () => isRunning() && !isStale();
    for (const message of batch.messages) {
      if (!stillOwned()) break;
      const outcome = await this.handleMessage(topic, batch.partition, message, heartbeat, stillOwned);
      if (outcome === 'interrupted') break;
      resolveOffset(message.offset);
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
    consumerLag.set({ topic, partition: String(batch.partition) }, Number(batch.offsetLag()));
  }

  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    stillOwned: () => boolean,
  ): Promise<Outcome | Interrupted> {
    const carrier = headersToCarrier(message.headers);
    const parent = restoreTraceContext(carrier);
    const span = this.tracer.startSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': this.settings.groupId,
          'messaging.kafka.offset': Number(message.offset),
          'messaging.destination.partition.id': String(partition),
        },
      },
      parent,
    );
    const stopTimer = messageHandlerSeconds.startTimer({ topic });
    // kafkajs heartbeats only when asked; a slow handler or a long retry must keep asking.
    const pacemaker = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    try {
      return await context.with(trace.setSpan(parent, span), async () => {
        const outcome = await this.deliverWithRetries(topic, partition, message, carrier, stillOwned);
        if (outcome !== 'interrupted') messagesProcessed.inc({ topic, outcome });
        span.setAttribute('crosscheck.outcome', outcome);
        return outcome;
      });
    } finally {
      clearInterval(pacemaker);
      stopTimer();
      span.end();
    }
  }

  private async deliverWithRetries(
    topic: string,
    partition: number,
    message: KafkaMessage,
    carrier: Record<string, string>,
    stillOwned: () => boolean,
  ): Promise<Outcome | Interrupted> {
    const handler = this.getHandlerByPattern(topic);
    const messageId = carrier[HEADER_MESSAGE_ID] ?? `${topic}/${partition}/${message.offset}`;
    const schema = carrier[HEADER_SCHEMA] ?? '';
    let lastError: unknown;
    let transientBackoff = 200;
    for (let attempt = 1; attempt <= this.settings.maxAttempts; attempt++) {
      try {
        if (!handler) throw new UndecodableMessage(`no handler for topic ${topic}`);
        const payload = this.decode(topic, schema, message);
        const incoming = new IncomingMessage(topic, partition, message.offset, message.key?.toString(), messageId, schema, attempt);
        const result = await this.invoke(handler, payload, incoming);
        // Handlers return the inbox's verdict; a repeat is counted apart so operators see redeliveries.
        return result === 'duplicate' ? 'duplicate' : 'ok';
      } catch (error) {
        lastError = error;
        const span = trace.getActiveSpan();
        span?.recordException(error as Error);
        this.log.warn({ topic, partition, offset: message.offset, attempt, err: describe(error) }, 'message handling failed');
        if (error instanceof UndecodableMessage) break;
        if (isTransientFailure(error)) {
          // Not the message's fault: wait for the infrastructure, however long, unless we are stopping.
          if (!stillOwned()) return 'interrupted';
          await delay(transientBackoff);
          transientBackoff = Math.min(transientBackoff * 2, MAX_TRANSIENT_BACKOFF_MS);
          attempt--;
          continue;
        }
        if (attempt < this.settings.maxAttempts) await delay(Math.min(100 * 2 ** (attempt - 1), 2_000));
      }
    }
    trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message: 'dead-lettered' });
    await this.deadLetter(topic, partition, message, carrier, lastError);
    return 'dead_lettered';
  }

  private decode(topic: string, schema: string, message: KafkaMessage): unknown {
    if (!message.value) throw new UndecodableMessage('message has no value');
    if (!schema) throw new UndecodableMessage(`message has no "${HEADER_SCHEMA}" header`);
    const expected = schemaForTopic(topic);
    if (expected && schemaName(expected) !== schema) {
      throw new UndecodableMessage(`a ${schema} does not belong on ${topic}, which carries ${schemaName(expected)}`);
    }
    try {
      return decodeMessage(schema, message.value);
    } catch (error) {
      throw new UndecodableMessage(describe(error));
    }
  }

  private async invoke(handler: MessageHandler, payload: unknown, incoming: IncomingMessage): Promise<unknown> {
    const result = await handler(payload, incoming);
    return lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /** If this fails the error propagates: the offset stays uncommitted and the message is redelivered. */
  private async deadLetter(topic: string, partition: number, message: KafkaMessage, carrier: Record<string, string>, error: unknown): Promise<void> {
    const tooLarge = (message.value?.length ?? 0) > MAX_DEAD_LETTER_VALUE_BYTES;
    const deadLetter = create(DeadLetterSchema, {
      topic,
      partition,
      offset: message.offset,
      key: message.key ?? new Uint8Array(),
      value: tooLarge ? new Uint8Array() : (message.value ?? new Uint8Array()),
      headers: carrier,
      error: tooLarge ? `${describe(error)} (value of ${message.value!.length} bytes left out; read it at the offset)` : describe(error),
      attempts: error instanceof UndecodableMessage ? 1 : this.settings.maxAttempts,
      consumerGroup: this.settings.groupId,
      failedAt: timestampFromDate(new Date()),
    });
    await this.producer.send([
      {
        topic: this.producer.topics.physical(deadLetterTopic(topic)),
        messages: [
          {
            key: message.key,
            value: Buffer.from(encodeMessage(DeadLetterSchema, deadLetter)),
            headers: {
              ...captureTraceContext(),
              [HEADER_SCHEMA]: schemaName(DeadLetterSchema),
              [HEADER_MESSAGE_ID]: randomUUID(),
              [HEADER_CONTENT_TYPE]: CONTENT_TYPE_PROTOBUF,
            },
          },
        ],
      },
    ]);
    deadLetters.inc({ topic });
    this.log.error({ topic, partition, offset: message.offset, err: describe(error) }, 'message dead-lettered');
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
