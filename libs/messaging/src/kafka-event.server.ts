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
 *     (the inbox makes that harmless);
 *   - the opt-in batch form (`@EventPattern(topic, BATCH)`, batched-event.ts):
 *     up to BATCH_MAX_MESSAGES decoded messages handed over at once, each still
 *     in its own consumer span under its producer's, the handler's work under
 *     one batch span linked to them all. A batch that fails for a reason of
 *     its own is not retried as a whole: its messages are handled one by one
 *     through the one-message path above (bounded retries, dead letter), so
 *     only a poison pill is dead-lettered and the others are handled alone.
 */
import { randomUUID } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Context, Link, Span, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
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
import {
  consumerLag,
  deadLetters,
  messageHandlerSeconds,
  messagesProcessed,
  ReadinessRegistry,
} from '@crosscheck/telemetry';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import type { Logger } from 'pino';
import { BATCH_MAX_MESSAGES, BATCH_PARTITIONS_CONCURRENTLY, BatchedEvent, isBatchHandler } from './batched-event';
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
/** Offsets handled so far are committed this often within a fetched batch, which can take minutes to work through. */
const COMMIT_EVERY_MS = 5_000;
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
    await consumer.subscribe({
      topics: topics.map((topic) => this.producer.topics.physical(topic)),
      fromBeginning: true,
    });
    const partitionsConsumedConcurrently = [...this.messageHandlers.values()].some(isBatchHandler)
      ? BATCH_PARTITIONS_CONCURRENTLY
      : 1;
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: true,
      autoCommitInterval: COMMIT_EVERY_MS,
      partitionsConsumedConcurrently,
      eachBatch: (batch) => this.handleBatch(batch),
    });
    this.consumer = consumer;
  }

  private async handleBatch({
    batch,
    resolveOffset,
    heartbeat,
    commitOffsetsIfNecessary,
    isRunning,
    isStale,
  }: EachBatchPayload): Promise<void> {
    const topic = this.producer.topics.logical(batch.topic);
    const stillOwned = () => isRunning() && !isStale();
    const handler = this.getHandlerByPattern(topic);
    if (handler && isBatchHandler(handler)) {
      for (let first = 0; first < batch.messages.length; first += BATCH_MAX_MESSAGES) {
        if (!stillOwned()) break;
        const chunk = batch.messages.slice(first, first + BATCH_MAX_MESSAGES);
        const outcome = await this.handleTogether(topic, batch.partition, chunk, handler, heartbeat, stillOwned);
        if (outcome === 'interrupted') break;
        resolveOffset(chunk[chunk.length - 1].offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    } else {
      for (const message of batch.messages) {
        if (!stillOwned()) break;
        const outcome = await this.handleMessage(topic, batch.partition, message, heartbeat, stillOwned);
        if (outcome === 'interrupted') break;
        resolveOffset(message.offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    }
    await commitOffsetsIfNecessary();
    consumerLag.set({ topic, partition: String(batch.partition) }, Number(batch.offsetLag()));
  }

  /**
   * Hands the decodable messages of a chunk to a batch handler in one call.
   * Undecodable ones, and every message of a chunk that failed for a reason of
   * its own, go through the one-message path (each retried and dead-lettered
   * alone). Answers 'interrupted' when the consumer stops during an
   * infrastructure failure: nothing of the chunk is resolved then.
   */
  private async handleTogether(
    topic: string,
    partition: number,
    messages: KafkaMessage[],
    handler: MessageHandler,
    heartbeat: () => Promise<void>,
    stillOwned: () => boolean,
  ): Promise<'ok' | Interrupted> {
    const alone: KafkaMessage[] = [];
    const together: { message: KafkaMessage; span: Span; event: BatchedEvent<unknown> }[] = [];
    for (const message of messages) {
      const carrier = headersToCarrier(message.headers);
      const schema = carrier[HEADER_SCHEMA] ?? '';
      let payload: unknown;
      try {
        payload = this.decode(topic, schema, message);
      } catch {
        alone.push(message); // the one-message path dead-letters it, with the reason
        continue;
      }
      const parent = restoreTraceContext(carrier);
      const span = this.startMessageSpan(topic, partition, message, parent);
      const messageId = carrier[HEADER_MESSAGE_ID] ?? `${topic}/${partition}/${message.offset}`;
      const incoming = new IncomingMessage(
        topic,
        partition,
        message.offset,
        message.key?.toString(),
        messageId,
        schema,
        1,
        trace.setSpan(parent, span),
      );
      together.push({ message, span, event: { payload, message: incoming } });
    }

    if (together.length > 0) {
      const outcomes = await this.deliverTogether(topic, partition, together, handler, heartbeat, stillOwned);
      if (outcomes === 'interrupted') {
        for (const { span } of together) span.end();
        return 'interrupted';
      }
      together.forEach(({ span }, index) => {
        const outcome = outcomes?.[index];
        span.setAttribute('crosscheck.outcome', outcome ?? 'handled_alone');
        if (outcome) messagesProcessed.inc({ topic, outcome });
        span.end();
      });
      if (!outcomes) alone.push(...together.map(({ message }) => message));
    }

    alone.sort((a, b) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1));
    for (const message of alone) {
      if ((await this.handleMessage(topic, partition, message, heartbeat, stillOwned)) === 'interrupted')
        return 'interrupted';
    }
    return 'ok';
  }

  /** One call of the batch handler for the chunk; undefined when it failed for a reason of its own (then each message goes alone). */
  private async deliverTogether(
    topic: string,
    partition: number,
    together: { message: KafkaMessage; span: Span; event: BatchedEvent<unknown> }[],
    handler: MessageHandler,
    heartbeat: () => Promise<void>,
    stillOwned: () => boolean,
  ): Promise<Outcome[] | undefined | Interrupted> {
    const links: Link[] = together.map(({ span }) => ({ context: span.spanContext() }));
    const batchSpan = this.tracer.startSpan(`${topic} process batch`, {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.consumer.group.name': this.settings.groupId,
        'messaging.batch.message_count': together.length,
        'messaging.destination.partition.id': String(partition),
      },
    });
    const started = performance.now();
    const pacemaker = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    let transientBackoff = 200;
    try {
      return await context.with(trace.setSpan(context.active(), batchSpan), async () => {
        for (;;) {
          try {
            const result = await this.invoke(
              handler,
              together.map(({ event }) => event),
              undefined,
            );
            if (!Array.isArray(result) || result.length !== together.length) {
              throw new Error(
                `the batch handler of ${topic} answered ${Array.isArray(result) ? result.length : typeof result} outcomes for ${together.length} messages`,
              );
            }
            // Handler time per message, so the histogram reads the same for both forms.
            const perMessage = (performance.now() - started) / 1000 / together.length;
            for (let i = 0; i < together.length; i++) messageHandlerSeconds.observe({ topic }, perMessage);
            return result.map((outcome): Outcome => (outcome === 'duplicate' ? 'duplicate' : 'ok'));
          } catch (error) {
            batchSpan.recordException(error as Error);
            const first = together[0].message.offset;
            if (isTransientFailure(error)) {
              this.log.warn(
                { topic, partition, offset: first, messages: together.length, err: describe(error) },
                'batch handling failed; retrying',
              );
              if (!stillOwned()) return 'interrupted';
              await delay(transientBackoff);
              transientBackoff = Math.min(transientBackoff * 2, MAX_TRANSIENT_BACKOFF_MS);
              continue;
            }
            this.log.warn(
              { topic, partition, offset: first, messages: together.length, err: describe(error) },
              'batch handling failed; handling its messages one by one',
            );
            batchSpan.setStatus({ code: SpanStatusCode.ERROR, message: 'handled one by one' });
            return undefined;
          }
        }
      });
    } finally {
      clearInterval(pacemaker);
      batchSpan.end();
    }
  }

  private startMessageSpan(topic: string, partition: number, message: KafkaMessage, parent: Context): Span {
    return this.tracer.startSpan(
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
    const span = this.startMessageSpan(topic, partition, message, parent);
    const stopTimer = messageHandlerSeconds.startTimer({ topic });
    // kafkajs heartbeats only when asked; a slow handler or a long retry must keep asking.
    const pacemaker = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    try {
      return await context.with(trace.setSpan(parent, span), async () => {
        const outcome = await this.deliverWithRetries(
          topic,
          partition,
          message,
          carrier,
          stillOwned,
          trace.setSpan(parent, span),
        );
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
    traceContext: Context,
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
        const incoming = new IncomingMessage(
          topic,
          partition,
          message.offset,
          message.key?.toString(),
          messageId,
          schema,
          attempt,
          traceContext,
        );
        // A batch handler takes a batch of one here: a message it failed on together with others, or one it could not decode.
        const result = isBatchHandler(handler)
          ? (
              (await this.invoke(
                handler,
                [{ payload, message: incoming } satisfies BatchedEvent<unknown>],
                undefined,
              )) as unknown[]
            )[0]
          : await this.invoke(handler, payload, incoming);
        // Handlers return the inbox's verdict; a repeat is counted apart so operators see redeliveries.
        return result === 'duplicate' ? 'duplicate' : 'ok';
      } catch (error) {
        lastError = error;
        const span = trace.getActiveSpan();
        span?.recordException(error as Error);
        this.log.warn(
          { topic, partition, offset: message.offset, attempt, err: describe(error) },
          'message handling failed',
        );
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

  private async invoke(
    handler: MessageHandler,
    payload: unknown,
    incoming: IncomingMessage | undefined,
  ): Promise<unknown> {
    const result = await handler(payload, incoming);
    return lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
  }

  /** If this fails the error propagates: the offset stays uncommitted and the message is redelivered. */
  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    carrier: Record<string, string>,
    error: unknown,
  ): Promise<void> {
    const tooLarge = (message.value?.length ?? 0) > MAX_DEAD_LETTER_VALUE_BYTES;
    const deadLetter = create(DeadLetterSchema, {
      topic,
      partition,
      offset: message.offset,
      key: message.key ?? new Uint8Array(),
      value: tooLarge ? new Uint8Array() : (message.value ?? new Uint8Array()),
      headers: carrier,
      error: tooLarge
        ? `${describe(error)} (value of ${message.value!.length} bytes left out; read it at the offset)`
        : describe(error),
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
