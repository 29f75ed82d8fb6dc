/**
 * The console's network page in a real headless Chromium, against real intake,
 * dedup and alerting, Kafka and Postgres: a German analyst opens a French
 * person's network, sees the German person who shares her phone (the edge
 * saying so), taps that node on the graph to grow it one hop (an Italian
 * person sharing his email), and taps a link to lay its two records side by
 * side. A French owner-only record carrying the same phone shows nowhere, and
 * its entity is answered like one that does not exist. The screenshot goes to
 * bench/results/console-network.png. A network link alert whose link was
 * retracted (a record on its path withdrawn) says so, when and why, in place
 * of its path.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { paths, startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import type { Page } from 'playwright-core';
import { shareRecord } from '../fixtures/records';
import { alertsOf, analystKey } from '../harness/alerting-api';
import { ensureChromium, launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, type Suite } from '../harness/suite';

jest.setTimeout(180_000);

const SCREENSHOT = path.join(paths.REPO_ROOT, 'bench', 'results', 'console-network.png');
const PHONE = '+33641223301';
const EMAIL = 'j.brandt@example.org';
// Names no other test uses, so dedup joins none of these persons to anyone else's.
const tag = randomUUID().slice(0, 6);
const LEFORT = `Lefort${tag}`;
const BRANDT = `Brandt${tag}`;
const RICCI = `Ricci${tag}`;
const HIDDEN = `Secret${tag}`;

let suite: Suite;
let consoleServer: ServiceProcess;
let browser: HeadlessBrowser;
let page: Page;
let germanAnalyst: string;
const entityOf = new Map<string, string>();

async function share(agency: string, family: string, given: string, extra: object, ownerOnly = false) {
  const key = await suite.agencies.key(agency);
  const shared = await shareRecord(suite.url('intake'), key, {
    kind: 'person',
    externalRef: `${agency}-${family}`,
    dissemination: ownerOnly ? { scope: 'owner-only' } : { scope: 'all' },
    purpose: 'investigation',
    caseRef: `${agency}-CASE-${tag}`,
    person: { names: [{ given, family }], ...extra },
  });
  if (shared.status !== 201) throw new Error(`sharing was refused: ${shared.status} ${JSON.stringify(shared.body)}`);
  return { key, recordId: shared.body.record.id as string };
}

async function entityIdOf(key: string, recordId: string): Promise<string> {
  await suite.agencies.accepted(key, suite.url('dedup'));
  const response = await fetch(`${suite.url('dedup')}/v1/records/${recordId}/entity`, {
    headers: { authorization: `Bearer ${key}` },
  });
  if (response.status !== 200) throw new Error(`no entity for ${recordId}: ${response.status}`);
  return ((await response.json()) as { entityId: string }).entityId;
}

beforeAll(async () => {
  const chromium = ensureChromium();
  chromium.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  suite = await createSuite('console-network');
  await suite.start('intake', 'dedup', 'alerting');
  consoleServer = await startServiceProcess('console', {
    logGroup: `test/${suite.id}`,
    env: { ALERTING_URL: suite.url('alerting'), DEDUP_URL: suite.url('dedup') },
  });
  const lefort = await share('FRA', LEFORT, 'Anne', { phones: [{ number: '+33 6 41 22 33 01' }] });
  const brandt = await share('DEU', BRANDT, 'Jonas', {
    phones: [{ number: '06 41 22 33 01', country: 'FRA' }],
    emails: [EMAIL],
  });
  const ricci = await share('ITA', RICCI, 'Marco', { emails: [EMAIL.toUpperCase()] });
  const hidden = await share('FRA', HIDDEN, 'Paul', { phones: [{ number: PHONE }] }, true);
  await waitForPipelineIdle(suite);
  entityOf.set(LEFORT, await entityIdOf(lefort.key, lefort.recordId));
  entityOf.set(BRANDT, await entityIdOf(brandt.key, brandt.recordId));
  entityOf.set(RICCI, await entityIdOf(ricci.key, ricci.recordId));
  entityOf.set(HIDDEN, await entityIdOf(hidden.key, hidden.recordId));
  germanAnalyst = await analystKey(suite, 'DEU');
  await suite.agencies.accepted(germanAnalyst, suite.url('dedup'));
  await chromium;
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await consoleServer?.stop();
  await suite?.close();
});

const status = () => page.getByTestId('network-status');
const entitiesList = () => page.locator('.network-entities');
const linksList = () => page.locator('.network-edges');

/** Taps a node where Cytoscape drew it (the canvas has no DOM per node). */
async function tapNode(entityId: string): Promise<void> {
  const canvas = page.getByTestId('network-graph');
  const box = (await canvas.boundingBox())!;
  const at = await canvas.evaluate(
    (element, id) => (element as any)._cyreg.cy.getElementById(id).renderedPosition() as { x: number; y: number },
    entityId,
  );
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

describe('the network page, in a real browser', () => {
  it('signs the analyst in and opens a person’s network: one hop, the edge saying why', async () => {
    await page.goto(consoleServer.url);
    await page.getByLabel('Analyst key').fill(germanAnalyst);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('agency').waitFor();
    await page.goto(`${consoleServer.url}/network/${entityOf.get(LEFORT)}`);
    await expectText(status(), '2 entities · 1 links');
    await expectText(entitiesList(), `Anne ${LEFORT}`);
    await expectText(entitiesList(), `Jonas ${BRANDT}`);
    await expectText(linksList(), `phone ${PHONE}`);
    await expectText(linksList(), `same phone number ${PHONE}, carried by 2 records`);
  });

  it('shows nothing of a record the analyst may not see, though it carries the same phone', async () => {
    const shown = await page.locator('.network-page').textContent();
    expect(shown).not.toContain(HIDDEN);
    expect(shown).not.toContain('carried by 3 records');
  });

  it('grows one hop when a node is tapped on the graph', async () => {
    await tapNode(entityOf.get(BRANDT)!);
    await expectText(status(), '3 entities · 2 links');
    await expectText(entitiesList(), `Marco ${RICCI}`);
    await expectText(linksList(), `email ${EMAIL}`);
    const ricci = page.locator(`[data-entity="${entityOf.get(RICCI)}"]`);
    await expectText(ricci, '2 hops');
  });

  it('lays the two records of a link side by side', async () => {
    await page.getByRole('button', { name: `email ${EMAIL}` }).click();
    const pair = page.getByTestId('record-pair');
    await expectText(pair, `same email address ${EMAIL}, carried by 2 records`);
    await expectText(pair.locator('td[data-side="a"]'), `Jonas ${BRANDT}`);
    await expectText(pair.locator('td[data-side="b"]'), `Marco ${RICCI}`);
    await expectText(pair.locator('tr.agree-same'), EMAIL);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('answers an entity the analyst may not see like one that does not exist', async () => {
    await page.goto(`${consoleServer.url}/network/${entityOf.get(HIDDEN)}`);
    await expectText(page.getByTestId('network-none'), 'No entity you may see has this id.');
    expect(await page.locator('body').textContent()).not.toContain(HIDDEN);
  });
});

describe('a network link alert whose link is retracted, in a real browser', () => {
  const phone = '+48 512 777 301';
  let polishCase: string;
  let polishRef: string;
  let alertId: string;

  beforeAll(async () => {
    polishCase = `PL-CASE-${tag}`;
    polishRef = `PL-Nowak${tag}`;
    const german = await share('DEU', `Keller${tag}`, 'Ida', { phones: [{ number: phone }] });
    const polish = await shareRecord(suite.url('intake'), await suite.agencies.key('POL'), {
      kind: 'person',
      externalRef: polishRef,
      dissemination: { scope: 'all' },
      purpose: 'investigation',
      caseRef: polishCase,
      person: { names: [{ given: 'Piotr', family: `Nowak${tag}` }], phones: [{ number: '+48512777301' }] },
    });
    expect(polish.status).toBe(201);
    await waitForPipelineIdle(suite);
    const [alert] = (await alertsOf(suite, germanAnalyst, 'kind=network_link')).filter(
      (one) => one.recordId === german.recordId && one.networkLink.otherCase.caseRef === polishCase,
    );
    alertId = alert.alertId;
    await page.goto(`${consoleServer.url}/alerts/${alertId}`);
    await expectText(
      page.locator('#alert-title'),
      `Link between your case DEU-CASE-${tag} and POL’s case ${polishCase}`,
    );
    await expectText(page.locator('.detail'), 'How the cases are linked');
    await expectText(page.locator('.detail'), 'same phone number +48512777301, carried by 2 records');

    const withdrawn = await fetch(`${suite.url('intake')}/v1/records/${polish.body.record.id}?reason=closed`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await suite.agencies.key('POL')}` },
    });
    expect(withdrawn.status).toBe(200);
    await waitForPipelineIdle(suite);
  });

  it('says the link no longer holds, when and why, in place of an empty path', async () => {
    await page.goto(`${consoleServer.url}/alerts/${alertId}`);
    const retracted = page.getByTestId('link-retracted');
    await expectText(retracted, 'The link no longer holds');
    await expectText(retracted, 'a record on the path was withdrawn or expired');
    await expectText(retracted, `DEU-Keller${tag}`);
    await expectText(retracted, 'POL’s case');
    await expectText(retracted, 'no longer shown');
    expect(await retracted.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expectText(page.locator('#alert-title'), `Link between your case DEU-CASE-${tag} and a case of POL`);
    expect(await page.getByText('How the cases are linked').count()).toBe(0);
    const listed = page.locator(`.alert-item[data-alert-id="${alertId}"]`);
    await expectText(listed, `DEU-CASE-${tag} ↔ POL`);
    await expectText(listed, 'Link');
    await expectText(listed, 'Network link');
    // A link is no hit: nothing speaks of an entry, a dataset or a hit's parties.
    const header = await page.locator('.detail-head').textContent();
    for (const hitWords of ['withheld by its owner', 'Dataset', 'to both parties of the hit'])
      expect(header).not.toContain(hitWords);
  });

  it('tells nothing more of the other case than its agency', async () => {
    const shown = await page.locator('.detail').textContent();
    for (const gone of [polishCase, polishRef, '+48512777301']) expect(shown).not.toContain(gone);
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
