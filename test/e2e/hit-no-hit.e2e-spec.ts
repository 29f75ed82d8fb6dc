/**
 * Hit/no-hit: a notice its owner (HXO) restricted to its neighbour (HXN) still
 * answers an outside agency (HXS), without its data. HXS's instant check and
 * its shared record are told "hit, contact HXO quoting this reference" on
 * every path (check answer, alert list and detail, stream, webhook, the
 * console's proxy) with no subject data, score or explanation; HXO gets the
 * full hit notice and discloses, after which HXS sees the details. An entry
 * its owner keeps `hidden` stays silent; a retro-hit obeys the same policy; a
 * change of policy is audited and withdraws what no longer holds; a flood of
 * near-identical checks against one restricted entry raises the probe alarm.
 * Real intake, dedup, matching, alerting and console processes on real Kafka
 * and Postgres, the loader as a process.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { AlertStream, openAlertStream } from '../harness/alert-stream';
import { ensureChromium, launchBrowser, type HeadlessBrowser } from '../harness/browser';
import { alertingCall, alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadReference } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { startWebhookReceiver, WebhookReceiver } from '../harness/webhook-receiver';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(240_000);

const OWNER = 'HXO';
const NEIGHBOUR = 'HXN';
const SEARCHER = 'HXS';
const ACTION = 'Hit in a restricted notice: contact the owner quoting this reference before acting';

interface Wanted {
  entryId: string;
  given: string;
  family: string;
  dateOfBirth: string;
  charges: string;
}

const volkov: Wanted = {
  entryId: 'RN-HX-VOLKOV',
  given: 'Dmitri',
  family: 'Volkov',
  dateOfBirth: '1968-05-02',
  charges: 'Fraud on a grand scale',
};
/** A second notice of the same owner about the same man: an outside agency must not learn that there are two. */
const volkovAgain: Wanted = { ...volkov, entryId: 'RN-HX-VOLKOV-2', charges: 'Money laundering' };
/** Kept hidden by its owner. */
const kowalczyk: Wanted = {
  entryId: 'RN-HX-KOWALCZYK',
  given: 'Marta',
  family: 'Kowalczyk',
  dateOfBirth: '1980-10-10',
  charges: 'Arson',
};
/** Loaded after the searcher's record about her: a retro-hit. */
const sokolova: Wanted = {
  entryId: 'RN-HX-SOKOLOVA',
  given: 'Olga',
  family: 'Sokolova',
  dateOfBirth: '1975-07-21',
  charges: 'Extortion',
};
/** The entry the probing agency hammers. */
const rybakov: Wanted = {
  entryId: 'RN-HX-RYBAKOV',
  given: 'Anton',
  family: 'Rybakov',
  dateOfBirth: '1959-02-17',
  charges: 'Murder',
};

let suite: Suite;
let receiver: WebhookReceiver;
const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-hit-no-hit-'));
const keys = {} as Record<'searcher' | 'neighbour' | 'ownerAnalyst' | 'searcherAnalyst' | 'ownerData', string>;
let searcherStream: AlertStream;
let ownerStream: AlertStream;
let consoleSession: string;

function notice(wanted: Wanted, outside?: string) {
  return {
    entryId: wanted.entryId,
    colour: 'red',
    charges: wanted.charges,
    ...(outside ? { outside } : {}),
    subject: {
      names: [{ given: wanted.given, family: wanted.family }],
      dateOfBirth: wanted.dateOfBirth,
      sex: 'male',
      nationalities: ['RUS'],
    },
  };
}

function file(name: string, lines: unknown[]): string {
  const target = path.join(dir, name);
  writeFileSync(target, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return target;
}

/**
 * Anything an outside agency must never read of the restricted notices: their ids and charges, and any
 * entry body, score, explanation or colour at all. (The searcher's own record or query naming the man is
 * its own data.)
 */
function subjectTraces(answer: unknown, ...wanted: Wanted[]): string[] {
  const text = JSON.stringify(answer) ?? '';
  return wanted
    .flatMap((person) => [person.entryId, person.charges])
    .concat(['"score":0.', '"score":1', '"features":[{', 'noticeColour":"red', '"entry":{', '\\"score\\":0.'])
    .filter((trace) => text.includes(trace));
}

/** The notices' own ids and charges only, for answers that may hold other, disclosed hits. */
function entryTraces(answer: unknown, ...wanted: Wanted[]): string[] {
  const text = JSON.stringify(answer) ?? '';
  return wanted.flatMap((person) => [person.entryId, person.charges]).filter((trace) => text.includes(trace));
}

async function adminKey(service: 'alerting' | 'matching'): Promise<string> {
  const key = await suite.agencies.admin();
  await suite.agencies.accepted(key, suite.url(service));
  return key;
}

async function check(key: string, wanted: Wanted, given = wanted.given) {
  const response = await fetch(`${suite.url('matching')}/v1/checks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'person',
      person: { names: [{ given, family: wanted.family }], dateOfBirth: wanted.dateOfBirth },
    }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function share(wanted: Wanted, dissemination: Record<string, unknown> = { scope: 'all' }) {
  const shared = await shareRecord(suite.url('intake'), keys.searcher, {
    kind: 'person',
    externalRef: `HXS-${randomUUID()}`,
    dissemination,
    purpose: 'border-check',
    person: {
      names: [{ given: wanted.given, family: wanted.family }],
      dateOfBirth: wanted.dateOfBirth,
      sex: 'male',
      nationalities: ['RUS'],
    },
  });
  expect(shared.status).toBe(201);
  return shared.body.record.id as string;
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms; last: ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const alertWith = (key: string, predicate: (alert: any) => boolean) =>
  eventually(
    () => alertsOf(suite, key, 'limit=500'),
    (alerts) => alerts.some(predicate),
  ).then((alerts) => alerts.find(predicate));

beforeAll(async () => {
  suite = await createSuite('hitnohit');
  receiver = await startWebhookReceiver();
  await Promise.all([
    suite.start('intake', 'dedup', 'matching'),
    suite.startWith('alerting', { WEBHOOK_ALLOWED_PRIVATE_TARGETS: new URL(receiver.url()).host }),
  ]);
  const loaded = await loadReference(suite, [
    '--dataset',
    'notices',
    '--file',
    file('notices.ndjson', [notice(volkov), notice(volkovAgain), notice(kowalczyk, 'hidden'), notice(rybakov)]),
    '--owner',
    OWNER,
    '--dissemination',
    `agencies:${NEIGHBOUR}`,
  ]);
  expect(loaded.code).toBe(0);
  keys.searcher = await suite.agencies.key(SEARCHER);
  keys.neighbour = await suite.agencies.key(NEIGHBOUR);
  keys.searcherAnalyst = await analystKey(suite, SEARCHER);
  keys.ownerAnalyst = await analystKey(suite, OWNER);
  keys.ownerData = await suite.agencies.key(OWNER, ['data-owner']);
  for (const key of [keys.searcher, keys.neighbour, keys.ownerData])
    await suite.agencies.accepted(key, suite.url('matching'));
  const webhook = await alertingCall(suite, keys.searcherAnalyst, 'POST', '/v1/webhooks', {
    url: receiver.url(`/${SEARCHER}`),
  });
  expect(webhook.status).toBe(201);
  searcherStream = await openAlertStream(suite.url('alerting'), keys.searcherAnalyst);
  ownerStream = await openAlertStream(suite.url('alerting'), keys.ownerAnalyst);
  await suite.startWith('console', {
    ALERTING_URL: suite.url('alerting'),
    DEDUP_URL: suite.url('dedup'),
    ZIPKIN_UI_URL: `${suite.zipkinUrl}/zipkin`,
  });
  const signedIn = await fetch(`${suite.url('console')}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: suite.url('console'), 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ key: keys.searcherAnalyst }),
  });
  expect(signedIn.status).toBe(201);
  consoleSession = String(signedIn.headers.get('set-cookie')).split(';')[0];
});

afterAll(async () => {
  searcherStream?.close();
  ownerStream?.close();
  await receiver?.close();
  await suite?.close();
});

describe('an instant check by an agency outside the notice’s audience', () => {
  let reference: string;

  it('answers hit/no-hit: one line for the owner’s two notices, whom to contact, no subject data', async () => {
    const answer = await check(keys.searcher, volkov);
    expect(answer.status).toBe(200);
    expect(answer.body.hits).toEqual([
      {
        access: 'hit-no-hit',
        dataset: 'notices',
        owner: OWNER,
        level: 'hit',
        reference: expect.stringMatching(/^HNH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
        at: expect.any(String),
        action: ACTION,
      },
    ]);
    expect(subjectTraces(answer.body, volkov, volkovAgain)).toEqual([]);
    reference = answer.body.hits[0].reference;
    // Another check on the same man: a new reference, so answers cannot be tied to one entry.
    const again = await check(keys.searcher, volkov);
    expect(again.body.hits[0].reference).not.toBe(reference);
  });

  it('answers the neighbour in full, as before', async () => {
    const answer = await check(keys.neighbour, volkov);
    expect(answer.body.hits.map((hit: { entryId: string }) => hit.entryId).sort()).toEqual(
      [volkov.entryId, volkovAgain.entryId].sort(),
    );
    expect(answer.body.hits[0]).toMatchObject({ access: 'full', owner: OWNER, noticeColour: 'red' });
  });

  it('gives the owner the full hit notice: the query, the searching agency, the time and the explanation', async () => {
    const notice = await alertWith(keys.ownerAnalyst, (alert) => alert.hitNoHit?.reference === reference);
    const detail = await alertingCall(suite, keys.ownerAnalyst, 'GET', `/v1/alerts/${notice.alertId}`);
    expect(detail.body).toMatchObject({
      kind: 'hit_notice',
      entryOwner: OWNER,
      recordOwner: SEARCHER,
      hitNoHit: { reference, searchingAgency: SEARCHER, ownerAgency: OWNER, instantCheck: true },
    });
    expect([volkov.entryId, volkovAgain.entryId]).toContain(detail.body.entryId);
    expect(JSON.stringify(detail.body.record)).toContain(volkov.family);
    expect(detail.body.features.length).toBeGreaterThan(0);
    expect(detail.body.score).toBeGreaterThan(0.85);
  });

  it('tells the searcher the same on its alerts, stream and webhook, without the entry', async () => {
    const told = await alertWith(keys.searcherAnalyst, (alert) => alert.hitNoHit?.reference === reference);
    const detail = await alertingCall(suite, keys.searcherAnalyst, 'GET', `/v1/alerts/${told.alertId}`);
    expect(detail.body).toMatchObject({
      kind: 'hit_no_hit',
      entryId: null,
      entry: null,
      score: null,
      features: [],
      noticeColour: null,
      entryOwner: OWNER,
      level: 'hit',
      hitNoHit: { reference, ownerAgency: OWNER, action: ACTION, probeAlarm: null },
    });
    await receiver.waitFor(`/${SEARCHER}`, 1, (delivery) => delivery.rawBody.includes(reference));
    await searcherStream.next((event) => event.data.includes(reference));
    const everything = [
      await alertsOf(suite, keys.searcherAnalyst, 'limit=500'),
      detail.body,
      searcherStream.received.map((event) => event.data),
      receiver.received.filter((delivery) => delivery.path === `/${SEARCHER}`).map((delivery) => delivery.rawBody),
    ];
    expect(subjectTraces(everything, volkov, volkovAgain)).toEqual([]);
  });
});

describe('the analyst console, in Chromium', () => {
  let browser: HeadlessBrowser;
  let reference: string;

  beforeAll(async () => {
    await ensureChromium();
    browser = await launchBrowser();
    reference = (await check(keys.searcher, volkov)).body.hits[0].reference;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function signIn(key: string): Promise<Page> {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.goto(suite.url('console'));
    await page.getByLabel('Analyst key').fill(key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-stream="live"]').waitFor({ timeout: 15_000 });
    return page;
  }

  it('shows the searcher the hit/no-hit: whom to contact and the reference, nothing of the notice', async () => {
    const page = await signIn(keys.searcherAnalyst);
    const item = page.locator('.alert-item', { hasText: reference });
    await expectText(item, 'Hit/no-hit');
    await item.first().click();
    const detail = page.locator('article.detail');
    await expectText(detail.locator('.banner.hit-no-hit'), reference);
    await expectText(detail.locator('.banner.hit-no-hit'), ACTION);
    await expectText(detail.locator('.detail-facts'), 'withheld by its owner');
    const text = await detail.innerText();
    expect(entryTraces(text, volkov, volkovAgain)).toEqual([]);
    expect(text).not.toContain('Red Notice');
    await page.close();
  });

  it('lets the owner confirm and disclose, after which the searcher reads the notice', async () => {
    const page = await signIn(keys.ownerAnalyst);
    // The owner's notice of this check about Volkov's first notice: one reference stands for both his notices, and
    // the owner hears of each (raised together, so neither comes first in the list for sure).
    const notice = await alertWith(
      keys.ownerAnalyst,
      (alert) => alert.hitNoHit?.reference === reference && alert.entryId === volkov.entryId,
    );
    await page.locator(`.alert-item[data-alert-id="${notice.alertId}"]`).click();
    const detail = page.locator('article.detail');
    await expectText(detail.locator('.banner.hit-no-hit'), `Instant check by ${SEARCHER}`);
    await detail.getByRole('button', { name: `Confirm and disclose to ${SEARCHER}` }).click();
    await detail.getByRole('textbox').fill('Our fugitive: hold him and call our bureau.');
    await detail
      .getByRole('button', { name: `Confirm and disclose to ${SEARCHER}` })
      .last()
      .click();
    await expectText(detail.locator('.banner.hit-no-hit'), '(disclosed)');
    await page.close();

    const disclosed = await alertWith(
      keys.searcherAnalyst,
      (alert) =>
        alert.hitNoHit?.reference === reference && alert.kind === 'hit_notice' && alert.entryId === volkov.entryId,
    );
    expect(JSON.stringify(disclosed.entry)).toContain(volkov.charges);
  });
});

describe('a record shared by an agency outside the notice’s audience', () => {
  let recordId: string;

  it('raises a hit/no-hit alert on every path, with no subject data', async () => {
    recordId = await share(volkov);
    const told = await alertWith(
      keys.searcherAnalyst,
      (alert) => alert.recordId === recordId && alert.kind === 'hit_no_hit',
    );
    expect(told).toMatchObject({ entryId: null, entry: null, score: null, features: [], entryOwner: OWNER });
    expect(told.hitNoHit).toMatchObject({ ownerAgency: OWNER, action: ACTION, instantCheck: false });
    await receiver.waitFor(`/${SEARCHER}`, 1, (delivery) => delivery.rawBody.includes(told.hitNoHit.reference));
    await searcherStream.next((event) => event.data.includes(told.hitNoHit.reference));
    const throughConsole = await fetch(`${suite.url('console')}/api/alerting/v1/alerts?limit=500`, {
      headers: { cookie: consoleSession },
    });
    expect(throughConsole.status).toBe(200);
    const reference = told.hitNoHit.reference;
    const aboutRecord = (alerts: { recordId: string }[]) => alerts.filter((alert) => alert.recordId === recordId);
    const everything = [
      aboutRecord(await alertsOf(suite, keys.searcherAnalyst, 'limit=500')),
      (await alertingCall(suite, keys.searcherAnalyst, 'GET', `/v1/alerts/${told.alertId}`)).body,
      aboutRecord(((await throughConsole.json()) as { alerts: { recordId: string }[] }).alerts),
      searcherStream.received.map((event) => event.data).filter((data) => data.includes(reference)),
      receiver.received
        .filter((delivery) => delivery.path === `/${SEARCHER}` && delivery.rawBody.includes(reference))
        .map((delivery) => delivery.rawBody),
    ];
    expect(everything.every((path) => JSON.stringify(path).includes(recordId))).toBe(true);
    expect(subjectTraces(everything, volkov, volkovAgain)).toEqual([]);
  });

  it('the owner gets the full notice and discloses; then the searcher sees the details', async () => {
    const notice = await alertWith(
      keys.ownerAnalyst,
      (alert) => alert.recordId === recordId && alert.entryId === volkov.entryId,
    );
    expect(notice.hitNoHit).toMatchObject({ searchingAgency: SEARCHER, disclosed: false });
    expect(JSON.stringify(notice.entry)).toContain(volkov.charges);
    const reference = notice.hitNoHit.reference;

    const decided = await alertingCall(
      suite,
      keys.ownerAnalyst,
      'POST',
      `/v1/alerts/${notice.alertId}/owner-decision`,
      {
        decision: 'confirmed',
        reason: 'our fugitive; arrest and call us',
        disclose: true,
      },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.ownerDecision).toMatchObject({ decision: 'confirmed', disclosedTo: [SEARCHER] });

    const detailed = await alertWith(
      keys.searcherAnalyst,
      (alert) => alert.recordId === recordId && alert.entryId === volkov.entryId,
    );
    expect(detailed).toMatchObject({
      kind: 'hit_notice',
      entryOwner: OWNER,
      noticeColour: 'red',
      ownerDecision: { decision: 'confirmed', reason: 'our fugitive; arrest and call us' },
      hitNoHit: { reference, disclosed: true },
    });
    expect(JSON.stringify(detailed.entry)).toContain(volkov.charges);
    expect(detailed.features.length).toBeGreaterThan(0);
    // The other notice about him, behind the same reference, was not disclosed and stays withheld.
    expect(entryTraces(await alertsOf(suite, keys.searcherAnalyst, 'limit=500'), volkovAgain)).toEqual([]);
    // Both sides heard of the decision, on their streams and the searcher's receiver; the audit log keeps it.
    await searcherStream.next((event) => event.data.includes(reference) && event.data.includes('"disclosed":true'));
    await ownerStream.next((event) => event.data.includes(reference) && event.data.includes('"disclosedTo"'));
    await receiver.waitFor(`/${SEARCHER}`, 1, (delivery) => delivery.rawBody.includes(volkov.charges));
    const audit = await alertingCall(
      suite,
      await adminKey('alerting'),
      'GET',
      `/v1/admin/audit?agency=${OWNER}&action=alert.owner.disclosed`,
    );
    expect(JSON.stringify(audit.body)).toContain(`entry disclosed for this hit to ${SEARCHER}`);
  });

  it.each([
    ['disclose without confirming', { decision: 'rejected', reason: 'not ours', disclose: true }, 400, 'disclose'],
    ['disclose not a boolean', { decision: 'confirmed', reason: 'ours', disclose: 'yes' }, 400, 'disclose'],
    ['an unknown decision', { decision: 'disclosed', reason: 'ours' }, 400, 'decision'],
  ])('refuses an owner decision with %s, naming the field, changing nothing', async (_, body, status, field) => {
    const notice = await alertWith(
      keys.ownerAnalyst,
      (alert) => alert.recordId === recordId && alert.entryId === volkovAgain.entryId,
    );
    const answer = await alertingCall(
      suite,
      keys.ownerAnalyst,
      'POST',
      `/v1/alerts/${notice.alertId}/owner-decision`,
      body,
    );
    expect(answer.status).toBe(status);
    expect(JSON.stringify(answer.body.error.details)).toContain(field);
    const after = await alertingCall(suite, keys.ownerAnalyst, 'GET', `/v1/alerts/${notice.alertId}`);
    expect(after.body.ownerDecision).toBeNull();
  });

  it('the searcher cannot judge a hit/no-hit a false positive: only the owner has seen both sides', async () => {
    const told = await alertWith(
      keys.searcherAnalyst,
      (alert) => alert.kind === 'hit_no_hit' && alert.status === 'new',
    );
    const answer = await alertingCall(suite, keys.searcherAnalyst, 'POST', `/v1/alerts/${told.alertId}/triage`, {
      status: 'false_positive',
      reason: 'probably someone else',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'status', rule: 'hitNoHit' })]);
    const acknowledged = await alertingCall(suite, keys.searcherAnalyst, 'POST', `/v1/alerts/${told.alertId}/triage`, {
      status: 'acknowledged',
      reason: 'calling the owner',
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', entry: null, score: null });
  });

  it('only the owner decides: the searcher cannot disclose to itself', async () => {
    const told = await alertWith(keys.searcherAnalyst, (alert) => alert.kind === 'hit_no_hit');
    const answer = await alertingCall(
      suite,
      keys.searcherAnalyst,
      'POST',
      `/v1/alerts/${told.alertId}/owner-decision`,
      {
        decision: 'confirmed',
        reason: 'let me see',
        disclose: true,
      },
    );
    expect(answer.status).toBe(403);
  });
});

describe('an entry its owner keeps hidden', () => {
  it('stays silent to an outside agency’s check and shared record, answered as a miss', async () => {
    const hidden = await check(keys.searcher, kowalczyk);
    const nobody = await check(keys.searcher, { ...kowalczyk, family: 'Lindqvist', given: 'Astrid' });
    expect(hidden.body).toEqual({ hits: [] });
    expect(hidden.body).toEqual(nobody.body);
    const recordId = await share(kowalczyk);
    await waitForPipelineIdle(suite, 60_000);
    const alerts = await alertsOf(suite, keys.searcherAnalyst, 'limit=500');
    expect(alerts.filter((alert) => alert.recordId === recordId)).toEqual([]);
    expect(entryTraces(alerts, kowalczyk)).toEqual([]);
  });
});

describe('timing', () => {
  it('prints how long each kind of answer takes (median of 40 checks each)', async () => {
    const median = async (key: string, wanted: Wanted) => {
      const times: number[] = [];
      for (let round = 0; round < 40; round++) {
        const started = performance.now();
        await check(key, wanted);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[20];
    };
    const nobody = { ...kowalczyk, given: 'Astrid', family: 'Lindqvist', dateOfBirth: '1994-08-30' };
    const figures = {
      miss: await median(keys.searcher, nobody),
      hiddenHit: await median(keys.searcher, kowalczyk),
      hitNoHit: await median(keys.searcher, volkov),
      fullHit: await median(keys.neighbour, volkov),
    };
    process.stderr.write(
      `[hit/no-hit timing] median ms: ${Object.entries(figures)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(', ')}\n`,
    );
    for (const ms of Object.values(figures)) expect(ms).toBeGreaterThan(0);
  });
});

describe('policy over time', () => {
  it('a retro-hit obeys it, and a change to hidden is audited and withdraws the hit/no-hit alert', async () => {
    const recordId = await share(sokolova);
    await waitForPipelineIdle(suite, 60_000);
    const load = (outside: string) =>
      fetch(
        `${suite.url('matching')}/v1/datasets/notices/loads?mode=delta&dissemination=agencies:${NEIGHBOUR}&outside=${outside}`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${keys.ownerData}`, 'content-type': 'application/x-ndjson' },
          body: JSON.stringify(notice(sokolova)),
        },
      );
    expect((await load('hit-no-hit')).status).toBe(201);
    const told = await alertWith(
      keys.searcherAnalyst,
      (alert) => alert.recordId === recordId && alert.kind === 'hit_no_hit',
    );
    expect(told.status).toBe('new');
    expect(subjectTraces(told, sokolova)).toEqual([]);

    const refused = await load('shown');
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('outside');

    expect((await load('hidden')).status).toBe(201);
    const withdrawn = await alertWith(
      keys.searcherAnalyst,
      (alert) => alert.alertId === told.alertId && alert.status === 'retracted',
    );
    expect(subjectTraces(withdrawn, sokolova)).toEqual([]);
    const audit = await fetch(`${suite.url('matching')}/v1/admin/audit?agency=${OWNER}&action=reference.load`, {
      headers: { authorization: `Bearer ${await adminKey('matching')}` },
    });
    const { entries } = (await audit.json()) as { entries: { outcome: string; status: number }[] };
    // The two policy loads that went through, and the refused one.
    expect(entries.map((line) => line.status).sort()).toEqual([201, 201, 400]);
  });
});

describe('volume control', () => {
  it('hundreds of near-identical checks against one restricted entry raise the alarm for the owner and operators', async () => {
    const spellings = ['Anton', 'Antón', 'Anthon', 'ANTON', 'Antoni'];
    const queries = Array.from({ length: 150 }, (_, index) => ({
      kind: 'person',
      person: {
        names: [{ given: spellings[index % spellings.length], family: rybakov.family }],
        dateOfBirth: rybakov.dateOfBirth,
      },
    }));
    const answer = await fetch(`${suite.url('matching')}/v1/checks/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.searcher}`, 'content-type': 'application/json' },
      body: JSON.stringify(queries),
    });
    expect(answer.status).toBe(200);
    const { results } = (await answer.json()) as { results: any[] };
    const restricted = results.filter((result: any) => result.hits?.[0]?.access === 'hit-no-hit');
    expect(restricted.length).toBeGreaterThanOrEqual(100);

    const metrics = await (await fetch(`${suite.url('matching')}/metrics`)).text();
    expect(metrics).toMatch(/crosscheck_hit_no_hit_probe_alarms_total\{agency="HXS",dataset="notices"\} 1\b/);
    expect(readFileSync(suite.services.matching!.logFile, 'utf8')).toContain(
      `hit/no-hit probe alarm: agency HXS drew 100 answers on notices/${rybakov.entryId}`,
    );
    const alarmed = await alertWith(keys.ownerAnalyst, (alert) => alert.hitNoHit?.probeAlarm?.answers >= 100);
    expect(alarmed).toMatchObject({ entryId: rybakov.entryId, recordOwner: SEARCHER });
    // The prober is not told that it tripped the alarm.
    const searcherAlerts = await alertsOf(suite, keys.searcherAnalyst, 'limit=500');
    expect(searcherAlerts.some((alert) => alert.hitNoHit?.probeAlarm)).toBe(false);
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
