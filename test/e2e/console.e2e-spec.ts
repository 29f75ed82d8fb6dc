/**
 * The analyst console in a real headless Chromium, against the real services,
 * Kafka and Postgres: an analyst signs in, subscribes, sees a hit arrive live
 * without reloading, opens it (the shared record beside the notice, the
 * explanation), marks it a false positive, and sharing the same person again
 * raises nothing new; the live stream survives an alerting restart; a stolen vehicle's hit shows
 * both sides' vehicle types. Screenshots of the open alert go to
 * bench/results/console-alert.png (as it arrived) and
 * console-alert-triaged.png (after triage) for a person to look at.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { paths, startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import type { Page } from 'playwright-core';
import { shareRecord, wantedPerson } from '../fixtures/records';
import { alertingCall, alertsOf, analystKey } from '../harness/alerting-api';
import { ensureChromium, launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices, loadReference } from '../harness/reference-data';
import { createSuite, type Suite } from '../harness/suite';

jest.setTimeout(180_000);

const SCREENSHOT = path.join(paths.REPO_ROOT, 'bench', 'results', 'console-alert.png');
const SCREENSHOT_TRIAGED = path.join(paths.REPO_ROOT, 'bench', 'results', 'console-alert-triaged.png');
const SUBSCRIPTION = 'Red Notices, hits only';
const VEHICLES = 'Stolen vehicles';
const STOLEN_VIN = '1HGCM82633A004352';

/** One stolen car in SMV, owned by Germany and shown to every agency. */
async function loadStolenCar(suite: Suite): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'console-e2e-')), 'smv.ndjson');
  const entry = { entryId: 'SMV-C1', vehicle: { vin: STOLEN_VIN, make: 'Honda', model: 'Accord', vehicleType: 'car' } };
  writeFileSync(file, `${JSON.stringify(entry)}\n`);
  const loaded = await loadReference(suite, ['--dataset', 'smv', '--file', file, '--owner', 'DEU']);
  if (loaded.code !== 0) throw new Error(`loading SMV failed: ${loaded.stderr}`);
}

let suite: Suite;
let consoleServer: ServiceProcess;
let browser: HeadlessBrowser;
let page: Page;
let franceAnalyst: string;
let franceAgency: string;
let started: number;

beforeAll(async () => {
  started = Date.now();
  // A machine without Chromium gets it from apt (a minute or two, once) while the services start.
  const chromium = ensureChromium();
  chromium.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  suite = await createSuite('console');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  // Started beside the suite rather than in it: the suite's pipeline checks treat every service there as a Kafka service with an outbox.
  consoleServer = await startServiceProcess('console', {
    logGroup: `test/${suite.id}`,
    env: {
      ALERTING_URL: suite.url('alerting'),
      DEDUP_URL: suite.url('dedup'),
      ZIPKIN_UI_URL: `${suite.zipkinUrl}/zipkin`,
    },
  });
  await chromium;
  const [, analyst, agency, launched] = await Promise.all([
    loadNotices(suite).then(() => loadStolenCar(suite)),
    analystKey(suite, 'FRA'),
    suite.agencies.key('FRA'),
    launchBrowser(),
  ]);
  [franceAnalyst, franceAgency, browser] = [analyst, agency, launched];
  page = await browser.context.newPage();
  process.stderr.write(
    `[console e2e] services, console and browser up in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await consoleServer?.stop();
  await suite?.close();
  process.stderr.write(`[console e2e] whole run ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});

const alertItems = () => page.locator('.alert-item');
const subscriptionAlert = () => alertItems().filter({ hasText: SUBSCRIPTION });

describe('the analyst console, in a real browser', () => {
  it('refuses a malformed key, an unknown key and a key without the analyst role, each with a clear message', async () => {
    await page.goto(consoleServer.url);
    await page.getByLabel('Analyst key').fill('cck_notakey_0000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(
      page.getByRole('alert'),
      'That does not look like a crosscheck key: it is too short: a crosscheck key is 64 characters',
    );

    await page.getByLabel('Analyst key').fill(`cck_0000000000000000_${'A'.repeat(43)}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), 'This key is not valid');

    await suite.agencies.accepted(franceAgency, suite.url('alerting'));
    await page.getByLabel('Analyst key').fill(franceAgency);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), 'does not have the analyst role');
    // Nothing about the key is kept in the page's reach (the page is plain browser code; these run in it).
    expect(
      await page.evaluate<string>('document.cookie + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)'),
    ).not.toContain('cck_');
  });

  it('signs an analyst in, and the live stream connects', async () => {
    await page.getByLabel('Analyst key').fill(franceAnalyst);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByTestId('agency'), 'FRA');
    await page.locator('[data-stream="live"]').waitFor({ timeout: 15_000 });
    const cookies = await browser.context.cookies(consoleServer.url);
    expect(cookies).toEqual([
      expect.objectContaining({ name: 'crosscheck_session', httpOnly: true, sameSite: 'Strict' }),
    ]);
    expect(cookies[0].value).not.toContain('cck_');
    expect(await page.evaluate<string>('document.cookie')).toBe('');
    // The session alone says who calls: credentials a page script adds do not reach alerting (which would answer 401 to them).
    const withForeignCredentials = await page.evaluate<number>(
      "fetch('/api/alerting/v1/alerts?limit=1', { headers: { authorization: 'Bearer cck_someone_else', 'x-agency-code': 'DEU', 'x-api-key': 'cck_other' } }).then((response) => response.status)",
    );
    expect(withForeignCredentials).toBe(200);
    // And a page script reaches only the calls the console's pages make.
    expect(await page.evaluate<number>("fetch('/api/alerting/v1/whoami').then((response) => response.status)")).toBe(
      404,
    );
    expect(
      await page.evaluate<number>(
        "fetch('/api/alerting/v1/webhooks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((response) => response.status)",
      ),
    ).toBe(404);
  });

  it('creates a subscription through the form', async () => {
    await page.getByRole('link', { name: 'Subscriptions' }).click();
    await page.getByLabel('Name').fill(SUBSCRIPTION);
    await page
      .getByRole('group', { name: 'Datasets', exact: true })
      .getByRole('button', { name: 'Notices', exact: true })
      .click();
    await page
      .getByRole('group', { name: 'Levels', exact: true })
      .getByRole('button', { name: 'Hit', exact: true })
      .click();
    await page.getByRole('button', { name: 'Create subscription' }).click();
    await expectText(page.locator('.subscription-list'), SUBSCRIPTION);

    const answer = await fetch(`${suite.url('alerting')}/v1/subscriptions`, {
      headers: { authorization: `Bearer ${franceAnalyst}` },
    });
    const { subscriptions } = (await answer.json()) as {
      subscriptions: { name: string; datasets: string[]; levels: string[] }[];
    };
    expect(subscriptions).toEqual([
      expect.objectContaining({ name: SUBSCRIPTION, datasets: ['notices'], levels: ['hit'] }),
    ]);
    await page.getByRole('link', { name: 'Alerts' }).click();
  });

  it('shows the alert for a record shared through the API as it arrives, without reloading', async () => {
    await page.locator('[data-stream="live"]').waitFor();
    // Would be lost on a reload.
    await page.evaluate('window.notReloaded = true');
    const shared = await shareRecord(suite.url('intake'), franceAgency, wantedPerson());
    expect(shared.status).toBe(201);

    await subscriptionAlert().first().waitFor({ timeout: 30_000 });
    await expectText(subscriptionAlert().first(), 'Ivan Petrov');
    await expectText(subscriptionAlert().first(), 'RN-2026-000101');
    expect(await page.evaluate<boolean>('window.notReloaded === true')).toBe(true);
  });

  it('opens the alert: the record beside the notice, and why they matched', async () => {
    await subscriptionAlert().first().click();
    const detail = page.locator('article.detail');
    await expectText(detail.locator('#alert-title'), 'Ivan Petrov');
    await expectText(detail.locator('.detail-facts'), 'RN-2026-000101');
    await expectText(detail.locator('.detail-facts'), 'Red Notice');

    const record = detail.locator('td[data-side="record"]');
    const entry = detail.locator('td[data-side="entry"]');
    await expectText(record.first(), 'Ivan Petrov');
    await expectText(record.first(), 'Иван Петров');
    await expectText(entry.first(), 'Ivan Petrov');
    await expectText(detail.locator('.side-by-side'), '14 Mar 1971');
    await expectText(detail.locator('.side-by-side'), 'Armed robbery');

    const features = detail.locator('.features');
    await expectText(features, 'Name');
    await expectText(features, 'Date of birth');
    expect(await detail.locator('.feature .scorebar').count()).toBeGreaterThanOrEqual(2);
    await expectText(detail.locator('#entity-title'), 'Other records');
    await detail.locator('.trace-link').waitFor();
    expect(await detail.locator('.trace-link').getAttribute('href')).toMatch(
      new RegExp(`^${suite.zipkinUrl}/zipkin/traces/[0-9a-f]{32}$`),
    );

    await page.locator('.members, [data-testid="entity-none"]').first().waitFor();
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });

  it('marks it a false positive, with a reason', async () => {
    const detail = page.locator('article.detail');
    await detail.getByRole('button', { name: 'False positive', exact: true }).click();
    await detail
      .getByRole('textbox')
      .fill('Different person: the border post checked his passport, born 1972 in Kazan.');
    await detail.getByRole('button', { name: 'Mark false positive' }).click();
    await expectText(detail.locator('.detail-title-row .badge'), 'False positive');
    await expectText(detail.locator('.history'), 'born 1972 in Kazan');
    await expectText(subscriptionAlert().first().locator('.badge'), 'False positive');

    const [alert] = (await alertsOf(suite, franceAnalyst, 'kind=alert')).filter(
      (a) => a.subscriptionName === SUBSCRIPTION,
    );
    expect(alert).toMatchObject({ status: 'false_positive', entryId: 'RN-2026-000101' });
    expect(alert.triage).toEqual([
      expect.objectContaining({ status: 'false_positive', reason: expect.stringContaining('Kazan') }),
    ]);
  });

  it('shows nothing new when the same person is shared again', async () => {
    const before = await alertsOf(suite, franceAnalyst);
    const again = await shareRecord(suite.url('intake'), franceAgency, wantedPerson());
    expect(again.status).toBe(201);
    await waitForPipelineIdle(suite);
    // What alerting committed reaches open streams within moments; give it those before looking.
    await page.waitForTimeout(1_500);

    const after = await alertsOf(suite, franceAnalyst);
    expect(after.map((a) => a.alertId).sort()).toEqual(before.map((a) => a.alertId).sort());
    const mine = after.filter((a) => a.subscriptionName === SUBSCRIPTION);
    expect(mine).toHaveLength(1);
    expect(mine[0].status).toBe('false_positive');

    expect(await alertItems().count()).toBe(after.length);
    expect(await subscriptionAlert().count()).toBe(1);
    await expectText(subscriptionAlert().first().locator('.badge'), 'False positive');
    expect(await page.evaluate<boolean>('window.notReloaded === true')).toBe(true);
  });

  it('shows the entity’s other record, from dedup, when the alert is opened again', async () => {
    await page.getByRole('button', { name: 'Close the alert' }).click();
    // The closed detail leaves the page first, so that every member counted below is the reopened one's.
    await page.locator('article.detail').waitFor({ state: 'detached', timeout: 15_000 });
    await subscriptionAlert().first().click();
    const members = page.locator('article.detail .members .member');
    await members.first().waitFor({ timeout: 15_000 });
    // The alert may be refreshed by the stream while it is open (the person was shared again just before),
    // and its entity panel then loads again: wait for one member to stay for half a second.
    let steadySince = 0;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await page.waitForTimeout(100)) {
      if ((await members.count()) !== 1) steadySince = 0;
      else if (!steadySince) steadySince = Date.now();
      else if (Date.now() - steadySince >= 500) break;
    }
    expect(await members.count()).toBe(1);
    await expectText(members.first(), 'Ivan Petrov');
    await expectText(members.first(), 'FRA');
    await page.screenshot({ path: SCREENSHOT_TRIAGED, fullPage: false });
  });

  it('rides out an alerting restart: reconnects by itself and shows what was raised meanwhile', async () => {
    const alerting = suite.services.alerting!;
    await alerting.stop();
    await page.locator('[data-stream="reconnecting"], [data-stream="offline"]').first().waitFor({ timeout: 15_000 });
    const shared = await shareRecord(suite.url('intake'), franceAgency, {
      ...wantedPerson(),
      person: {
        names: [{ given: 'María José', family: 'García Márquez' }],
        dateOfBirth: '1990-11-02',
        sex: 'female',
        nationalities: ['COL'],
      },
    });
    expect(shared.status).toBe(201);
    await alerting.restart();

    await page.locator('[data-stream="live"]').waitFor({ timeout: 30_000 });
    await alertItems().filter({ hasText: 'García Márquez' }).first().waitFor({ timeout: 30_000 });
    await expectText(alertItems().filter({ hasText: 'García Márquez' }).first(), 'RN-2026-000103');
    expect(await page.evaluate<boolean>('window.notReloaded === true')).toBe(true);
    await expectText(page.getByTestId('agency'), 'FRA');
  });

  it('shows a stolen vehicle’s type on both sides of its alert', async () => {
    const subscribed = await alertingCall(suite, franceAnalyst, 'POST', '/v1/subscriptions', {
      name: VEHICLES,
      datasets: ['smv'],
    });
    expect(subscribed.status).toBe(201);
    const shared = await shareRecord(suite.url('intake'), franceAgency, {
      kind: 'vehicle',
      externalRef: `V-${randomUUID()}`,
      dissemination: { scope: 'all' },
      purpose: 'border-check',
      vehicle: { vin: STOLEN_VIN, make: 'Honda', vehicleType: 'van' },
    });
    expect(shared.status).toBe(201);

    const alert = alertItems().filter({ hasText: VEHICLES }).first();
    await alert.waitFor({ timeout: 30_000 });
    await alert.click();
    const row = page.locator('.side-by-side tr').filter({ hasText: 'Vehicle type' });
    await expectText(row.locator('td[data-side="record"]'), 'van');
    await expectText(row.locator('td[data-side="entry"]'), 'car');
  });

  it('is not shown inside another page’s frame', async () => {
    const framing = await browser.context.newPage();
    await framing.setContent(`<iframe src="${consoleServer.url}/" width="900" height="600"></iframe>`, {
      waitUntil: 'load',
    });
    const framed = (await (await framing.$('iframe'))!.contentFrame())!;
    // Chromium leaves its error page in the frame; the console (signed in, in this browser) never renders there.
    await framing.waitForTimeout(1_000);
    expect(framed.url()).not.toContain(consoleServer.url);
    expect(await framed.locator('#analyst-key, [data-testid="agency"], .alert-item').count()).toBe(0);
    await framing.close();
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Analyst key').waitFor();
    const answer = await page.evaluate<number>("fetch('/api/alerting/v1/alerts').then((response) => response.status)");
    expect(answer).toBe(401);
  });
});

async function expectText(locator: ReturnType<Page['locator']>, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = (await locator.allTextContents().catch(() => [])).join(' | ');
    if (seen.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`expected "${text}" in ${locator}, saw: ${seen.slice(0, 500) || '(nothing)'}`);
}
