/**
 * Per-agency rate limits on every class of route, held across instances: two
 * intake processes on one database give an agency one budget, not two. Over
 * the budget the answer is 429 with Retry-After, and nothing is written;
 * other agencies are not held back.
 */
import { randomUUID } from 'node:crypto';
import { startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import { Client } from 'pg';
import { recordOfKind } from '../fixtures/kinds';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(180_000);

/** Budgets per 10 s window: reads 30, writes 20, records 30, checks 30. */
const LIMITS = {
  RATE_LIMIT_READS_PER_SECOND: '3',
  RATE_LIMIT_WRITES_PER_SECOND: '2',
  RATE_LIMIT_RECORDS_PER_SECOND: '3',
  RATE_LIMIT_CHECKS_PER_SECOND: '3',
};

let suite: Suite;
let secondIntake: ServiceProcess;
let db: Client;

beforeAll(async () => {
  suite = await createSuite('ratelimits');
  await Promise.all([suite.startWith('intake', LIMITS), suite.startWith('matching', LIMITS)]);
  secondIntake = await startServiceProcess('intake', {
    logGroup: `test/${suite.id}-second`,
    env: {
      DATABASE_URL: suite.databaseUrl,
      KAFKA_BROKERS: process.env.CROSSCHECK_TEST_KAFKA_BROKERS!,
      KAFKA_TOPIC_PREFIX: suite.topicPrefix,
      KAFKA_GROUP_ID: `${suite.topicPrefix}intake`,
      ...LIMITS,
    },
  });
  db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await secondIntake?.stop();
  await suite?.close();
});

async function send(url: string, method: string, route: string, key: string, body?: unknown) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: text ? JSON.parse(text) : undefined,
  };
}

const intakes = () => [suite.url('intake'), secondIntake.url];

it.each([
  ['reads', 'GET', () => '/v1/records', 30],
  ['writes', 'DELETE', () => `/v1/records/${randomUUID()}?reason=test`, 20],
])('counts %s of one agency against one budget across two intake instances', async (_, method, route, budget) => {
  const agency = `R${randomUUID().slice(0, 4).toUpperCase()}`;
  const key = await suite.agencies.key(agency);
  const answers = [];
  // Alternating between the instances, half again over the budget, quickly enough to stay in one window.
  for (let i = 0; i < budget * 1.5; i++) answers.push(await send(intakes()[i % 2], method, route(), key));
  const limited = answers.filter((answer) => answer.status === 429);
  expect(answers.length - limited.length).toBe(budget);
  expect(limited.length).toBe(budget / 2);
  expect(limited[0].body.error.code).toBe('rate_limited');
  expect(Number(limited[0].retryAfter)).toBeGreaterThanOrEqual(1);
  // Both instances refuse: the budget is one, not one each.
  expect(new Set(answers.slice(budget).map((answer) => answer.status))).toEqual(new Set([429]));

  const other = await suite.agencies.key(`O${agency.slice(1)}`);
  expect((await send(intakes()[0], method, route(), other)).status).not.toBe(429);
});

it('counts each record of a batch, on any instance, and writes nothing over the budget', async () => {
  const key = await suite.agencies.key('RECS');
  const stored = async () =>
    (await db.query("SELECT count(*)::int AS n FROM intake.records WHERE owner = 'RECS'")).rows[0].n;
  const batch = (size: number) => Array.from({ length: size }, () => recordOfKind.artwork());
  expect((await send(intakes()[0], 'POST', '/v1/records/batch', key, batch(25))).status).toBe(200);
  const over = await send(intakes()[1], 'POST', '/v1/records/batch', key, batch(10));
  expect(over.status).toBe(429);
  expect(await stored()).toBe(25);
  // A refused request counts too: hammering does not get a client in sooner.
  expect((await send(intakes()[0], 'POST', '/v1/records', key, recordOfKind.artwork())).status).toBe(429);
  expect(await stored()).toBe(25);
});

it('counts each query of a check batch', async () => {
  const key = await suite.agencies.key('CHKS');
  await suite.agencies.accepted(key, suite.url('matching'));
  const query = { kind: 'person', person: { names: [{ full: 'Anna Berg' }] } };
  const matching = suite.url('matching');
  expect(
    (
      await send(
        matching,
        'POST',
        '/v1/checks/batch',
        key,
        Array.from({ length: 28 }, () => query),
      )
    ).status,
  ).toBe(200);
  expect((await send(matching, 'POST', '/v1/checks', key, query)).status).toBe(200);
  expect((await send(matching, 'POST', '/v1/checks', key, query)).status).toBe(200);
  const over = await send(matching, 'POST', '/v1/checks', key, query);
  expect(over.status).toBe(429);
  expect(over.body.error.message).toContain('instant checks');
});
