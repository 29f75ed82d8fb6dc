/**
 * Knowing when the pipeline has finished with what was sent: every outbox is
 * empty and every consumer group has committed up to the end of its topics.
 * Lets a test assert that something did NOT happen without sleeping on a guess.
 */
import { PIPELINE_SERVICE_NAMES, type ServiceName } from '@crosscheck/infra';
import { Client } from 'pg';
import type { Suite } from './suite';

const CONSUMERS: Record<string, string[]> = {
  intake: ['operations.v1'],
  dedup: ['records.received.v1', 'records.withdrawn.v1', 'identity.keys.v1'],
  matching: [
    'records.resolved.v1',
    'records.withdrawn.v1',
    'reference.changed.v1',
    'identity.keys.v1',
    'alerts.outcomes.v1',
  ],
  alerting: ['matches.found.v1', 'matches.retracted.v1', 'network.links.v1', 'identity.keys.v1'],
};

export async function waitForPipelineIdle(suite: Suite, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let idleInARow = 0;
  while (Date.now() < deadline) {
    idleInARow = (await isIdle(suite)) ? idleInARow + 1 : 0;
    // Twice in a row: a message can be between an outbox and its topic for a moment.
    if (idleInARow >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`pipeline still busy after ${timeoutMs} ms`);
}

async function isIdle(suite: Suite): Promise<boolean> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    // The console keeps no state and has no outbox.
    for (const schema of Object.keys(suite.services).filter((name) =>
      PIPELINE_SERVICE_NAMES.includes(name as ServiceName),
    )) {
      const { rows } = await client.query(`SELECT count(*)::int AS pending FROM "${schema}".outbox`);
      if (rows[0].pending > 0) return false;
    }
  } finally {
    await client.end();
  }
  const admin = suite.kafka.admin();
  await admin.connect();
  try {
    for (const [service, topics] of Object.entries(CONSUMERS)) {
      if (!(service in suite.services)) continue;
      for (const logical of topics) {
        const topic = suite.topic(logical);
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId: `${suite.topicPrefix}${service}`, topics: [topic] });
        for (const end of ends) {
          const done = committed.partitions.find((partition) => partition.partition === end.partition);
          const position = done && done.offset !== '-1' ? BigInt(done.offset) : 0n;
          if (position < BigInt(end.high)) return false;
        }
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}
