/**
 * dedup derives its members' facts and blocking keys again when the rules
 * that derived them are not the build's (member-derivation.ts), from the
 * records it kept: real dedup processes from the build, real Kafka and
 * Postgres. Members stored under other rules (here: keys and facts that no
 * longer meet anything) are derived again after a restart, and a new
 * duplicate finds its original through them.
 */
import { randomUUID } from 'node:crypto';
import { create, fromBinary } from '@bufbuild/protobuf';
import { timestampFromDate, timestampNow } from '@bufbuild/protobuf/wkt';
import {
  contractHeaders,
  DisseminationScope,
  encodeMessage,
  RecordKind,
  RecordReceivedSchema,
  SharedRecord,
  SharedRecordSchema,
  Topics,
} from '@crosscheck/contracts';
import { blockingKeys, derivationRevision } from '@crosscheck/resolution';
import { Producer } from 'kafkajs';
import { Client } from 'pg';
import { createSuite, Suite } from '../../../../test/harness/suite';
import { factsOfRecord } from './record-facts';

jest.setTimeout(180_000);

function person(given: string, family: string, owner: string): SharedRecord {
  return create(SharedRecordSchema, {
    recordId: randomUUID(),
    version: 1,
    kind: RecordKind.PERSON,
    externalRef: `CASE-${randomUUID()}`,
    owner,
    dissemination: { scope: DisseminationScope.ALL },
    purpose: 'investigation',
    reportedAt: timestampFromDate(new Date()),
    body: {
      case: 'person',
      value: { names: [{ given, family }], dateOfBirth: { year: 1976, month: 5, day: 21 } },
    },
  });
}

describe('dedup derives its members again when the rules change', () => {
  let suite: Suite;
  let producer: Producer;
  let db: Client;

  beforeAll(async () => {
    suite = await createSuite('dedup-derivation');
    await suite.start('dedup');
    producer = suite.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    db = new Client({ connectionString: suite.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.allSettled([producer?.disconnect(), db?.end()]);
    await suite?.close();
  });

  async function share(record: SharedRecord): Promise<void> {
    await producer.send({
      topic: suite.topic(Topics.recordsReceived),
      acks: -1,
      messages: [
        {
          key: record.recordId,
          value: Buffer.from(
            encodeMessage(RecordReceivedSchema, create(RecordReceivedSchema, { record, receivedAt: timestampNow() })),
          ),
          headers: contractHeaders(RecordReceivedSchema, randomUUID()),
        },
      ],
    });
  }

  async function entityOf(recordId: string): Promise<string> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { rows } = await db.query('SELECT entity_id FROM dedup.entity_members WHERE record_id = $1', [recordId]);
      if (rows[0]?.entity_id) return rows[0].entity_id;
      if (Date.now() > deadline) throw new Error(`record ${recordId} was not resolved in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function revisionRow(): Promise<{ revision: string; cursor: string | null } | undefined> {
    const { rows } = await db.query(
      "SELECT revision, cursor FROM dedup.derivation_revisions WHERE name = 'entity_members'",
    );
    return rows[0];
  }

  it('derives facts and keys again from the kept records, and a new duplicate finds its original through them', async () => {
    const originals = [person('Aleksandr', 'Lindqvist', 'FRA'), person('Fatima', 'Okafor', 'FRA')];
    for (const record of originals) await share(record);
    const entities = await Promise.all(originals.map((record) => entityOf(record.recordId)));
    await expect(revisionRow()).resolves.toEqual({ revision: derivationRevision(), cursor: null });

    // As rows derived under other rules would be: keys and facts that meet nothing the build derives.
    await suite.services.dedup!.stop();
    const ids = originals.map((record) => record.recordId);
    await db.query(
      "UPDATE dedup.entity_members SET facts = jsonb_build_object('kind', 'person', 'names', jsonb_build_array('x')) WHERE record_id = ANY($1::uuid[])",
      [ids],
    );
    await db.query('DELETE FROM dedup.member_keys WHERE record_id = ANY($1::uuid[])', [ids]);
    await db.query(
      "INSERT INTO dedup.member_keys (key, record_id) SELECT 'old:' || record_id, record_id FROM unnest($1::uuid[]) AS r(record_id)",
      [ids],
    );
    await db.query(
      "UPDATE dedup.derivation_revisions SET revision = 'older', cursor = NULL WHERE name = 'entity_members'",
    );

    await suite.start('dedup');
    const deadline = Date.now() + 60_000;
    while ((await revisionRow())?.revision !== derivationRevision() || (await revisionRow())?.cursor !== null) {
      if (Date.now() > deadline)
        throw new Error(`the members were not derived again: ${JSON.stringify(await revisionRow())}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const { rows } = await db.query(
      `SELECT m.record_id, m.facts, m.record, array_agg(k.key ORDER BY k.key) AS keys
         FROM dedup.entity_members m JOIN dedup.member_keys k ON k.record_id = m.record_id
        WHERE m.record_id = ANY($1::uuid[]) GROUP BY m.record_id, m.facts, m.record`,
      [ids],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const facts = factsOfRecord(fromBinary(SharedRecordSchema, row.record));
      expect(row.facts).toEqual(JSON.parse(JSON.stringify(facts)));
      expect(row.keys).toEqual([...new Set(blockingKeys(facts))].sort());
    }

    // What a user sees: another agency's copy of the first person joins its entity.
    const copy = { ...originals[0], recordId: randomUUID(), owner: 'ITA', externalRef: `ITA-${randomUUID()}` };
    await share(copy);
    expect(await entityOf(copy.recordId)).toBe(entities[0]);
  });
});
