/**
 * A record's journey as an operator asks for it, every part real: the console
 * puts together what intake, dedup, matching and alerting each answer from
 * their own tables; every step links to the record's trace in Zipkin; agency
 * keys get nothing; a record stuck behind a stopped consumer says where it waits.
 */
import { randomUUID } from 'node:crypto';
import { startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import { Client } from 'pg';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { shareRecord, unknownPerson, wantedPerson } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;
let consoleServer: ServiceProcess;
let operatorKey: string;

beforeAll(async () => {
  suite = await createSuite('journey');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  // Started beside the suite rather than in it: the suite's pipeline checks treat every service there as a Kafka service.
  consoleServer = await startServiceProcess('console', {
    logGroup: `test/${suite.id}`,
    env: {
      INTAKE_URL: suite.url('intake'),
      DEDUP_URL: suite.url('dedup'),
      MATCHING_URL: suite.url('matching'),
      ALERTING_URL: suite.url('alerting'),
      ZIPKIN_UI_URL: `${suite.zipkinUrl}/zipkin`,
    },
  });
  await loadNotices(suite);
  operatorKey = await suite.agencies.key('OPS', ['operator']);
  for (const service of ['dedup', 'matching', 'alerting'] as const)
    await suite.agencies.accepted(operatorKey, suite.url(service));
});

afterAll(async () => {
  await consoleServer?.stop();
  await suite?.close();
});

async function journey(query: string, key: string | undefined = operatorKey): Promise<{ status: number; body: any }> {
  const response = await fetch(`${consoleServer.url}/v1/admin/journey?${query}`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: response.status, body: await response.json() };
}

async function journeyUntil(query: string, done: (body: any) => boolean, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await journey(query);
    expect(answer.status).toBe(200);
    if (done(answer.body)) return answer.body;
    if (Date.now() > deadline)
      throw new Error(`journey not there after ${timeoutMs} ms: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The services that sent spans of a trace to Zipkin, once `expected` are all there. */
async function servicesInTrace(traceId: string, expected: string[]): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${suite.zipkinUrl}/api/v2/trace/${traceId}`);
    const spans: { localEndpoint?: { serviceName?: string } }[] = response.ok
      ? ((await response.json()) as { localEndpoint?: { serviceName?: string } }[])
      : [];
    const services = [...new Set(spans.map((span) => span.localEndpoint?.serviceName ?? ''))].sort();
    if (expected.every((service) => services.includes(service)) || Date.now() > deadline) return services;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function sql<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('a record’s journey', () => {
  it('shows every step through to the alert, each linking to the trace that holds its span', async () => {
    const externalRef = `FR-J-${randomUUID().slice(0, 8)}`;
    const shared = await shareRecord(
      suite.url('intake'),
      await suite.agencies.key('FRA'),
      wantedPerson({ externalRef }),
    );
    expect(shared.status).toBe(201);
    const recordId: string = shared.body.record.id;

    const body = await journeyUntil(
      `agency=FRA&externalRef=${externalRef}`,
      (answer) => answer.waiting === null && answer.steps.some((step: any) => step.step === 'alert_raised'),
    );
    expect(body.record).toEqual({ recordId, owner: 'FRA', externalRef, kind: 'person', version: 1 });
    expect(body.steps.map((step: any) => step.step)).toEqual([
      'accepted',
      'published',
      'resolved',
      'checked',
      'alert_raised',
      'alert_raised',
    ]);
    const [accepted, , resolved, checked, ...alerts] = body.steps;
    expect(resolved.detail).toMatchObject({ decision: 'new_entity', recordVersion: 1 });
    expect(resolved.detail.entityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(checked.detail.datasets).toEqual(expect.arrayContaining([expect.objectContaining({ dataset: 'notices' })]));
    expect(checked.detail.findings).toEqual([
      expect.objectContaining({ dataset: 'notices', entryId: 'RN-2026-000101', level: 'hit' }),
    ]);
    expect(alerts.map((alert: any) => alert.detail.agency).sort()).toEqual(['FRA', 'IPSG']);
    for (const step of [resolved, checked, ...alerts]) {
      expect(Date.parse(step.at)).toBeGreaterThanOrEqual(Date.parse(accepted.at));
      expect(step.durationMs).toBeGreaterThanOrEqual(0);
    }
    // Ids, steps and times: never the record's content.
    expect(JSON.stringify(body)).not.toMatch(/Petrov|Иван|1971-03-14/);

    const link = `${suite.zipkinUrl}/zipkin/traces/${shared.traceId}`;
    for (const step of body.steps) expect([step.step, step.traceUrl]).toEqual([step.step, link]);
    expect((await fetch(link)).status).toBe(200);
    expect(await servicesInTrace(shared.traceId!, ['alerting', 'dedup', 'intake', 'matching'])).toEqual(
      expect.arrayContaining(['alerting', 'dedup', 'intake', 'matching']),
    );

    const byId = await journey(`recordId=${recordId}`);
    expect(byId.body.steps.map((step: any) => step.step)).toEqual(body.steps.map((step: any) => step.step));

    // Every service audited the operator's read of its part.
    for (const schema of ['intake', 'dedup', 'matching', 'alerting']) {
      const lines = await sql<{ agency: string }>(
        `SELECT agency FROM "${schema}".audit_log WHERE action = 'journey.read' AND $1 = ANY(record_ids)`,
        [recordId],
      );
      expect([schema, lines.length > 0, lines.every((line) => line.agency === 'OPS')]).toEqual([schema, true, true]);
    }
  });

  it('ends at the check when the record matches nothing', async () => {
    const externalRef = `FR-J-${randomUUID().slice(0, 8)}`;
    await shareRecord(suite.url('intake'), await suite.agencies.key('FRA'), unknownPerson({ externalRef }));
    const body = await journeyUntil(`agency=FRA&externalRef=${externalRef}`, (answer) =>
      answer.steps.some((step: any) => step.step === 'checked'),
    );
    expect(body.waiting).toBeNull();
    expect(body.steps.map((step: any) => step.step)).toEqual(['accepted', 'published', 'resolved', 'checked']);
    expect(body.steps[3].detail.findings).toEqual([]);
  });

  it('is closed to agency and analyst keys and to callers without a key', async () => {
    const agencyKey = await suite.agencies.key('FRA', ['agency', 'analyst']);
    const forbidden = await journey('agency=FRA&externalRef=FR-1', agencyKey);
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, 'forbidden']);
    const anonymous = await journey('agency=FRA&externalRef=FR-1', '');
    expect(anonymous.status).toBe(401);
    for (const service of ['dedup', 'matching', 'alerting'] as const) {
      await suite.agencies.accepted(agencyKey, suite.url(service));
      const direct = await fetch(`${suite.url(service)}/v1/admin/journey/${randomUUID()}`, {
        headers: { authorization: `Bearer ${agencyKey}` },
      });
      expect([service, direct.status]).toEqual([service, 403]);
    }
  });

  it.each([
    ['externalRef=FR-1', 'agency', 'isDefined'],
    ['agency=FRA', 'externalRef', 'length'],
    ['agency=fr%20a&externalRef=x', 'agency', 'isAgencyCode'],
    ['recordId=not-an-id', 'recordId', 'isUuid'],
    [`recordId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}&agency=FRA`, 'recordId', 'oneWay'],
    ['agency=FRA&externalRef=x&colour=red', 'colour', 'unknownParameter'],
  ])('refuses %s naming %s and %s', async (query, field, rule) => {
    const answer = await journey(query);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ field, rule })]);
  });

  it('answers 404 for a record that does not exist', async () => {
    expect((await journey('agency=FRA&externalRef=never-shared')).status).toBe(404);
    expect((await journey(`recordId=${randomUUID()}`)).status).toBe(404);
  });
});

describe('the journey of a record behind a stopped consumer', () => {
  it('says it waits for dedup, and goes on once dedup is back', async () => {
    await waitForPipelineIdle(suite);
    await suite.services.dedup!.stop();
    const externalRef = `FR-J-${randomUUID().slice(0, 8)}`;
    await shareRecord(suite.url('intake'), await suite.agencies.key('FRA'), unknownPerson({ externalRef }));

    const stuck = await journeyUntil(`agency=FRA&externalRef=${externalRef}`, (answer) =>
      answer.steps.some((step: any) => step.step === 'published'),
    );
    expect(stuck.steps.map((step: any) => step.step)).toEqual(['accepted', 'published']);
    expect(stuck.waiting).toEqual({
      step: 'resolved',
      where: 'consumer',
      service: 'dedup',
      topic: 'records.received.v1',
      ready: false,
      lag: [],
    });

    await suite.services.dedup!.restart();
    const done = await journeyUntil(`agency=FRA&externalRef=${externalRef}`, (answer) => answer.waiting === null);
    expect(done.steps.map((step: any) => step.step)).toEqual(['accepted', 'published', 'resolved', 'checked']);
  });
});
