/**
 * The frontline check page in a real Chromium at phone size (360 × 740), as a
 * border officer signs in with a `frontline` key: a passport's MRZ that an
 * agency reported stolen is a HIT, an unknown VIN is NO HIT, a name alone
 * that a Red Notice bears is POSSIBLE with the facts to confirm. Closing the
 * answer leaves nothing of it in the page or the browser's storage. The
 * JavaScript the page loads is measured. Real intake, dedup, matching,
 * alerting and console processes, real Kafka and Postgres.
 */
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { paths, startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import type { Page } from 'playwright-core';
import { ensureChromium, launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(180_000);

const SCREENSHOTS = path.join(paths.REPO_ROOT, 'bench', 'results');
/** Claire Martin's passport, 17FR43211, as its machine-readable zone prints it. */
const MRZ = 'P<FRAMARTIN<<CLAIRE<<<<<<<<<<<<<<<<<<<<<<<<<\n17FR432118FRA8804021F3101012<<<<<<<<<<<<<<06';

let suite: Suite;
let consoleServer: ServiceProcess;
let browser: HeadlessBrowser;
let page: Page;
const scripts = new Map<string, Buffer>();

beforeAll(async () => {
  const chromium = ensureChromium();
  chromium.catch(() => undefined);
  suite = await createSuite('frontline');
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
  const france = await suite.agencies.key('FRA');
  await suite.agencies.accepted(france, suite.url('matching'));
  const reported = await fetch(`${suite.url('matching')}/v1/contributions/sltd`, {
    method: 'POST',
    headers: { authorization: `Bearer ${france}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      entryRef: 'FR-SLTD-17FR43211',
      dissemination: { scope: 'all' },
      travelDocument: { number: '17FR43211', type: 'passport', issuingCountry: 'FRA', status: 'stolen' },
    }),
  });
  expect(reported.status).toBe(201);
  // A passport Germany reported to France alone, answering hit/no-hit to everyone else.
  const germany = await suite.agencies.key('DEU');
  await suite.agencies.accepted(germany, suite.url('matching'));
  const restricted = await fetch(`${suite.url('matching')}/v1/contributions/sltd`, {
    method: 'POST',
    headers: { authorization: `Bearer ${germany}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      entryRef: 'DE-SLTD-C01X00T47',
      dissemination: { scope: 'agencies', agencies: ['FRA'], outside: 'hit-no-hit' },
      travelDocument: { number: 'C01X00T47', type: 'passport', issuingCountry: 'DEU', status: 'stolen' },
    }),
  });
  expect(restricted.status).toBe(201);
  // A car Spain reported stolen, with the plate it carried.
  const spain = await suite.agencies.key('ESP');
  await suite.agencies.accepted(spain, suite.url('matching'));
  const stolenCar = await fetch(`${suite.url('matching')}/v1/contributions/smv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${spain}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      entryRef: 'ES-SMV-1',
      dissemination: { scope: 'all' },
      vehicle: { vin: 'VF1RFB00X67123456', plate: '4821 KLM', registrationCountry: 'ESP', make: 'Renault' },
    }),
  });
  expect(stolenCar.status).toBe(201);
  await waitForPipelineIdle(suite);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  page.on('response', async (response) => {
    if (response.url().endsWith('.js')) scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await consoleServer?.stop();
  await suite?.close();
});

async function verdict(): Promise<string> {
  const shown = page.getByTestId('verdict');
  await shown.waitFor({ timeout: 15_000 });
  return (await shown.textContent()) ?? '';
}

describe('the frontline check page, on a phone', () => {
  it('signs a frontline officer in straight to the check page', async () => {
    const officer = await suite.agencies.key('ESP', ['frontline']);
    await suite.agencies.accepted(officer, suite.url('alerting'));
    await suite.agencies.accepted(officer, suite.url('matching'));
    await page.goto(consoleServer.url);
    await page.getByLabel('Analyst key').fill(officer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Passport' }).waitFor();
    // Large targets: every button of the first screen is at least 48 px high and fills the width.
    for (const name of ['Passport', 'Vehicle', 'Person']) {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(48);
      expect(box.width).toBeGreaterThan(300);
    }
  });

  it('a stolen passport’s MRZ is a HIT, saying what to do and whom to call', async () => {
    await page.getByRole('button', { name: 'Passport' }).click();
    await page.getByLabel(/MRZ/).fill(MRZ);
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await verdict()).toBe('HIT: Travel document reported stolen or lost');
    await expect(page.locator('.frontline-answer').textContent()).resolves.toContain('Keep the document');
    await expect(page.locator('.frontline-answer').textContent()).resolves.toContain('Contact: FRA');
    await page.getByRole('button', { name: 'Why?' }).click();
    await page.locator('.frontline-why').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'frontline-mrz-hit.png') });
  });

  it('closing the answer leaves nothing of the query or the answer behind', async () => {
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Passport' }).waitFor();
    const left = await page.evaluate<string>(
      'document.body.innerHTML + JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + location.href',
    );
    for (const trace of ['17FR43211', 'MARTIN', 'CLAIRE', 'Travel document']) expect(left).not.toContain(trace);
  });

  it('a stolen vehicle’s plate and country, without the VIN, is a HIT', async () => {
    await page.getByRole('button', { name: 'Vehicle' }).click();
    await page.getByRole('button', { name: 'No VIN? Plate and country' }).click();
    await page.getByLabel('Plate').fill('4821-KLM');
    await page.getByLabel(/Registration country/).fill('esp');
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await verdict()).toMatch(/^HIT/);
    await expect(page.locator('.frontline-answer').textContent()).resolves.toContain('Contact: ESP');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'frontline-plate-hit.png') });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it.each([
    ['neither VIN nor plate', { make: 'Renault' }, 'vehicle.vin', 'isDefined'],
    ['a plate without its country', { plate: '4821 KLM' }, 'vehicle.registrationCountry', 'isISO31661Alpha3'],
  ])('a vehicle check with %s is refused, naming the field and the rule', async (_, vehicle, field, rule) => {
    const officer = await suite.agencies.key('ESP', ['frontline']);
    const answer = await fetch(`${suite.url('matching')}/v1/checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'vehicle', vehicle }),
    });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as any).error.details).toEqual([expect.objectContaining({ field, rule })]);
  });

  it('an unknown VIN is NO HIT', async () => {
    await page.getByRole('button', { name: 'Vehicle' }).click();
    await page.getByLabel(/VIN/).fill('WDB1240821A123456');
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await verdict()).toBe('NO HIT');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'frontline-vin-no-hit.png') });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('a passport its owner restricted is a HIT in a restricted entry: whom to call and what to quote, no data', async () => {
    await page.getByRole('button', { name: 'Passport' }).click();
    await page.getByRole('button', { name: 'No MRZ? Number and country' }).click();
    await page.getByLabel('Document number').fill('C01X00T47');
    await page.getByLabel(/Issuing country/).fill('DEU');
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await verdict()).toBe('HIT: restricted entry');
    const answer = (await page.locator('.frontline-answer').textContent()) ?? '';
    expect(answer).toContain('contact the owner quoting this reference');
    expect(answer).toMatch(/Contact: DEU .*quoting HNH-/);
    expect(answer).not.toContain('stolen');
    expect(await page.getByRole('button', { name: 'Why?' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('a name alone that a Red Notice bears is POSSIBLE, with the facts to confirm', async () => {
    await page.getByRole('button', { name: 'Person' }).click();
    await page.getByLabel('Full name').fill('Ivan Petrov');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Date of birth').waitFor();
    await page.getByRole('button', { name: 'Check' }).click();
    expect(await verdict()).toBe('POSSIBLE: RED notice');
    await expect(page.locator('.frontline-answer').textContent()).resolves.toContain('Confirm:');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'frontline-name-possible.png') });
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('loads little JavaScript (measured)', () => {
    const bytes = [...scripts.values()].reduce((sum, body) => sum + body.length, 0);
    const gzipped = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body).length, 0);
    process.stderr.write(
      `[frontline e2e] JavaScript loaded: ${scripts.size} files, ${(bytes / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzipped\n`,
    );
    expect(scripts.size).toBeGreaterThan(0);
    expect(gzipped).toBeLessThan(150 * 1024);
  });
});
