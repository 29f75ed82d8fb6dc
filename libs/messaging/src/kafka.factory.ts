/**
 * Builds kafkajs clients the same way everywhere: kafkajs logs go to our JSON
 * logger, TLS and SASL/SCRAM are used when the settings ask for them, and topics are created (idempotently) when missing, since the broker
 * does not auto-create them.
 */
import { Kafka, logLevel as KafkaLogLevel, LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import type { KafkaSecurity } from './messaging.settings';
import type { TopicNames } from './topic-names';

export function createKafka(clientId: string, brokers: string[], logger: Logger, security: KafkaSecurity = {}): Kafka {
  return new Kafka({
    clientId,
    brokers,
    ssl: security.tls ? (security.tls.ca ? { ca: [security.tls.ca] } : true) : undefined,
    sasl: security.sasl,
    logLevel: KafkaLogLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5_000 },
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        // Retries are bounded on purpose so the outbox relay backs off while Kafka is down; a batch
        // re-sent after that may repeat messages, which every consumer's inbox absorbs.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        if (level <= KafkaLogLevel.ERROR) logger.error({ kafka: extra }, message);
        else logger.warn({ kafka: extra }, message);
      },
  });
}

export async function ensureTopics(kafka: Kafka, names: TopicNames, numPartitions: number): Promise<void> {
  const topics = names.all();
  const admin = kafka.admin();
  await admin.connect();
  try {
    // A broker that has just started, or just created topics, answers some requests with retriable
    // errors ("does not host this topic-partition") for a moment: try again rather than fail a start.
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((topic) => !existing.has(topic));
        if (missing.length > 0) {
          await admin
            .createTopics({
              topics: missing.map((topic) => ({
                topic,
                numPartitions,
                replicationFactor: 1,
                configEntries: configEntries(names.config(topic)),
              })),
              waitForLeaders: true,
            })
            .catch((error: unknown) => {
              // Another service created some of the same topics a moment earlier.
              if (!onlyAlreadyExists(error)) throw error;
            });
        }
        await admin.fetchTopicMetadata({ topics });
        return;
      } catch (error) {
        if (attempt >= 20 || !(error as { retriable?: boolean }).retriable) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

function configEntries(config: Record<string, string> | undefined): { name: string; value: string }[] {
  return Object.entries(config ?? {}).map(([name, value]) => ({ name, value }));
}

function onlyAlreadyExists(error: unknown): boolean {
  const { type, errors } = error as { type?: string; errors?: { type?: string }[] };
  if (errors?.length) return errors.every((inner) => inner.type === 'TOPIC_ALREADY_EXISTS');
  return type === 'TOPIC_ALREADY_EXISTS';
}
