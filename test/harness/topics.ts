/** Reading a suite's topics directly, as an operator's tooling would. */
import type { Suite } from './suite';

export interface RawMessage {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

export async function endOffsets(suite: Suite, logical: string): Promise<string[]> {
  const admin = suite.kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(suite.topic(logical)))
      .sort((a, b) => a.partition - b.partition)
      .map((p) => p.high);
  } finally {
    await admin.disconnect();
  }
}

/** Every message on a topic, from the beginning to its current end. */
export async function readTopic(suite: Suite, logical: string): Promise<RawMessage[]> {
  const total = (await endOffsets(suite, logical)).reduce((sum, high) => sum + Number(high), 0);
  const messages: RawMessage[] = [];
  if (total === 0) return messages;
  const consumer = suite.kafka.consumer({ groupId: `${suite.topicPrefix}reader-${Date.now()}-${Math.random()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: suite.topic(logical), fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length} of ${total} messages on ${logical}`)),
        30_000,
      );
      void consumer.run({
        eachMessage: async ({ message }) => {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]),
          );
          messages.push({ key: message.key, value: message.value, headers });
          if (messages.length >= total) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}
