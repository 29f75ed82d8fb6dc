/**
 * The Kafka floor's consumer, run as a process of its own (forked by
 * kafka-floor.ts) as a service would be: telemetry started as main.ts starts
 * it, then libs/messaging's KafkaEventServer with its settings and a handler
 * that does nothing for each topic dedup consumes. So the consumer decodes,
 * traces, heartbeats and commits exactly as dedup's does; only the work is
 * missing. Reports to its parent over IPC when every message is committed.
 *
 * Environment: KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, KAFKA_GROUP_ID, FLOOR_MESSAGES.
 */
import { startTelemetry } from '@crosscheck/telemetry/sdk';
import { Topics } from '@crosscheck/contracts';
import { KafkaEventServer, KafkaProducer, type MessagingSettings } from '@crosscheck/messaging';
import { createLogger, ReadinessRegistry } from '@crosscheck/telemetry';
import type { Consumer } from 'kafkajs';

export interface FloorResult {
  /** When the handler was called for each message, in epoch milliseconds (sub-millisecond precision). */
  handledAt: number[];
  /** When the last offset was committed. */
  lastCommitAt: number;
  /** CPU seconds the process used from the first message to the last commit. */
  cpuSeconds: number;
}

const epochMs = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const telemetry = startTelemetry('kafka-floor');
  const expected = Number(process.env.FLOOR_MESSAGES);
  const settings: MessagingSettings = {
    service: 'kafka-floor',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    groupId: process.env.KAFKA_GROUP_ID!,
    topicPrefix: process.env.KAFKA_TOPIC_PREFIX!,
    databaseSchema: 'kafka_floor',
    // libs/runtime's defaults (MESSAGE_MAX_ATTEMPTS, KAFKA_TOPIC_PARTITIONS), as dedup runs with them.
    maxAttempts: 3,
    topicPartitions: 3,
  };
  const logger = createLogger('kafka-floor', 'warn');
  const producer = new KafkaProducer(settings, logger);
  const server = new KafkaEventServer(settings, producer, logger, new ReadinessRegistry());

  const handledAt: number[] = [];
  const physical = producer.topics.physical(Topics.recordsReceived);
  const endOffsets = new Map<number, string>();
  const committed = new Map<number, string>();
  let finished: (at: number) => void;
  const allCommitted = new Promise<number>((resolve) => (finished = resolve));

  let cpuAtFirst: NodeJS.CpuUsage | undefined;
  server.addHandler(
    Topics.recordsReceived,
    async () => {
      cpuAtFirst ??= process.cpuUsage();
      handledAt.push(epochMs());
    },
    true,
  );
  server.addHandler(Topics.recordsWithdrawn, async () => undefined, true);

  const admin = producer.kafka.admin();
  await admin.connect();
  for (const { partition, high } of await admin.fetchTopicOffsets(physical)) endOffsets.set(partition, high);
  await admin.disconnect();

  await new Promise<void>((resolve, reject) => server.listen((error?: unknown) => (error ? reject(error) : resolve())));
  const consumer = server.unwrap<Consumer>();
  consumer.on(consumer.events.COMMIT_OFFSETS, ({ timestamp, payload }) => {
    for (const topic of payload.topics) {
      if (topic.topic !== physical) continue;
      for (const { partition, offset } of topic.partitions) committed.set(Number(partition), offset);
    }
    if ([...endOffsets].every(([partition, high]) => committed.get(partition) === high))
      finished(Math.max(timestamp, epochMs()));
  });

  const lastCommitAt = await allCommitted;
  const cpu = process.cpuUsage(cpuAtFirst);
  const result: FloorResult = { handledAt, lastCommitAt, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  if (handledAt.length !== expected)
    logger.warn({ handled: handledAt.length, expected }, 'handled a different number of messages than expected');
  // Sent before anything closes: a large message still being written when the channel closes is lost.
  await new Promise<void>((resolve, reject) =>
    process.send!(result, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );
  await server.close();
  await producer.onApplicationShutdown();
  await telemetry.shutdown();
  process.disconnect();
}

void main().catch((error: unknown) => {
  process.stderr.write(`kafka floor: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
