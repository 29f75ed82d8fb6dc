/**
 * One hop of the Kafka baseline (forked by kafka-hops.ts), a process of its
 * own as each service is: consumes topic HOP_FROM and produces every message
 * unchanged to HOP_TO, with kafkajs configured as libs/messaging configures
 * the services' clients (createKafka's retries; KafkaEventServer's consumer
 * settings and eachBatch with auto-commit; KafkaProducer's idempotent producer,
 * one request in flight, acks=-1). No Postgres, no telemetry: Kafka alone.
 *
 * Environment: KAFKA_BROKERS, HOP_FROM, HOP_TO, HOP_GROUP. IPC: sends
 * `{ ready: true }` once it has joined its group; exits on `stop`.
 */
import { createKafka } from '@crosscheck/messaging';
import { createLogger } from '@crosscheck/telemetry';
import { hopConsumer } from './kafka-hops';
import { relayProducer } from './pipeline-progress';

async function main(): Promise<void> {
  const from = process.env.HOP_FROM!;
  const to = process.env.HOP_TO!;
  const kafka = createKafka('kafka-hops', process.env.KAFKA_BROKERS!.split(','), createLogger('kafka-hops', 'warn'));
  const producer = relayProducer(kafka);
  const consumer = hopConsumer(kafka, process.env.HOP_GROUP!);
  await producer.connect();
  consumer.on(consumer.events.GROUP_JOIN, () => process.send?.({ ready: true }));
  await consumer.connect();
  await consumer.subscribe({ topics: [from], fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    autoCommit: true,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      if (batch.messages.length === 0) return;
      await producer.sendBatch({
        topicMessages: [
          { topic: to, messages: batch.messages.map(({ key, value, headers }) => ({ key, value, headers })) },
        ],
        acks: -1,
      });
      resolveOffset(batch.messages[batch.messages.length - 1].offset);
      await heartbeat();
    },
  });
  process.on('message', (message) => {
    if (message !== 'stop') return;
    void (async () => {
      await consumer.disconnect().catch(() => undefined);
      await producer.disconnect().catch(() => undefined);
      process.exit(0);
    })();
  });
  process.on('disconnect', () => process.exit(0));
}

void main().catch((error: unknown) => {
  process.stderr.write(`kafka hop: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
