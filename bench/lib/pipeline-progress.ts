/**
 * How far the services under a benchmark have got, read as an operator would read it: rows
 * waiting in a service's outbox, a topic's end offsets, a consumer group's committed offsets,
 * when a service's inbox claimed each message; and producing messages as a service's outbox relay
 * does. Waits give up with a clear message when nothing has moved for `stallMs`.
 */
import { randomUUID } from 'node:crypto';
import type { DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { contractHeaders, encodeMessage, Topics } from '@crosscheck/contracts';
import { answersAsKafka } from '@crosscheck/infra';
import { TopicNames } from '@crosscheck/messaging';
import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import type { Client } from 'pg';
import { log, type BenchEnvironment } from './environment';

export type ServiceSchema = 'intake' | 'dedup' | 'matching' | 'alerting';

/** The pipeline's consumer stages, in order: the service whose outbox feeds each, and the topic it consumes. */
export const PIPELINE_STAGES = [
  { upstream: 'intake', stage: 'dedup', topic: Topics.recordsReceived },
  { upstream: 'dedup', stage: 'matching', topic: Topics.recordsResolved },
  { upstream: 'matching', stage: 'alerting', topic: Topics.matchesFound },
] as const;

/** Gave up waiting: nothing moved for the stall limit, or the time limit ran out. */
export class WaitGaveUp extends Error {}

/**
 * The benchmarks' one way of waiting for the services: polls `check` every `everyMs` until it
 * answers done, and returns when (epoch ms). Gives up (WaitGaveUp, naming `what`) when the
 * `progress` it reports has not changed for `stallMs`, or after `timeoutMs`; `report` is told the
 * progress at most every `reportMs`.
 */
export async function pollUntil<Progress>(
  what: string,
  check: () => Promise<{ done: boolean; progress: Progress }> | { done: boolean; progress: Progress },
  signal: AbortSignal,
  options: {
    everyMs?: number;
    stallMs?: number;
    timeoutMs?: number;
    reportMs?: number;
    report?: (at: Progress) => void;
  },
): Promise<number> {
  const { everyMs = 50, stallMs = Infinity, timeoutMs = Infinity, reportMs = 5_000, report } = options;
  const started = Date.now();
  let [last, movedAt, reportedAt] = ['', started, started];
  for (;;) {
    signal.throwIfAborted();
    const { done, progress } = await check();
    const now = Date.now();
    if (done) return now;
    const seen = JSON.stringify(progress);
    if (seen !== last) [last, movedAt] = [seen, now];
    if (now - movedAt > stallMs) throw new WaitGaveUp(`${what}: nothing moved for ${stallMs / 1000} s (at ${seen})`);
    if (now - started > timeoutMs) throw new WaitGaveUp(`${what}: not done within ${timeoutMs / 1000} s (at ${seen})`);
    if (report && now - reportedAt >= reportMs) [reportedAt] = [now, report(progress)];
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export async function outboxRows(db: Client, schema: ServiceSchema): Promise<number> {
  return Number((await db.query(`SELECT count(*) AS n FROM ${schema}.outbox`)).rows[0].n);
}

/** Waits until the service's outbox is empty; returns when (epoch ms). */
export async function waitForOutboxDrained(
  db: Client,
  schema: ServiceSchema,
  signal: AbortSignal,
  { stallMs = 60_000, kafkaBrokers }: { stallMs?: number; kafkaBrokers?: string } = {},
): Promise<number> {
  const left = async () => {
    const rows = await outboxRows(db, schema);
    return { done: rows === 0, progress: rows };
  };
  return pollUntil(`${schema}'s outbox (is its relay publishing? see its log)`, left, signal, { stallMs }).catch(
    async (error: unknown) => {
      if (kafkaBrokers && error instanceof WaitGaveUp && !(await answersAsKafka(kafkaBrokers, 3_000)))
        throw new Error(
          `the Kafka broker at ${kafkaBrokers} stopped answering with ${schema} outbox rows unpublished (a reused broker is stopped by whoever started it; try --own-kafka)`,
        );
      throw error;
    },
  );
}

/** Each partition's end offset (the offset the next message would get). */
export async function topicEnd(admin: Admin, topic: string): Promise<Map<number, number>> {
  return new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, Number(high)]));
}

export function sumOf(offsets: Map<number, number>): number {
  return [...offsets.values()].reduce((sum, offset) => sum + offset, 0);
}

/** Polls the group's committed offsets until they reach `end` on every partition; returns when (epoch ms). */
export async function waitUntilCommitted(
  admin: Admin,
  consumer: { groupId: string; topic: string; end: Map<number, number> },
  signal: AbortSignal,
  { stallMs, progress }: { stallMs: number; progress: (done: number, of: number) => void },
): Promise<number> {
  const total = sumOf(consumer.end);
  const committed = async () => {
    const [offsets] = await admin.fetchOffsets({ groupId: consumer.groupId, topics: [consumer.topic] });
    return offsets.partitions.reduce(
      (sum, { partition, offset }) => sum + Math.min(consumer.end.get(partition) ?? 0, Math.max(0, Number(offset))),
      0,
    );
  };
  return pollUntil(
    `${consumer.groupId} on ${consumer.topic} (see the service's log)`,
    async () => {
      const done = await committed();
      return { done: done >= total, progress: done };
    },
    signal,
    { everyMs: 20, stallMs, report: (done) => progress(done, total) },
  );
}

/** A producer as libs/messaging configures a service's outbox relay: idempotent, one request in flight. */
export function relayProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/** Produces as a service's outbox relay does, acks from all replicas. */
export async function produceAll(
  kafka: Kafka,
  topic: string,
  messages: { key: string; value: Buffer | Uint8Array; headers: Record<string, string> }[],
  batch = 500,
): Promise<number> {
  const started = performance.now();
  const producer = relayProducer(kafka);
  await producer.connect();
  try {
    for (let first = 0; first < messages.length; first += batch) {
      const slice = messages
        .slice(first, first + batch)
        .map((message) => ({ ...message, value: Buffer.from(message.value) }));
      await producer.send({ topic, messages: slice, acks: -1 });
    }
  } finally {
    await producer.disconnect();
  }
  return (performance.now() - started) / 1000;
}

/**
 * Publishes contract events on `topic` as a service's outbox relay does (keyed, encoded, with the
 * contract headers) and checks that every one landed; the topic's end offsets.
 */
export async function publishEvents<Desc extends DescMessage>(
  kafka: Kafka,
  admin: Admin,
  topic: string,
  schema: Desc,
  events: { key: string; event: MessageInitShape<Desc> }[],
): Promise<Map<number, number>> {
  const messages = events.map(({ key, event }) => ({
    key,
    value: encodeMessage(schema, event),
    headers: contractHeaders(schema, randomUUID()),
  }));
  await produceAll(kafka, topic, messages);
  const end = await topicEnd(admin, topic);
  if (sumOf(end) !== events.length) throw new Error(`${sumOf(end)} messages in ${topic}, expected ${events.length}`);
  return end;
}

/**
 * When the service's consumer group claimed each message of a topic in its inbox (epoch ms, the
 * transaction's start), in order; refused unless there are `expected` of them, where told.
 */
export async function inboxClaims(
  db: Client,
  schema: ServiceSchema,
  groupId: string,
  topic: string,
  expected?: number,
): Promise<number[]> {
  const { rows } = await db.query(
    `SELECT (extract(epoch FROM processed_at) * 1000)::float8 AS at FROM ${schema}.inbox WHERE consumer = $1 AND topic = $2 ORDER BY processed_at`,
    [groupId, topic],
  );
  if (expected !== undefined && rows.length !== expected)
    throw new Error(`${schema} claimed ${rows.length} messages of ${topic} in its inbox, expected ${expected}`);
  return rows.map((row: { at: number }) => row.at);
}

/**
 * Waits until the first `stages` stages of the pipeline have consumed everything: for each in turn,
 * its upstream's outbox empty, then its group committed to the end of its topic. Returns when each
 * stage committed its last offset (epoch ms).
 */
export async function waitForPipeline(
  environment: Pick<BenchEnvironment, 'topicPrefix' | 'kafkaBrokers'>,
  db: Client,
  admin: Admin,
  signal: AbortSignal,
  { what, stages = PIPELINE_STAGES.length, stallMs = 5 * 60_000 }: { what: string; stages?: number; stallMs?: number },
): Promise<Record<string, number>> {
  const topics = new TopicNames(environment.topicPrefix);
  const doneAt: Record<string, number> = {};
  for (const { upstream, stage, topic } of PIPELINE_STAGES.slice(0, stages)) {
    await waitForOutboxDrained(db, upstream, signal, { stallMs, kafkaBrokers: environment.kafkaBrokers });
    const physical = topics.physical(topic);
    const end = await topicEnd(admin, physical);
    doneAt[stage] = await waitUntilCommitted(
      admin,
      { groupId: `${environment.topicPrefix}${stage}`, topic: physical, end },
      signal,
      {
        stallMs,
        progress: (done, of) => log(`${what}: ${stage} ${done}/${of} committed`),
      },
    );
  }
  return doneAt;
}
