/**
 * Batches: up to 1,000 records per request, as a JSON array or NDJSON, one
 * answer per item so that a bad item does not sink the rest, safe to retry
 * with an Idempotency-Key, and counted against the agency's rate limit.
 */
import { recordOfKind } from '../fixtures/kinds';
import { unknownPerson } from '../fixtures/records';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';

jest.setTimeout(120_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('batch');
  await suite.startWith('intake', { RATE_LIMIT_RECORDS_PER_SECOND: '150' });
});

afterAll(async () => {
  await suite?.close();
});

async function postBatch(
  key: string,
  body: string,
  contentType = 'application/json',
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${suite.url('intake')}/v1/records/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': contentType, ...headers },
    body,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function publishedFor(recordIds: string[]): Promise<number> {
  const wanted = new Set(recordIds);
  return (await readTopic(suite, 'records.received.v1')).filter((message) => wanted.has(message.key?.toString() ?? ''))
    .length;
}

it('answers each item on its own and writes the good ones', async () => {
  const key = await suite.agencies.key('FRA');
  const items = [
    recordOfKind.person(),
    { ...recordOfKind.vehicle(), vehicle: { vin: 'NOT-A-VIN' } },
    recordOfKind.firearm(),
    { ...recordOfKind.artwork(), nickname: 'x' },
    recordOfKind.travel_document(),
  ];
  const answer = await postBatch(key, JSON.stringify(items));
  expect(answer.status).toBe(200);
  expect(answer.body.summary).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 2 });
  expect(answer.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201, 400, 201]);
  expect(answer.body.results[1].error.details).toContainEqual(
    expect.objectContaining({ field: 'vehicle.vin', rule: 'isVin' }),
  );
  expect(answer.body.results[3].error.details).toContainEqual(
    expect.objectContaining({ field: 'nickname', rule: 'unknownField' }),
  );

  const ids = answer.body.results.filter((r: { id?: string }) => r.id).map((r: { id: string }) => r.id);
  for (const id of ids)
    expect(
      (await fetch(`${suite.url('intake')}/v1/records/${id}`, { headers: { authorization: `Bearer ${key}` } })).status,
    ).toBe(200);

  const again = await postBatch(key, JSON.stringify(items));
  expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 2 });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await publishedFor(ids)).toBe(3);
});

it('takes NDJSON, where a line that is not JSON is one rejected item', async () => {
  const key = await suite.agencies.key('DEU');
  const body = [JSON.stringify(unknownPerson()), '{"kind": "person",', JSON.stringify(recordOfKind.artwork())].join(
    '\n',
  );
  const answer = await postBatch(key, body, 'application/x-ndjson');
  expect(answer.status).toBe(200);
  expect(answer.body.results.map((r: { status: number }) => r.status)).toEqual([201, 400, 201]);
  expect(answer.body.results[1].error.code).toBe('malformed_json');
});

it('refuses a second version of one record in the same batch', async () => {
  const key = await suite.agencies.key('ITA');
  const record = recordOfKind.firearm();
  const answer = await postBatch(
    key,
    JSON.stringify([record, { ...record, firearm: { ...record.firearm, model: 'other' } }]),
  );
  expect(answer.body.results.map((r: { status: number }) => r.status)).toEqual([201, 409]);
  expect(answer.body.results[1].error.code).toBe('duplicate_in_batch');
});

it('gives a retried batch with the same Idempotency-Key its first answer, and changes nothing', async () => {
  const key = await suite.agencies.key('NLD');
  const body = JSON.stringify([recordOfKind.artwork(), recordOfKind.firearm()]);
  const first = await postBatch(key, body, 'application/json', { 'idempotency-key': 'batch-0001' });
  const retry = await postBatch(key, body, 'application/json', { 'idempotency-key': 'batch-0001' });
  expect(retry.body).toEqual(first.body);
  expect(retry.headers.get('idempotent-replayed')).toBe('true');
  expect(first.body.summary.created).toBe(2);

  const reused = await postBatch(key, JSON.stringify([recordOfKind.artwork()]), 'application/json', {
    'idempotency-key': 'batch-0001',
  });
  expect(reused.status).toBe(422);
  expect(reused.body.error.code).toBe('idempotency_key_reused');
});

it.each([
  ['an empty batch', '[]', 'must hold at least one record'],
  [
    'more than 1,000 records',
    JSON.stringify(Array.from({ length: 1_001 }, () => ({}))),
    'must hold at most 1000 records',
  ],
  ['a body that is not a list', JSON.stringify(unknownPerson()), 'must be a JSON array'],
])('refuses %s as a whole', async (_, body, message) => {
  const answer = await postBatch(await suite.agencies.key('BEL'), body);
  expect(answer.status).toBe(400);
  expect(answer.body.error.message).toContain(message);
});

it('counts every record against the agency’s rate limit, and says when to come back', async () => {
  const key = await suite.agencies.key('POL');
  const batch = () => JSON.stringify(Array.from({ length: 1_000 }, () => recordOfKind.artwork()));
  expect((await postBatch(key, batch())).status).toBe(200);
  const limited = await postBatch(key, batch());
  expect(limited.status).toBe(429);
  expect(limited.body.error.code).toBe('rate_limited');
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  // Other agencies are not held back.
  expect((await postBatch(await suite.agencies.key('AUT'), JSON.stringify([recordOfKind.artwork()]))).status).toBe(200);
});
