/**
 * Alerting's backlog gauges against a real Postgres with alerting's own
 * migrations: pending dead letters are counted by topic (replayed and
 * discarded ones are not), and webhook deliveries pending and dead across
 * agencies (delivered ones are not).
 */
import { randomUUID } from 'node:crypto';
import { metricsRegistry } from '@crosscheck/telemetry';
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { CreateAlerts1763800000400 } from '../migrations/1763800000400-create-alerts';
import { SubscriptionsTriageWebhooks1763800000410 } from '../migrations/1763800000410-subscriptions-triage-webhooks';
import { DeadLetters1763800000470 } from '../migrations/1763800000470-dead-letters';
import { BacklogCounts1763800000490 } from '../migrations/1763800000490-backlog-counts';
import { DeadLettersRepository } from '../persistence/dead-letters.repository';
import { WebhooksRepository } from '../persistence/webhooks.repository';
import { BacklogMetrics } from './backlog.metrics';

jest.setTimeout(60_000);

const database = scratchDatabase('backlog', {
  schema: 'alerting',
  migrations: [
    CreateAlerts1763800000400,
    SubscriptionsTriageWebhooks1763800000410,
    DeadLetters1763800000470,
    BacklogCounts1763800000490,
  ],
});

beforeAll(async () => {
  new BacklogMetrics(database.dataSource, new DeadLettersRepository(), new WebhooksRepository()).onModuleInit();
});

async function deadLetter(topic: string, offset: number, status: string): Promise<void> {
  await database.dataSource.query(
    `INSERT INTO dead_letters (dlq_topic, dlq_partition, dlq_offset, topic, partition, "offset", message_key, value,
                               headers, error, attempts, consumer_group, failed_at, status)
     VALUES ($1, 0, $2, $3, 0, $2, '\\x00', '\\x00', '{}', 'refused', 3, 'dedup', now(), $4)`,
    [`${topic}.dlq`, offset, topic, status],
  );
}

async function delivery(webhookId: string, agency: string, status: string): Promise<void> {
  await database.dataSource.query(
    `INSERT INTO webhook_deliveries (delivery_id, webhook_id, agency, alert_id, event, status)
     VALUES ($1, $2, $3, $4, 'alert.raised', $5)`,
    [randomUUID(), webhookId, agency, randomUUID(), status],
  );
}

const scrape = async () =>
  (await metricsRegistry.metrics())
    .split('\n')
    .filter((line) => /^crosscheck_(dead_letters_pending|webhook_deliveries)\{/.test(line));

it('counts nothing waiting as nothing', async () => {
  expect(await scrape()).toEqual([
    'crosscheck_webhook_deliveries{status="pending"} 0',
    'crosscheck_webhook_deliveries{status="dead"} 0',
  ]);
});

it('counts pending dead letters by topic and webhook deliveries pending and dead, across agencies', async () => {
  await deadLetter('records.received.v1', 1, 'pending');
  await deadLetter('records.received.v1', 2, 'pending');
  await deadLetter('records.received.v1', 3, 'replayed');
  await deadLetter('records.resolved.v1', 4, 'pending');
  await deadLetter('matches.found.v1', 5, 'discarded');
  const webhookId = randomUUID();
  await database.dataSource.query(
    `INSERT INTO webhooks (webhook_id, agency, url, secret, created_by) VALUES ($1, 'FRA', 'https://x.example', 's', 'k')`,
    [webhookId],
  );
  for (const [agency, status] of [
    ['FRA', 'pending'],
    ['DEU', 'pending'],
    ['FRA', 'dead'],
    ['FRA', 'delivered'],
  ])
    await delivery(webhookId, agency, status);

  expect((await scrape()).sort()).toEqual([
    'crosscheck_dead_letters_pending{topic="records.received.v1"} 2',
    'crosscheck_dead_letters_pending{topic="records.resolved.v1"} 1',
    'crosscheck_webhook_deliveries{status="dead"} 1',
    'crosscheck_webhook_deliveries{status="pending"} 2',
  ]);
});

it('drops a topic once its dead letters are all dealt with', async () => {
  await database.dataSource.query(`UPDATE dead_letters SET status = 'discarded' WHERE topic = 'records.resolved.v1'`);
  expect((await scrape()).filter((line) => line.includes('dead_letters'))).toEqual([
    'crosscheck_dead_letters_pending{topic="records.received.v1"} 2',
  ]);
});
