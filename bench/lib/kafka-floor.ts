/**
 * The Kafka floor: how fast dedup's own consumer goes through the same
 * messages when handling them costs nothing. Forks kafka-floor.process.ts
 * (the consumer, in a process of its own as dedup runs in its own) on a fresh
 * consumer group, and returns what it measured.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import type { FloorResult } from './kafka-floor.process';

export type { FloorResult } from './kafka-floor.process';

export interface FloorOptions {
  brokers: string;
  topicPrefix: string;
  /** A group that has not consumed the topic yet, so it starts from the first message. */
  groupId: string;
  messages: number;
  signal: AbortSignal;
  timeoutMs?: number;
}

export async function runKafkaFloor(options: FloorOptions): Promise<FloorResult> {
  // Forked with this process's execArgv, so tsx's loader runs the TypeScript entry as it runs the bench.
  const child = fork(path.join(__dirname, 'kafka-floor.process.ts'), [], {
    env: {
      ...process.env,
      KAFKA_BROKERS: options.brokers,
      KAFKA_TOPIC_PREFIX: options.topicPrefix,
      KAFKA_GROUP_ID: options.groupId,
      FLOOR_MESSAGES: String(options.messages),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      // No span export, as the benchmark runs dedup.
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
      NODE_OPTIONS: '',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 5 * 60_000);
  const stop = () => child.kill('SIGKILL');
  options.signal.addEventListener('abort', stop, { once: true });
  timeout.addEventListener('abort', stop, { once: true });
  try {
    let result: FloorResult | undefined;
    child.on('message', (message) => (result = message as FloorResult));
    const [code, signal] = (await new Promise((resolve) => child.once('exit', (...args) => resolve(args)))) as [
      number | null,
      NodeJS.Signals | null,
    ];
    if (!result)
      throw new Error(
        `the Kafka floor consumer ${signal ? `was killed by ${signal}${timeout.aborted ? ' (timed out)' : ''}` : `exited with code ${code}`} before reporting`,
      );
    return result;
  } finally {
    options.signal.removeEventListener('abort', stop);
    timeout.removeEventListener('abort', stop);
  }
}
