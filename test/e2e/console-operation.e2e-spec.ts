/**
 * The operations page of the console in a real Chromium: a participant's
 * analyst opens an operation's report and sees its totals, the chart of daily
 * checks and hits, the tables and the CSV and JSON exports; an agency outside
 * the operation sees no report. Real intake, dedup, matching, alerting and console
 * processes, real Kafka and Postgres.
 */
import * as path from 'node:path';
import { paths, startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import type { Page } from 'playwright-core';
import { ensureChromium, launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(180_000);

const SCREENSHOTS = path.join(paths.REPO_ROOT, 'bench', 'results');
const TODAY = new Date().toISOString().slice(0, 10);
const TWO_DAYS_AGO = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

let suite: Suite;
let consoleServer: ServiceProcess;
let browser: HeadlessBrowser;
let page: Page;

async function matching(agency: string, method: string, route: string, body?: unknown, headers = {}) {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url('matching'));
  const response = await fetch(`${suite.url('matching')}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const petrov = {
  kind: 'person',
  person: { names: [{ given: 'Ivan', family: 'Petrov' }], dateOfBirth: '1971-03-14' },
};
const stranger = { kind: 'person', person: { names: [{ given: 'Astrid', family: 'Lindqvist' }] } };

beforeAll(async () => {
  const chromium = ensureChromium();
  chromium.catch(() => undefined);
  suite = await createSuite('consoleop');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  consoleServer = await startServiceProcess('console', {
    logGroup: `test/${suite.id}`,
    env: {
      ALERTING_URL: suite.url('alerting'),
      DEDUP_URL: suite.url('dedup'),
      MATCHING_URL: suite.url('matching'),
      ZIPKIN_UI_URL: `${suite.zipkinUrl}/zipkin`,
    },
  });
  await chromium;
  await loadNotices(suite);
  const started = await matching('FRA', 'POST', '/v1/operations', {
    code: 'JUPITER-26',
    name: 'Jupiter: wanted persons at the borders',
    startsOn: TWO_DAYS_AGO,
    endsOn: TODAY,
    participants: ['DEU'],
  });
  expect(started.status).toBe(201);
  const tagged = { 'x-operation': 'JUPITER-26' };
  expect((await matching('FRA', 'POST', '/v1/checks', petrov, tagged)).body.hits).toHaveLength(1);
  expect((await matching('DEU', 'POST', '/v1/checks', petrov, tagged)).body.hits).toHaveLength(1);
  expect((await matching('DEU', 'POST', '/v1/checks', stranger, tagged)).body.hits).toHaveLength(0);
  await waitForPipelineIdle(suite);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await consoleServer?.stop();
  await suite?.close();
});

async function signIn(agency: string) {
  const analyst = await suite.agencies.key(agency, ['analyst']);
  for (const service of ['alerting', 'matching'] as const) await suite.agencies.accepted(analyst, suite.url(service));
  await page.goto(consoleServer.url);
  await page.getByLabel('Analyst key').fill(analyst);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Operations' }).waitFor();
}

describe('the operations page', () => {
  it('shows a participant the report: totals, the daily chart, the tables and the exports', async () => {
    await signIn('FRA');
    await page.getByRole('link', { name: 'Operations' }).click();
    await page.getByLabel('Operation code').fill('jupiter-26');
    await page.getByRole('button', { name: 'Open report' }).click();
    const report = page.getByTestId('operation-report');
    await report.waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/operations/JUPITER-26');
    await expect(page.locator('[data-total="checks"]').textContent()).resolves.toBe('3 checks');
    await expect(page.locator('[data-total="hits"]').textContent()).resolves.toBe('2 hits');
    // Three days in the chart; today's bars carry today's checks and hits, the quiet days none.
    const bars = page.locator('rect.chart-bar');
    await expect(bars.count()).resolves.toBe(6);
    await expect(
      page.locator(`rect[data-day="${TODAY}"][data-series="checks"]`).getAttribute('data-value'),
    ).resolves.toBe('3');
    await expect(
      page.locator(`rect[data-day="${TODAY}"][data-series="hits"]`).getAttribute('data-value'),
    ).resolves.toBe('2');
    await expect(
      page.locator(`rect[data-day="${TWO_DAYS_AGO}"][data-series="checks"]`).getAttribute('height'),
    ).resolves.toBe('0');
    await expect(report.textContent()).resolves.toContain('Hits per dataset and notice colour');

    const csvHref = await page.getByRole('link', { name: 'CSV' }).getAttribute('href');
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), csvHref);
    expect(csv.split('\n')[0]).toBe('section,day,agency,dataset,notice_colour,level,outcome,count');
    expect(csv).toContain(`checks,${TODAY},DEU,notices,,,,2`);
    const jsonHref = await page.getByRole('link', { name: 'JSON' }).getAttribute('href');
    const json = (await page.evaluate(async (href) => (await fetch(href!)).json(), jsonHref)) as any;
    expect(json.totals).toMatchObject({ checks: 3, hits: 2 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'console-operation.png'), fullPage: true });
  });

  it('shows an agency outside the operation no report', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('NLD');
    await page.goto(`${consoleServer.url}/operations/JUPITER-26`);
    await page.getByRole('alert').waitFor({ timeout: 15_000 });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not found');
    await expect(page.getByTestId('operation-report').count()).resolves.toBe(0);
  });
});
