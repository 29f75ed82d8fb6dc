/**
 * The operators' pipeline health page in a real headless Chromium, against the
 * real services, Kafka and Postgres: an operator signs in and sees every
 * service ready with its consumer group's members; with dedup stopped,
 * records shared meanwhile pile up as consumer lag read from the brokers and
 * the banner appears without a reload; once dedup is back the lag drains and
 * the banner clears. The console's /metrics carries the alarm and its log the
 * warning. Agency and analyst keys get 403 from the health API, and analysts
 * see no link to it. Screenshot: bench/results/operator-health.png.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { paths, startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { shareRecord, unknownPerson } from '../fixtures/records';
import { analystKey } from '../harness/alerting-api';
import { ensureChromium, launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { testInfrastructure } from '../harness/infrastructure';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, type Suite } from '../harness/suite';

jest.setTimeout(180_000);

const SCREENSHOT = path.join(paths.REPO_ROOT, 'bench', 'results', 'operator-health.png');
const LAG_ALARM = 5;

let suite: Suite;
let consoleServer: ServiceProcess;
let browser: HeadlessBrowser;
let page: Page;
let operatorKey: string;
let agencyKey: string;

beforeAll(async () => {
  const chromium = ensureChromium();
  chromium.catch(() => undefined); // awaited below
  suite = await createSuite('opshealth');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  consoleServer = await startServiceProcess('console', {
    logGroup: `test/${suite.id}`,
    env: {
      INTAKE_URL: suite.url('intake'),
      DEDUP_URL: suite.url('dedup'),
      MATCHING_URL: suite.url('matching'),
      ALERTING_URL: suite.url('alerting'),
      ZIPKIN_UI_URL: `${suite.zipkinUrl}/zipkin`,
      KAFKA_BROKERS: testInfrastructure().kafkaBrokers,
      KAFKA_TOPIC_PREFIX: suite.topicPrefix,
      KAFKA_GROUP_ID_PREFIX: suite.topicPrefix,
      HEALTH_SAMPLE_SECONDS: '1',
      HEALTH_LAG_ALARM: String(LAG_ALARM),
    },
  });
  operatorKey = await suite.agencies.key('OPS', ['operator']);
  agencyKey = await suite.agencies.key('FRA');
  await suite.agencies.accepted(operatorKey, suite.url('alerting'));
  await suite.agencies.accepted(agencyKey, suite.url('alerting'));
  // Every consumer commits once, so the brokers know which topics each group reads.
  expect((await shareRecord(suite.url('intake'), agencyKey, unknownPerson())).status).toBe(201);
  await waitForPipelineIdle(suite);
  await chromium;
  browser = await launchBrowser();
  page = await browser.context.newPage();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await consoleServer?.stop();
  await suite?.close();
});

const card = (service: string) => page.locator(`.health-card[data-service="${service}"]`);
const lagOf = async (service: string) =>
  Number((await card(service).getByTestId('lag').textContent())!.replace(/,/g, ''));

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function sql(text: string): Promise<void> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function asOperator(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${suite.url('alerting')}${path}`, {
    method,
    headers: { authorization: `Bearer ${operatorKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return response.json();
}

async function health(key?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${consoleServer.url}/api/operator/health`, {
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: response.status, body: await response.json() };
}

describe('the health API', () => {
  it.each([
    ['an agency key', () => agencyKey],
    ['an analyst key', () => analystKey(suite, 'FRA')],
  ])('refuses %s with 403 naming the role it needs', async (_case, key) => {
    const answer = await health(await key());
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('operator role') });
    expect(JSON.stringify(answer.body)).not.toContain('dedup');
  });

  it('refuses no key with 401, and answers an operator key', async () => {
    expect((await health()).status).toBe(401);
    const answer = await health(operatorKey);
    expect(answer.status).toBe(200);
    expect(answer.body.brokers).toBe('ok');
    expect(answer.body.services.map((service: any) => service.service)).toEqual([
      'intake',
      'dedup',
      'matching',
      'alerting',
    ]);
  });
});

describe('the operator page, in a real browser', () => {
  it('shows every service ready, with one instance per consumer group, in under a second', async () => {
    await page.goto(consoleServer.url);
    await page.getByLabel('Analyst key').fill(operatorKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.health-card').first().waitFor();
    const started = Date.now();
    await page.reload();
    await page.locator('.health-card[data-service="alerting"]').waitFor();
    const wallMs = Date.now() - started;
    // The page's own clock: from the start of navigation until the health figures had arrived.
    const figuresAtMs = await page.evaluate<number>(
      "performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/api/operator/health')).responseEnd",
    );
    process.stderr.write(
      `[operator health e2e] figures in the page ${Math.round(figuresAtMs)} ms after navigation (${wallMs} ms as the test saw it)\n`,
    );
    expect(figuresAtMs).toBeLessThan(1_000);

    for (const service of ['intake', 'dedup', 'matching', 'alerting'])
      await until(
        `${service} ready`,
        () => card(service).getByTestId('ready').textContent(),
        (text) => text === 'ready',
      );
    for (const service of ['dedup', 'matching', 'alerting'])
      await until(
        `${service} instances`,
        () => card(service).getByTestId('instances').textContent(),
        (n) => n === '1',
      );
    expect(await page.getByTestId('health-banner').count()).toBe(0);
    await until(
      'dedup lag',
      () => lagOf('dedup'),
      (lag) => lag === 0,
    );
  });

  it('shows lag rising and the banner while dedup is stopped, and both gone once it is back', async () => {
    await suite.services.dedup!.stop();
    await until(
      'dedup not ready',
      () => card('dedup').getByTestId('ready').textContent(),
      (text) => text === 'not ready',
    );
    await until(
      'dedup instances',
      () => card('dedup').getByTestId('instances').textContent(),
      (n) => n === '0',
    );

    const shared = 12;
    for (let i = 0; i < shared; i++)
      expect((await shareRecord(suite.url('intake'), agencyKey, unknownPerson())).status).toBe(201);
    const lag = await until(
      'dedup lag',
      () => lagOf('dedup'),
      (value) => value >= shared,
    );
    expect(lag).toBe(shared);
    const banner = page.getByTestId('health-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toContain(`dedup ${shared}`);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // The same alarm for an alert manager and in the log.
    const metrics = await (await fetch(`${consoleServer.url}/metrics`)).text();
    expect(metrics).toContain('crosscheck_pipeline_alarm{alarm="consumer_lag"} 1');
    expect(metrics).toMatch(
      /crosscheck_consumer_group_lag\{service="dedup",topic="records.received.v1",partition="\d"\} [1-9]/,
    );
    expect(readFileSync(consoleServer.logFile, 'utf8')).toContain('pipeline alarm raised: consumer lag');

    await suite.services.dedup!.restart();
    await until(
      'dedup lag drained',
      () => lagOf('dedup'),
      (value) => value === 0,
    );
    await page.getByTestId('health-banner').waitFor({ state: 'detached', timeout: 15_000 });
    await until(
      'dedup ready',
      () => card('dedup').getByTestId('ready').textContent(),
      (text) => text === 'ready',
    );
    const after = await (await fetch(`${consoleServer.url}/metrics`)).text();
    expect(after).toContain('crosscheck_pipeline_alarm{alarm="consumer_lag"} 0');
    expect(after).toContain('crosscheck_pipeline_alarms_total{alarm="consumer_lag"} 1');
  });

  it('shows a dead letter by topic with the banner, and clears both once it is discarded', async () => {
    await suite.agencies.accepted(operatorKey, suite.url('alerting'));
    await sql(`CREATE FUNCTION dedup.refuse_members() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'entity_members refuses writes (a test fault)'; END $$`);
    await sql(`CREATE TRIGGER refuse_members BEFORE INSERT ON dedup.entity_members
                 FOR EACH ROW EXECUTE FUNCTION dedup.refuse_members()`);
    try {
      expect((await shareRecord(suite.url('intake'), agencyKey, unknownPerson())).status).toBe(201);
      const banner = page.getByTestId('health-banner');
      await banner.locator('[data-alarm="dead_letters"]').waitFor({ timeout: 60_000 });
      expect(await banner.textContent()).toContain('1 dead letter pending');
      expect(await card('alerting').locator('.health-list').textContent()).toContain('records.received.v1: 1');
      expect(await (await fetch(`${consoleServer.url}/metrics`)).text()).toContain(
        'crosscheck_pipeline_alarm{alarm="dead_letters"} 1',
      );
    } finally {
      await sql('DROP TRIGGER refuse_members ON dedup.entity_members');
    }
    const { deadLetters } = await asOperator('GET', '/v1/admin/dead-letters?status=pending');
    expect(deadLetters).toHaveLength(1);
    await asOperator('POST', `/v1/admin/dead-letters/${deadLetters[0].deadLetterId}/discard`, {
      reason: 'the health page test',
    });
    await page.getByTestId('health-banner').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await card('alerting').locator('.health-list').textContent()).toContain('none');
  });

  it('is not offered to analysts', async () => {
    const analyst = await browser.context.newPage();
    await browser.context.clearCookies();
    await analyst.goto(consoleServer.url);
    await analyst.getByLabel('Analyst key').fill(await analystKey(suite, 'FRA'));
    await analyst.getByRole('button', { name: 'Sign in' }).click();
    await analyst.getByTestId('agency').waitFor();
    expect(await analyst.getByRole('link', { name: 'Pipeline' }).count()).toBe(0);
    const status = await analyst.evaluate<number>("fetch('/api/operator/health').then((response) => response.status)");
    expect(status).toBe(403);
    await analyst.close();
  });
});
