/**
 * dedup as real processes from the build against real Kafka and Postgres, fed
 * RecordReceived messages straight on its topic (as intake's relay publishes
 * them), on partitions the test picks:
 *   - duplicates inside one batch end in one entity;
 *   - a poison message is dead-lettered alone, and the rest of its batch is resolved;
 *   - a batch delivered again changes nothing;
 *   - two instances in one consumer group, handed the two halves of many
 *     duplicate pairs at the same moment on partitions of different
 *     instances, give one entity per pair, as one instance would;
 *   - so do two halves that both read their candidates before either took
 *     its key locks: the later one finds the earlier one's member among what
 *     changed since it read, also when more than ROWS_PER_KEY members carry
 *     every key of theirs, and the lookup reads only the rarest.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { create, fromBinary } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  contractHeaders,
  deadLetterTopic,
  DisseminationScope,
  encodeMessage,
  RecordKind,
  RecordReceivedSchema,
  RecordResolvedSchema,
  ResolutionDecision,
  Sex,
  SharedRecord,
  SharedRecordSchema,
  Topics,
} from '@crosscheck/contracts';
import { startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import { ensureTopics, TopicNames } from '@crosscheck/messaging';
import { blockingKeys, ROWS_PER_KEY } from '@crosscheck/resolution';
import { Admin, AssignerProtocol, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import { testInfrastructure } from '../../../../test/harness/infrastructure';
import { createSuite, Suite } from '../../../../test/harness/suite';
import { readTopic } from '../../../../test/harness/topics';
import { keyLockIds } from '../persistence/resolution-locks';
import { factsOfRecord, kindOfRecord } from './record-facts';

jest.setTimeout(180_000);

const PARTITIONS = 3;

interface Scenario {
  suite: Suite;
  groupId: string;
  admin: Admin;
  producer: Producer;
  db: Client;
  instances: ServiceProcess[];
}

async function scenario(label: string): Promise<Scenario> {
  const suite = await createSuite(label);
  await ensureTopics(suite.kafka, new TopicNames(suite.topicPrefix), PARTITIONS);
  const admin = suite.kafka.admin();
  await admin.connect();
  const producer = suite.kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
  return { suite, groupId: `${suite.topicPrefix}dedup`, admin, producer, db, instances: [] };
}

async function closeScenario(s: Scenario | undefined): Promise<void> {
  if (!s) return;
  await Promise.allSettled(s.instances.map((instance) => instance.stop()));
  await Promise.allSettled([s.producer.disconnect(), s.admin.disconnect(), s.db.end()]);
  await s.suite.close();
}

/** One more dedup process in the scenario's consumer group. */
async function startDedup(s: Scenario, instance: string): Promise<void> {
  const infrastructure = testInfrastructure();
  s.instances.push(
    await startServiceProcess('dedup', {
      logGroup: `test/${s.suite.id}/${instance}`,
      env: {
        DATABASE_URL: s.suite.databaseUrl,
        KAFKA_BROKERS: infrastructure.kafkaBrokers,
        KAFKA_TOPIC_PREFIX: s.suite.topicPrefix,
        KAFKA_GROUP_ID: s.groupId,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: infrastructure.otlpTracesUrl,
      },
    }),
  );
}

const GIVEN = [
  'Aleksandr',
  'Mohammed',
  'Giuseppe',
  'Marieke',
  'Hiroshi',
  'Fatima',
  'Olusegun',
  'Ingrid',
  'Pedro',
  'Svetlana',
  'Kwame',
  'Ayesha',
];
const FAMILY = [
  'Ivanov',
  'Haddad',
  'Esposito',
  'Janssens',
  'Tanaka',
  'Okafor',
  'Lindqvist',
  'Carvalho',
  'Petrenko',
  'Mensah',
  'Siddiqui',
  'Novak',
  'Ferreira',
  'Kowalczyk',
  'Nakamura',
  'Abubakar',
  'Johansson',
  'Moreau',
  'Castillo',
  'Horvath',
];

/** `count` persons that resemble none of the others (distinct names, birth dates far apart), as intake would publish them; `seed` keeps sets apart. */
function distinctPersons(seed: number, count: number): SharedRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const born = new Date(Date.UTC(1940 + ((seed * 7 + index) % 60), (index * 5) % 12, 1 + ((seed + index * 3) % 28)));
    return create(SharedRecordSchema, {
      recordId: randomUUID(),
      version: 1,
      kind: RecordKind.PERSON,
      externalRef: `CASE-${randomUUID()}`,
      owner: 'FRA',
      dissemination: { scope: DisseminationScope.ALL },
      purpose: 'investigation',
      reportedAt: timestampFromDate(new Date()),
      body: {
        case: 'person',
        value: {
          names: [{ given: GIVEN[(seed + index) % GIVEN.length], family: FAMILY[(seed * 3 + index) % FAMILY.length] }],
          dateOfBirth: { year: born.getUTCFullYear(), month: born.getUTCMonth() + 1, day: born.getUTCDate() },
          sex: index % 2 === 0 ? Sex.MALE : Sex.FEMALE,
        },
      },
    });
  });
}

function duplicateOf(record: SharedRecord, owner: string): SharedRecord {
  return { ...record, recordId: randomUUID(), owner, externalRef: `${owner}-${record.externalRef}` };
}

interface Outgoing {
  record: SharedRecord;
  partition: number;
  messageId?: string;
}

/** Produces RecordReceived messages in one request, each on the partition given; answers the message ids. */
async function produce(s: Scenario, messages: Outgoing[]): Promise<string[]> {
  const ids = messages.map(({ messageId }) => messageId ?? randomUUID());
  await s.producer.send({
    topic: s.suite.topic(Topics.recordsReceived),
    acks: -1,
    messages: messages.map(({ record, partition }, index) => ({
      key: record.recordId,
      partition,
      value: Buffer.from(
        encodeMessage(RecordReceivedSchema, create(RecordReceivedSchema, { record, receivedAt: timestampNow() })),
      ),
      headers: contractHeaders(RecordReceivedSchema, ids[index]),
    })),
  });
  return ids;
}

/** Waits until the group has committed every message on dedup's topic, and dedup's relay has published what they caused. */
async function consumed(s: Scenario): Promise<void> {
  const topic = s.suite.topic(Topics.recordsReceived);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const end = new Map(
      (await s.admin.fetchTopicOffsets(topic)).map(({ partition, high }) => [partition, Number(high)]),
    );
    const [committed] = await s.admin.fetchOffsets({ groupId: s.groupId, topics: [topic] });
    const done = committed.partitions.every(
      ({ partition, offset }) => end.get(partition) === 0 || Number(offset) >= end.get(partition)!,
    );
    if (done && Number((await s.db.query('SELECT count(*) AS n FROM dedup.outbox')).rows[0].n) === 0) return;
    if (Date.now() > deadline)
      throw new Error(`dedup did not consume ${topic} in time: ${JSON.stringify(committed.partitions)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until both members of the group have their partitions; answers which partitions each has. */
async function assignments(s: Scenario, members: number): Promise<number[][]> {
  const topic = s.suite.topic(Topics.recordsReceived);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { groups } = await s.admin.describeGroups([s.groupId]);
    const group = groups[0];
    if (group?.state === 'Stable' && group.members.length === members) {
      const partitions = group.members.map(
        (member) => AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment[topic] ?? [],
      );
      if (partitions.every((owned) => owned.length > 0)) return partitions;
    }
    if (Date.now() > deadline)
      throw new Error(
        `the group did not settle with ${members} members: ${JSON.stringify(group?.members.length)} ${group?.state}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function entityOf(s: Scenario, recordIds: string[]): Promise<Map<string, string>> {
  const { rows } = await s.db.query(
    'SELECT record_id, entity_id FROM dedup.entity_members WHERE record_id = ANY($1::uuid[])',
    [recordIds],
  );
  return new Map(rows.map((row: { record_id: string; entity_id: string }) => [row.record_id, row.entity_id]));
}

async function resolvedEvents(s: Scenario) {
  return (await readTopic(s.suite, Topics.recordsResolved)).map((message) =>
    fromBinary(RecordResolvedSchema, message.value!),
  );
}

describe('one dedup instance', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await scenario('dedup-batches');
  });

  afterAll(() => closeScenario(s));

  it('puts duplicates that arrive in one batch into one entity, and says so in their events', async () => {
    const originals = distinctPersons(1, 20);
    const copies = originals.map((record) => duplicateOf(record, 'ESP'));
    // All before dedup starts, on one partition: its first fetch hands them over as one batch.
    await produce(
      s,
      [...originals, ...copies].map((record) => ({ record, partition: 0 })),
    );
    await startDedup(s, 'only');
    await consumed(s);

    const entities = await entityOf(
      s,
      [...originals, ...copies].map((record) => record.recordId),
    );
    originals.forEach((original, index) =>
      expect(entities.get(copies[index].recordId)).toBe(entities.get(original.recordId)),
    );
    const events = await resolvedEvents(s);
    expect(events).toHaveLength(40);
    for (const copy of copies) {
      const event = events.find((resolved) => resolved.record?.recordId === copy.recordId)!;
      expect(event.decision).toBe(ResolutionDecision.JOINED_ENTITY);
      expect(event.memberRecordIds).toHaveLength(2);
      expect(event.memberRecordIds).toContain(copy.recordId);
    }
  });

  it('changes nothing when a batch is delivered again, under the same message ids or new ones', async () => {
    const persons = distinctPersons(2, 10);
    const ids = await produce(
      s,
      persons.map((record) => ({ record, partition: 1 })),
    );
    await consumed(s);
    const before = await s.db.query(
      'SELECT record_id, entity_id, decision, joined_at FROM dedup.entity_members ORDER BY record_id',
    );
    const eventsBefore = (await resolvedEvents(s)).length;

    await produce(
      s,
      persons.map((record, index) => ({ record, partition: 1, messageId: ids[index] })),
    );
    await produce(
      s,
      persons.map((record) => ({ record, partition: 2 })),
    );
    await consumed(s);

    expect(
      (
        await s.db.query(
          'SELECT record_id, entity_id, decision, joined_at FROM dedup.entity_members ORDER BY record_id',
        )
      ).rows,
    ).toEqual(before.rows);
    expect(await resolvedEvents(s)).toHaveLength(eventsBefore);
  });

  it('dead-letters a poison message alone and resolves the rest of its batch', async () => {
    const persons = distinctPersons(3, 12);
    // A record without a body can never be resolved, however often it is tried.
    const poison: SharedRecord = { ...persons[6], recordId: randomUUID(), body: { case: undefined } };
    const batch = [...persons.slice(0, 6), poison, ...persons.slice(6)];
    await produce(
      s,
      batch.map((record) => ({ record, partition: 2 })),
    );
    await consumed(s);

    const deadLetters = await readTopic(s.suite, deadLetterTopic(Topics.recordsReceived));
    expect(deadLetters.map((message) => message.key?.toString())).toEqual([poison.recordId]);
    const entities = await entityOf(
      s,
      persons.map((record) => record.recordId),
    );
    expect(persons.filter((record) => !entities.get(record.recordId))).toEqual([]);
  });
});

describe('two dedup instances in one consumer group', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await scenario('dedup-scale-out');
    await startDedup(s, 'first');
    await startDedup(s, 'second');
  });

  afterAll(() => closeScenario(s));

  it('give one entity to the two halves of a new person shared at the same moment on partitions of different instances', async () => {
    const [ofFirst, ofSecond] = await assignments(s, 2);
    const pairs = distinctPersons(4, 60).map((record) => ({ original: record, copy: duplicateOf(record, 'ITA') }));
    // Both halves of every pair in one request: the two instances work through them side by side, pair by pair.
    await produce(
      s,
      pairs.flatMap(({ original, copy }, index) => [
        { record: original, partition: ofFirst[index % ofFirst.length] },
        { record: copy, partition: ofSecond[index % ofSecond.length] },
      ]),
    );
    await consumed(s);

    const entities = await entityOf(
      s,
      pairs.flatMap(({ original, copy }) => [original.recordId, copy.recordId]),
    );
    const split = pairs.filter(({ original, copy }) => entities.get(original.recordId) !== entities.get(copy.recordId));
    expect(split.map(({ original }) => original.recordId)).toEqual([]);
    expect(new Set(pairs.map(({ original }) => entities.get(original.recordId))).size).toBe(pairs.length);
    // What matching hears: one half starts the entity, the other joins it.
    const decisions = new Map((await resolvedEvents(s)).map((event) => [event.record!.recordId, event.decision]));
    const startedAndJoined = pairs.filter(({ original, copy }) =>
      [decisions.get(original.recordId), decisions.get(copy.recordId)].includes(ResolutionDecision.JOINED_ENTITY),
    );
    expect(startedAndJoined).toHaveLength(pairs.length);
    // Taking turns never went through Postgres' deadlock detector (which would have aborted one and retried it).
    const logs = s.instances.map((instance) => readFileSync(instance.logFile, 'utf8'));
    expect(logs.map((log) => log.includes('dist/apps/dedup/src/main.js'))).toEqual([true, true]);
    expect(logs.join('\n')).not.toMatch(/deadlock detected/);
  });

  it('give one entity to two halves that both read their candidates before either took its locks', async () => {
    const [original] = distinctPersons(9, 1);
    const copy = duplicateOf(original, 'ITA');
    await resolveBothAheadOfLocks(s, original, copy);

    expect(await placementsOf(s, original, copy)).toEqual(ONE_ENTITY);
  });

  it(`give one entity to two such halves when more than ${ROWS_PER_KEY} members carry each of their keys`, async () => {
    const [original] = distinctPersons(10, 1);
    const copy = duplicateOf(original, 'ITA');
    // Every key is common, so each lookup reads only the rarest, ROWS_PER_KEY of its members deep, none of them a twin.
    await seedCarriers(s, blockingKeys(factsOfRecord(original)), ROWS_PER_KEY + 1);
    await resolveBothAheadOfLocks(s, original, copy);

    expect(await placementsOf(s, original, copy)).toEqual(ONE_ENTITY);
  });
});

/**
 * Hands the two halves to the two instances while the test holds the person's key locks, so each instance reads
 * ahead (the other's half is not there yet) and then waits; lets them go once both wait, and waits for them.
 */
async function resolveBothAheadOfLocks(s: Scenario, original: SharedRecord, copy: SharedRecord): Promise<void> {
  const [ofFirst, ofSecond] = await assignments(s, 2);
  const held = new Client({ connectionString: s.suite.databaseUrl });
  await held.connect();
  try {
    await held.query('BEGIN');
    await held.query('SELECT pg_advisory_xact_lock(id) FROM unnest($1::bigint[]) AS wanted(id)', [
      keyLockIds([{ kind: kindOfRecord(original), keys: blockingKeys(factsOfRecord(original)) }]),
    ]);
    await produce(s, [
      { record: original, partition: ofFirst[0] },
      { record: copy, partition: ofSecond[0] },
    ]);
    await waitFor(async () => (await advisoryWaiters(s)) === 2, 'both instances waiting on the key locks');
  } finally {
    await held.query('COMMIT');
    await held.end();
  }
  await consumed(s);
}

/** Where the two records ended, and what their events said. */
async function placementsOf(s: Scenario, original: SharedRecord, copy: SharedRecord) {
  const entities = await entityOf(s, [original.recordId, copy.recordId]);
  const decisions = (await resolvedEvents(s))
    .filter((event) => [original.recordId, copy.recordId].includes(event.record!.recordId))
    .map((event) => event.decision)
    .sort();
  const entityId = entities.get(original.recordId);
  return { sameEntity: entityId !== undefined && entities.get(copy.recordId) === entityId, decisions };
}

/** One of the two started the entity, the other joined it. */
const ONE_ENTITY = {
  sameEntity: true,
  decisions: [ResolutionDecision.NEW_ENTITY, ResolutionDecision.JOINED_ENTITY].sort(),
};

/**
 * `count` live persons, each an entity of its own, stored with `keys` as their blocking keys (as a common name's many
 * bearers carry its keys), and facts that resemble no one the tests resolve.
 */
async function seedCarriers(s: Scenario, keys: string[], count: number): Promise<void> {
  const stranger = create(SharedRecordSchema, {
    recordId: randomUUID(),
    version: 1,
    kind: RecordKind.PERSON,
    owner: 'DEU',
    body: {
      case: 'person',
      value: {
        names: [{ given: 'Wilhelmina', family: 'Brzezinska-Oyelaran' }],
        dateOfBirth: { year: 1901, month: 2, day: 3 },
      },
    },
  });
  await s.db.query(
    `WITH created AS (
       INSERT INTO dedup.entities (entity_id, kind)
       SELECT gen_random_uuid(), 'person' FROM generate_series(1, $1) RETURNING entity_id
     ), members AS (
       INSERT INTO dedup.entity_members (record_id, entity_id, kind, owner, record_version, facts)
       SELECT gen_random_uuid(), entity_id, 'person', 'DEU', 1, $2::jsonb FROM created RETURNING record_id
     )
     INSERT INTO dedup.member_keys (key, record_id) SELECT key, record_id FROM members, unnest($3::text[]) AS key`,
    [count, factsOfRecord(stranger), keys],
  );
}

/** Backends of the scenario's database waiting for an advisory lock. */
async function advisoryWaiters(s: Scenario): Promise<number> {
  const { rows } = await s.db.query(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
      WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
  );
  return rows[0].n;
}

async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
