/**
 * The Kafka baseline of bench/alerting.bench.ts: how long Kafka alone takes to
 * carry one message across as many hops as the pipeline has (intake → dedup →
 * matching → alerting: three), on the same broker, at the same rate, with the
 * same client library and settings. This process produces to topic A on the
 * open-loop driver's schedule (what came due at once in one sendBatch); a
 * forked process (kafka-hops.process.ts) consumes A and produces to B,
 * another B to C, and a consumer here records when each message arrives from C. Latency runs from the message's scheduled send time.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createKafka } from '@crosscheck/messaging';
import { createLogger } from '@crosscheck/telemetry';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { runSchedule } from './open-loop';
import { pollUntil, relayProducer, WaitGaveUp } from './pipeline-progress';

export interface HopsOptions {
  brokers: string;
  /** Topics and groups are named under it, so the environment's cleanup deletes them. */
  topicPrefix: string;
  label: string;
  rate: number;
  seconds: number;
  partitions: number;
  /** Bytes of each message's value (about the size of a records.received.v1 event). */
  payloadBytes: number;
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface HopsResult {
  sent: number;
  arrived: number;
  /** Scheduled send to arrival after the last hop, ms, per arrived message. */
  latencies: number[];
}

/** A consumer as libs/messaging's KafkaEventServer configures the services'. */
export function hopConsumer(kafka: Kafka, groupId: string): Consumer {
  return kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    maxWaitTimeInMs: 500,
  });
}

const HOPS = 3;
const STALL_MS = 30_000;
const WARMUP_MESSAGES = 30;

export async function runKafkaHops(options: HopsOptions): Promise<HopsResult> {
  const base = `${options.topicPrefix}bench.hops.${options.label}`;
  // Producer → t0 → relay → t1 → relay → t2 → consumer: a message crosses HOPS topics.
  const topics = Array.from({ length: HOPS }, (_, hop) => `${base}.t${hop}`);
  const kafka = createKafka('kafka-hops', [options.brokers], createLogger('kafka-hops', 'warn'));
  const admin = kafka.admin();
  await admin.connect();
  try {
    // A busy broker may answer the leaders' metadata before it knows a topic it has just created: asked again.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.createTopics({
          topics: topics.map((topic) => ({ topic, numPartitions: options.partitions, replicationFactor: 1 })),
          waitForLeaders: true,
        });
        break;
      } catch (error) {
        if (attempt === 5 || (error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  } finally {
    await admin.disconnect();
  }

  const relays: ChildProcess[] = [];
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;
  const killAll = () => relays.forEach((child) => child.exitCode === null && child.kill('SIGKILL'));
  options.signal.addEventListener('abort', killAll, { once: true });
  try {
    // Every topic but the last is read by a relay; the last is read here.
    const ready = [];
    for (let hop = 0; hop < HOPS - 1; hop++) {
      const child = fork(path.join(__dirname, 'kafka-hops.process.ts'), [], {
        env: {
          ...process.env,
          KAFKA_BROKERS: options.brokers,
          HOP_FROM: topics[hop],
          HOP_TO: topics[hop + 1],
          HOP_GROUP: `${base}.relay${hop + 1}`,
          KAFKAJS_NO_PARTITIONER_WARNING: '1',
          NODE_OPTIONS: '',
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      relays.push(child);
      ready.push(
        new Promise<void>((resolve, reject) => {
          child.once('message', () => resolve());
          child.once('exit', (code) =>
            reject(new Error(`Kafka hop ${hop + 1} exited with code ${code} before joining its group`)),
          );
        }),
      );
    }

    const arrivedAt = new Map<number, number>();
    consumer = hopConsumer(kafka, `${base}.last`);
    const joined = new Promise<void>((resolve) => consumer!.on(consumer!.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [topics[HOPS - 1]], fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: true,
      autoCommit: true,
      eachBatch: async ({ batch }) => {
        const at = performance.now();
        for (const message of batch.messages) arrivedAt.set(Number(message.headers?.seq?.toString()), at);
      },
    });
    await Promise.all([...ready, joined]);

    producer = relayProducer(kafka);
    await producer.connect();
    const payload = Buffer.alloc(options.payloadBytes, 'crosscheck-hop ');

    // Warm-up: connections, metadata and fetch sessions along the way, not timed.
    const warmup = Array.from({ length: WARMUP_MESSAGES }, (_, i) => ({
      key: `w${i}`,
      value: payload,
      headers: { seq: String(-1 - i) },
    }));
    await producer.sendBatch({ topicMessages: [{ topic: topics[0], messages: warmup }], acks: -1 });
    const warmedUp = () => {
      const arrived = [...arrivedAt.keys()].filter((seq) => seq < 0).length;
      return { done: arrived >= WARMUP_MESSAGES, progress: arrived };
    };
    await pollUntil('the Kafka baseline warm-up', warmedUp, options.signal, { everyMs: 20, timeoutMs: STALL_MS });
    for (const seq of [...arrivedAt.keys()]) if (seq < 0) arrivedAt.delete(seq);

    const total = Math.round(options.rate * options.seconds);
    const schedule = await runSchedule(total, options.rate, options.signal, async (first, end) => {
      const messages = Array.from({ length: end - first }, (_, k) => ({
        key: `m${first + k}`,
        value: payload,
        headers: { seq: String(first + k) },
      }));
      await producer!.sendBatch({ topicMessages: [{ topic: topics[0], messages }], acks: -1 });
    });
    // Whatever has not arrived STALL_MS after the last arrival is counted lost.
    await pollUntil(
      'the Kafka baseline',
      () => ({ done: arrivedAt.size >= total, progress: arrivedAt.size }),
      options.signal,
      {
        everyMs: 20,
        stallMs: STALL_MS,
      },
    ).catch((error: unknown) => {
      if (!(error instanceof WaitGaveUp)) throw error;
    });
    const latencies: number[] = [];
    for (const [seq, at] of arrivedAt) if (seq >= 0 && seq < total) latencies.push(at - schedule.at(seq));
    if (latencies.length < total)
      options.log(
        `Kafka baseline ${options.label}: ${total - latencies.length} of ${total} messages did not arrive within ${STALL_MS / 1000} s of the last progress`,
      );
    return { sent: total, arrived: latencies.length, latencies };
  } finally {
    options.signal.removeEventListener('abort', killAll);
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await Promise.all(
      relays.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => (clearTimeout(timer), resolve()));
            if (child.connected) child.send('stop');
            else child.kill('SIGTERM');
          }),
      ),
    );
  }
}
