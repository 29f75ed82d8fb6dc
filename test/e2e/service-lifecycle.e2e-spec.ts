/**
 * Services stop and crash in the middle of work. A graceful stop drains the
 * batch in hand and commits; a crash redelivers what was in flight, and the
 * inbox absorbs the repeats. Either way every record is resolved exactly once.
 */
import { fromBinary } from '@bufbuild/protobuf';
import { RecordResolvedSchema } from '@crosscheck/contracts';
import { Client } from 'pg';
import { shareRecord, unknownPerson } from '../fixtures/records';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';

jest.setTimeout(180_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('lifecycle');
  await suite.start('intake', 'dedup');
});

afterAll(async () => {
  await suite?.close();
});

/** Distinct people, so that each record is its own entity. */
function people(count: number, label: string) {
  return Array.from({ length: count }, (_, index) =>
    unknownPerson({
      person: {
        names: [{ given: `${label}${index}`, family: 'Lindqvist' }],
        dateOfBirth: `19${50 + index}`,
        nationalities: ['SWE'],
      },
    }),
  );
}

async function shareAll(count: number, label: string): Promise<string[]> {
  const sweden = await suite.agencies.key('SWE');
  const results = await Promise.all(
    people(count, label).map((record) => shareRecord(suite.url('intake'), sweden, record)),
  );
  results.forEach((result) => expect(result.status).toBe(201));
  return results.map((result) => result.body.record.id as string);
}

/**
 * Delivery is at least once: a crash between publishing and deleting an outbox row publishes that
 * row again, with the same message id, which every consumer's inbox absorbs. So what must hold is
 * one message id per record, not one message.
 */
async function resolvedCounts(recordIds: string[]): Promise<{ records: number; messageIds: number; members: number }> {
  const wanted = new Set(recordIds);
  const resolved = (await readTopic(suite, 'records.resolved.v1'))
    .map((message) => ({
      recordId: fromBinary(RecordResolvedSchema, message.value!).record?.recordId ?? '',
      messageId: message.headers['message-id'],
    }))
    .filter(({ recordId }) => wanted.has(recordId));
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    'SELECT count(*)::int AS members FROM dedup.entity_members WHERE record_id = ANY($1::uuid[])',
    [recordIds],
  );
  await client.end();
  return {
    records: new Set(resolved.map((r) => r.recordId)).size,
    messageIds: new Set(resolved.map((r) => r.messageId)).size,
    members: rows[0].members,
  };
}

it('a service stopped mid-stream drains, then picks up where it left off', async () => {
  const sharing = shareAll(40, 'Drain');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await suite.services.dedup!.stop();
  const recordIds = await sharing;
  await suite.services.dedup!.restart();
  await waitForPipelineIdle(suite, 60_000);

  expect(await resolvedCounts(recordIds)).toEqual({ records: 40, messageIds: 40, members: 40 });
});

it('a crashed service redelivers what was in flight, and nothing is resolved twice', async () => {
  const sharing = shareAll(40, 'Crash');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await suite.services.dedup!.kill();
  const recordIds = await sharing;
  await suite.services.dedup!.restart();
  await waitForPipelineIdle(suite, 60_000);

  expect(await resolvedCounts(recordIds)).toEqual({ records: 40, messageIds: 40, members: 40 });
});
