/**
 * The outbox relay against a real Postgres and Kafka: rows written in
 * transactions come out on their topics, all of them, in order per key, with
 * their message ids, and leave the outbox; and they still do after the relay's
 * connection (and with it its leadership) was killed.
 */
import { randomBytes } from 'node:crypto';
import { create, fromBinary } from '@bufbuild/protobuf';
import { Test } from '@nestjs/testing';
import { dropDatabase, ensureDatabase } from '@crosscheck/infra';
import { MatchRetractedSchema, RecordWithdrawnSchema, Topics } from '@crosscheck/contracts';
import { openDatabase, PersistenceModule } from '@crosscheck/persistence';
import { ObservabilityModule } from '@crosscheck/telemetry';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { testInfrastructure } from '../../../test/harness/infrastructure';
import { CreateOutboxAndInbox1763800000000 } from './messaging.migration';
import { MessagingModule } from './messaging.module';
import { MessagingSettings } from './messaging.settings';
import { Outbox } from './outbox';
import { TopicNames } from './topic-names';
import { ensureTopics } from './kafka.factory';

jest.setTimeout(60_000);

const infrastructure = testInfrastructure();
const suffix = randomBytes(3).toString('hex');
const databaseName = `cc_test_relay_${suffix}`;
const settings: MessagingSettings = {
  service: 'relay-test',
  brokers: infrastructure.kafkaBrokers.split(','),
  groupId: `relay-test-${suffix}`,
  topicPrefix: `relay_${suffix}.`,
  databaseSchema: 'relaytest',
  maxAttempts: 3,
  topicPartitions: 3,
};
const kafka = new Kafka({ clientId: 'relay-test', brokers: settings.brokers, logLevel: logLevel.NOTHING });
let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
  await ensureTopics(kafka, new TopicNames(settings.topicPrefix), 3);
});

afterAll(async () => {
  await dropDatabase(infrastructure.postgresAdminUrl, databaseName);
});

type Seen = { key: string; value: Buffer; messageId: string };

function readAll(topic: string, count: number) {
  return readUntil(topic, (seen) => seen.length === count, `${count} messages`);
}

async function readUntil(topic: string, enough: (seen: Seen[]) => boolean, what: string) {
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Math.random()}` });
  const seen: Seen[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic: `${settings.topicPrefix}${topic}`, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`saw ${seen.length} messages on ${topic}, not ${what}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({
          key: message.key!.toString(),
          value: message.value!,
          messageId: String(message.headers!['message-id']),
        });
        if (enough(seen)) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return seen;
}

it('publishes every row, whatever the mix of topics in a batch, in order per key', async () => {
  // Rows written before the relay starts, so that one batch holds both topics, interleaved.
  const migrations = [CreateOutboxAndInbox1763800000000];
  const setup = await openDatabase({
    url: databaseUrl,
    schema: settings.databaseSchema,
    applicationName: 'relay-test',
    migrations,
  });
  const outbox = new Outbox(settings);
  for (let version = 1; version <= 6; version++) {
    await setup.transaction(async (transaction) => {
      await outbox.enqueue(transaction, {
        topic: version % 2 ? Topics.recordsWithdrawn : Topics.matchesRetracted,
        key: 'key-1',
        schema: version % 2 ? RecordWithdrawnSchema : MatchRetractedSchema,
        message:
          version % 2
            ? create(RecordWithdrawnSchema, { recordId: 'r', version })
            : create(MatchRetractedSchema, { matchId: `m${version}`, entityId: 'e' }),
      });
    });
  }
  await setup.destroy();

  const module = await Test.createTestingModule({
    imports: [
      ObservabilityModule,
      PersistenceModule.forRoot(() => ({
        url: databaseUrl,
        schema: settings.databaseSchema,
        applicationName: 'relay-test',
        migrations,
      })),
      MessagingModule.forRoot(() => settings, pino({ level: 'silent' })),
    ],
  }).compile();
  const app = module.createNestApplication();
  await app.init();
  try {
    const withdrawn = await readAll(Topics.recordsWithdrawn, 3);
    const retracted = await readAll(Topics.matchesRetracted, 3);
    expect(withdrawn.map((m) => fromBinary(RecordWithdrawnSchema, m.value).version)).toEqual([1, 3, 5]);
    expect(retracted.map((m) => fromBinary(MatchRetractedSchema, m.value).matchId)).toEqual(['m2', 'm4', 'm6']);
    expect(new Set([...withdrawn, ...retracted].map((m) => m.messageId)).size).toBe(6);

    const dataSource = app.get(DataSource);
    const deadline = Date.now() + 10_000;
    let pending = -1;
    while (Date.now() < deadline && pending !== 0) {
      pending = Number((await dataSource.query('SELECT count(*) AS pending FROM outbox'))[0].pending);
      if (pending) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(pending).toBe(0);
  } finally {
    await app.close();
  }
});

it('after its connection is killed, the relay reconnects, retakes the lock and publishes what follows', async () => {
  const migrations = [CreateOutboxAndInbox1763800000000];
  const database = { url: databaseUrl, schema: settings.databaseSchema, applicationName: 'relay-test', migrations };
  const module = await Test.createTestingModule({
    imports: [
      ObservabilityModule,
      PersistenceModule.forRoot(() => database),
      MessagingModule.forRoot(() => settings, pino({ level: 'silent' })),
    ],
  }).compile();
  const app = module.createNestApplication();
  await app.init();
  const admin = new Client({ connectionString: infrastructure.postgresAdminUrl });
  await admin.connect();
  const relayBackends = async () => {
    const sql = 'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2';
    const { rows } = await admin.query<{ pid: number }>(sql, [databaseName, `${settings.service}-outbox-relay`]);
    return rows.map((row) => row.pid);
  };
  try {
    const [killed] = await relayBackends();
    expect(killed).toBeDefined();
    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    const deadline = Date.now() + 10_000;
    while (!(await relayBackends()).some((pid) => pid !== killed) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [reconnected] = (await relayBackends()).filter((pid) => pid !== killed);
    expect(reconnected).toBeDefined();

    const outbox = app.get(Outbox);
    await app.get(DataSource).transaction(async (transaction) => {
      await outbox.enqueue(transaction, {
        topic: Topics.recordsWithdrawn,
        key: 'key-after-reconnect',
        schema: RecordWithdrawnSchema,
        message: create(RecordWithdrawnSchema, { recordId: 'after-reconnect', version: 7 }),
      });
    });
    const published = (seen: Seen[]) => seen.some((message) => message.key === 'key-after-reconnect');
    const withdrawn = await readUntil(Topics.recordsWithdrawn, published, 'the row enqueued after the reconnect');
    const row = withdrawn.find((message) => message.key === 'key-after-reconnect')!;
    expect(fromBinary(RecordWithdrawnSchema, row.value)).toMatchObject({ recordId: 'after-reconnect', version: 7 });
    const heldLocks = "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = $1";
    const { rows: locks } = await admin.query(heldLocks, [reconnected]);
    expect(locks).toHaveLength(1);
  } finally {
    await admin.end();
    await app.close();
  }
});
