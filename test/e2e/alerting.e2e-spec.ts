/**
 * Alerting as analysts use it, every hop real: agencies share records with
 * intake, dedup and matching find the hits, and alerting raises, delivers and
 * keeps alerts true. Subscriptions, hit notices, retraction, dissemination on
 * every path, stream resume across a restart, signed webhooks that fail on
 * purpose, triage and suppression, and the refusals of bad input.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { HEADER_MESSAGE_ID } from '@crosscheck/contracts';
import { verifyWebhookSignature } from '../../apps/alerting/src/webhooks/webhook-signature';
import { openAlertStream } from '../harness/alert-stream';
import { alertingCall, alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices, loadReference } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';
import { startWebhookReceiver, WebhookReceiver } from '../harness/webhook-receiver';
import { shareRecord, wantedPerson } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;
let receiver: WebhookReceiver;
const ALERTING_ENV = {
  WEBHOOK_BACKOFF_BASE_MS: '50',
  WEBHOOK_BACKOFF_MAX_MS: '200',
  WEBHOOK_MAX_ATTEMPTS: '4',
  STREAM_MAX_PER_AGENCY: '3',
};

/** Matches the demo Red Notice RN-2026-000105 (Olena Kovalenko, Ukrainian). */
const kovalenko = () => ({
  ...wantedPerson(),
  person: {
    names: [{ given: 'Olena', family: 'Kovalenko', original: 'Олена Коваленко', script: 'Cyrl' }],
    dateOfBirth: '1986-05-21',
    sex: 'female' as const,
    nationalities: ['UKR'],
  },
});
/** Matches the demo Red Notice RN-2026-000102 (Mohammed Al-Rashid). */
const alRashid = () => ({
  ...wantedPerson(),
  person: {
    names: [{ given: 'Mohammed', family: 'Al-Rashid' }],
    dateOfBirth: '1983-07',
    sex: 'male' as const,
    nationalities: ['SYR'],
  },
});
/** Matches SMV-R1, a stolen vehicle only DEU (the owner) and AUT may see. */
const stolenVehicle = () => ({
  kind: 'vehicle',
  externalRef: `V-${randomUUID()}`,
  dissemination: { scope: 'all' },
  purpose: 'border-check',
  vehicle: { vin: '1HGCM82633A004352', plate: 'M-XY 123', registrationCountry: 'DEU', make: 'Honda' },
});

beforeAll(async () => {
  suite = await createSuite('alerting');
  await suite.start('intake', 'dedup', 'matching');
  // The case systems' receiver, on loopback: the one private target alerting may call, on its port alone.
  receiver = await startWebhookReceiver();
  await suite.startWith('alerting', { ...ALERTING_ENV, WEBHOOK_ALLOWED_PRIVATE_TARGETS: new URL(receiver.url()).host });
  await loadNotices(suite);
  const folder = mkdtempSync(path.join(tmpdir(), 'alerting-e2e-'));
  const smv = path.join(folder, 'smv.ndjson');
  writeFileSync(
    smv,
    `${JSON.stringify({ entryId: 'SMV-R1', vehicle: { vin: '1HGCM82633A004352', plate: 'M-XY 123', registrationCountry: 'DEU', make: 'Honda', model: 'Accord' } })}\n`,
  );
  const loaded = await loadReference(suite, [
    '--dataset',
    'smv',
    '--file',
    smv,
    '--owner',
    'DEU',
    '--dissemination',
    'agencies:DEU,AUT',
  ]);
  expect(loaded.code).toBe(0);
});

afterAll(async () => {
  await receiver?.close();
  await suite?.close();
});

const share = async (agency: string, record: unknown) => {
  const shared = await shareRecord(suite.url('intake'), await suite.agencies.key(agency), record);
  expect(shared.status).toBe(201);
  return shared.body.record.id as string;
};

const subscribe = async (key: string, body: Record<string, unknown>) => {
  const created = await alertingCall(suite, key, 'POST', '/v1/subscriptions', body);
  expect(created.status).toBe(201);
  return created.body.subscriptionId as string;
};

const registerWebhook = async (key: string, pathName: string) => {
  const registered = await alertingCall(suite, key, 'POST', '/v1/webhooks', {
    url: receiver.url(pathName),
    description: 'case system',
  });
  expect(registered.status).toBe(201);
  expect(registered.body.secret).toMatch(/^whsec_/);
  return registered.body as { webhookId: string; secret: string };
};

/** An update's body: the record's content, without the reference it was first shared under. */
function withoutExternalRef<T extends { externalRef: string }>(record: T): Omit<T, 'externalRef'> {
  const { externalRef: _, ...content } = record;
  return content;
}

/** Polls until `check` passes: for outcomes that arrive through the pipeline. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms; last: ${JSON.stringify(value).slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('subscriptions', () => {
  it('raise an alert for each subscription whose filters the hit passes, and only those', async () => {
    const key = await analystKey(suite, 'FIN');
    const redHits = await subscribe(key, {
      name: 'Red Notice hits',
      datasets: ['notices'],
      noticeColours: ['red'],
      levels: ['hit'],
    });
    const ukraine = await subscribe(key, { name: 'Ukrainian nationals', countries: ['UKR'] });
    await subscribe(key, { name: 'Vehicles', recordKinds: ['vehicle'] });
    await subscribe(key, { name: 'Possible only', levels: ['possible'] });
    await subscribe(key, { name: 'Travel documents', datasets: ['sltd'] });

    const petrov = await share('FIN', wantedPerson());
    const olena = await share('FIN', kovalenko());
    await waitForPipelineIdle(suite);

    const alerts = await alertsOf(suite, key);
    const bySubscription = (recordId: string) =>
      alerts
        .filter((alert) => alert.recordId === recordId)
        .map((alert) => alert.subscriptionName)
        .sort();
    expect(bySubscription(petrov)).toEqual(['Red Notice hits']);
    expect(bySubscription(olena)).toEqual(['Red Notice hits', 'Ukrainian nationals']);
    expect(alerts.every((alert) => alert.kind === 'alert')).toBe(true);
    expect(alerts.find((alert) => alert.subscriptionId === ukraine)).toMatchObject({
      entryId: 'RN-2026-000105',
      noticeColour: 'red',
      level: 'hit',
      recordKind: 'person',
      status: 'new',
    });
    // Filtered and sorted listing, paged by cursor.
    const onlyUkraine = await alertsOf(suite, key, `subscription=${ukraine}`);
    expect(onlyUkraine.map((alert) => alert.recordId)).toEqual([olena]);
    const firstPage = await alertingCall(suite, key, 'GET', `/v1/alerts?subscription=${redHits}&sort=oldest&limit=1`);
    expect(firstPage.body.alerts.map((alert: any) => alert.recordId)).toEqual([petrov]);
    const secondPage = await alertingCall(
      suite,
      key,
      'GET',
      `/v1/alerts?subscription=${redHits}&sort=oldest&limit=1&cursor=${firstPage.body.nextCursor}`,
    );
    expect(secondPage.body.alerts.map((alert: any) => alert.recordId)).toEqual([olena]);
    expect(await alertsOf(suite, key, 'level=possible')).toEqual([]);
  });

  it('are the agency’s: listed, read, replaced and deleted by its analysts, invisible to others', async () => {
    const key = await analystKey(suite, 'NOR');
    const id = await subscribe(key, { name: 'Everything' });
    const replaced = await alertingCall(suite, key, 'PUT', `/v1/subscriptions/${id}`, {
      name: 'Yellow notices',
      noticeColours: ['yellow'],
      minScore: 0.9,
    });
    expect(replaced.body).toMatchObject({
      subscriptionId: id,
      agency: 'NOR',
      name: 'Yellow notices',
      noticeColours: ['yellow'],
      minScore: 0.9,
      datasets: [],
    });
    expect(
      (await alertingCall(suite, key, 'GET', '/v1/subscriptions')).body.subscriptions.map((s: any) => s.name),
    ).toEqual(['Yellow notices']);
    const other = await analystKey(suite, 'DNK');
    expect((await alertingCall(suite, other, 'GET', `/v1/subscriptions/${id}`)).status).toBe(404);
    expect((await alertingCall(suite, other, 'DELETE', `/v1/subscriptions/${id}`)).status).toBe(404);
    expect((await alertingCall(suite, key, 'DELETE', `/v1/subscriptions/${id}`)).status).toBe(204);
    expect((await alertingCall(suite, key, 'GET', `/v1/subscriptions/${id}`)).status).toBe(404);
  });
});

describe('hit notices', () => {
  it('reach both the sharing agency and the owner of the reference entry, without any subscription', async () => {
    const recordId = await share('POL', wantedPerson());
    const sharer = await analystKey(suite, 'POL');
    const owner = await analystKey(suite, 'IPSG');
    const [notice] = await eventually(
      () => alertsOf(suite, sharer),
      (alerts) => alerts.length === 1,
    );
    expect(notice).toMatchObject({
      kind: 'hit_notice',
      subscriptionId: null,
      recordId,
      recordOwner: 'POL',
      entryOwner: 'IPSG',
      entryId: 'RN-2026-000101',
    });
    const ownerNotices = await eventually(
      () => alertsOf(suite, owner, 'kind=hit_notice'),
      (alerts) => alerts.some((alert) => alert.recordId === recordId),
    );
    expect(ownerNotices.filter((alert) => alert.recordId === recordId)).toHaveLength(1);
    // Both sides, side by side, and the explanation.
    const detail = await alertingCall(suite, sharer, 'GET', `/v1/alerts/${notice.alertId}`);
    expect(detail.body.record.person.names[0]).toMatchObject({ given: 'Ivan', family: 'Petrov' });
    expect(detail.body.entry).toMatchObject({
      entryId: 'RN-2026-000101',
      notice: { colour: 'NOTICE_COLOUR_RED', subject: { names: [expect.objectContaining({ family: 'Petrov' })] } },
    });
    expect(detail.body.features.map((feature: any) => feature.feature)).toEqual(
      expect.arrayContaining(['name', 'date_of_birth']),
    );
    expect(detail.body.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('delivery is effectively once', () => {
  it('a redelivered match, under the same or a new message id, creates no second alert, event or webhook call', async () => {
    const key = await analystKey(suite, 'HRV');
    const webhook = await registerWebhook(key, '/hrv');
    await subscribe(key, { name: 'All hits', webhookId: webhook.webhookId });
    const stream = await openAlertStream(suite.url('alerting'), key);
    try {
      const recordId = await share('HRV', wantedPerson());
      await stream.next((event) => event.event === 'alert');
      await receiver.waitFor('/hrv', 1);
      await waitForPipelineIdle(suite);

      const found = (await readTopic(suite, 'matches.found.v1')).find(
        (message) =>
          message.headers['message-id'] &&
          message.key &&
          message.value &&
          message.value.includes(Buffer.from(recordId)),
      )!;
      expect(found).toBeDefined();
      const producer = suite.kafka.producer();
      await producer.connect();
      await producer.send({
        topic: suite.topic('matches.found.v1'),
        messages: [
          { key: found.key, value: found.value, headers: found.headers },
          { key: found.key, value: found.value, headers: { ...found.headers, [HEADER_MESSAGE_ID]: randomUUID() } },
        ],
      });
      await producer.disconnect();
      await waitForPipelineIdle(suite);

      expect((await alertsOf(suite, key)).filter((alert) => alert.recordId === recordId)).toHaveLength(1);
      expect(stream.received.filter((event) => event.event === 'alert')).toHaveLength(1);
      expect(receiver.received.filter((delivery) => delivery.path === '/hrv')).toHaveLength(1);
    } finally {
      stream.close();
    }
  });
});

describe('retraction', () => {
  it('retracts the alert visibly, with the reason, when the record is withdrawn', async () => {
    const key = await analystKey(suite, 'SVN');
    const webhook = await registerWebhook(key, '/svn');
    await subscribe(key, { name: 'All hits', webhookId: webhook.webhookId });
    const stream = await openAlertStream(suite.url('alerting'), key);
    try {
      const recordId = await share('SVN', wantedPerson());
      const raised = JSON.parse((await stream.next((event) => event.event === 'alert')).data);
      expect(raised.status).toBe('new');

      const withdrawn = await fetch(`${suite.url('intake')}/v1/records/${recordId}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${await suite.agencies.key('SVN')}` },
      });
      expect(withdrawn.status).toBeLessThan(300);

      const retracted = JSON.parse(
        (await stream.next((event) => event.event === 'alert' && JSON.parse(event.data).status === 'retracted')).data,
      );
      expect(retracted).toMatchObject({
        alertId: raised.alertId,
        status: 'retracted',
        retraction: { reason: 'the record was withdrawn by its owner' },
      });
      const [call] = await receiver.waitFor('/svn', 1, (delivery) => delivery.body?.event === 'alert.retracted');
      expect(call.body.alert).toMatchObject({ alertId: raised.alertId, status: 'retracted' });
      // Retracted alerts cannot be triaged.
      const triage = await alertingCall(suite, key, 'POST', `/v1/alerts/${raised.alertId}/triage`, {
        status: 'confirmed',
        reason: 'seen at the border',
      });
      expect(triage.status).toBe(409);
    } finally {
      stream.close();
    }
  });

  it('leaves no agency able to read a withdrawn record through its alerts, and each keeps what it owns', async () => {
    const recordId = await share('LTU', wantedPerson());
    const sharer = await analystKey(suite, 'LTU');
    const entryOwner = await analystKey(suite, 'IPSG');
    const [sharers] = await eventually(
      () => alertsOf(suite, sharer),
      (alerts) => alerts.some((alert) => alert.recordId === recordId),
    );
    const notices = await eventually(
      () => alertsOf(suite, entryOwner),
      (alerts) => alerts.some((alert) => alert.recordId === recordId),
    );
    const ownersAlert = notices.find((alert) => alert.recordId === recordId)!;
    expect(ownersAlert.record).not.toBeNull();

    const withdrawn = await fetch(`${suite.url('intake')}/v1/records/${recordId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await suite.agencies.key('LTU')}` },
    });
    expect(withdrawn.status).toBeLessThan(300);
    await waitForPipelineIdle(suite);

    // The notice's owner keeps its own notice, but not the other agency's record or the explanation quoting it: whether the
    // alert was retracted, or still stands on other records of the same person that earlier tests shared.
    const owners = await eventually(
      () => alertingCall(suite, entryOwner, 'GET', `/v1/alerts/${ownersAlert.alertId}`),
      (answer) => answer.body.record === null,
    );
    expect(owners.body).toMatchObject({ record: null, features: [] });
    expect(owners.body.entry).not.toBeNull();
    if (owners.body.status === 'retracted')
      expect(owners.body.retraction.reason).toBe('the record was withdrawn by its owner');
    // The sharer keeps its own record.
    const sharersNow = await alertingCall(suite, sharer, 'GET', `/v1/alerts/${sharers.alertId}`);
    expect(sharersNow.body.record).not.toBeNull();
  });
});

describe('dissemination', () => {
  it('keeps an alert off every path — list, stream, webhook — for an agency that may not see the reference entry', async () => {
    const france = await analystKey(suite, 'FRA');
    const austria = await analystKey(suite, 'AUT');
    const owner = await analystKey(suite, 'DEU');
    const frenchHook = await registerWebhook(france, '/fra-vehicles');
    await subscribe(france, { name: 'Stolen vehicles', datasets: ['smv'], webhookId: frenchHook.webhookId });
    await subscribe(austria, { name: 'Stolen vehicles', datasets: ['smv'] });
    const frenchStream = await openAlertStream(suite.url('alerting'), france);
    try {
      const recordId = await share('FRA', stolenVehicle());
      await waitForPipelineIdle(suite);
      const austrian = await eventually(
        () => alertsOf(suite, austria),
        (alerts) => alerts.some((alert) => alert.recordId === recordId),
      );
      expect(austrian.find((alert) => alert.recordId === recordId)).toMatchObject({
        kind: 'alert',
        dataset: 'smv',
        entryId: 'SMV-R1',
        entryOwner: 'DEU',
      });
      expect((await alertsOf(suite, owner)).filter((alert) => alert.recordId === recordId)).toEqual([
        expect.objectContaining({ kind: 'hit_notice' }),
      ]);

      expect((await alertsOf(suite, france)).filter((alert) => alert.recordId === recordId)).toEqual([]);
      expect(
        frenchStream.received.filter(
          (event) => event.event === 'alert' && JSON.parse(event.data).recordId === recordId,
        ),
      ).toEqual([]);
      expect(receiver.received.filter((delivery) => delivery.path === '/fra-vehicles')).toEqual([]);
      // Nor can France read Austria's alert by its id.
      const austrianAlert = austrian.find((alert) => alert.recordId === recordId)!;
      expect((await alertingCall(suite, france, 'GET', `/v1/alerts/${austrianAlert.alertId}`)).status).toBe(404);
    } finally {
      frenchStream.close();
    }
  });

  it('tells the owner of the entry nothing of a record it may not see', async () => {
    const recordId = await share('CZE', { ...wantedPerson(), dissemination: { scope: 'owner-only' } });
    const czech = await analystKey(suite, 'CZE');
    await eventually(
      () => alertsOf(suite, czech),
      (alerts) => alerts.some((alert) => alert.recordId === recordId),
    );
    await waitForPipelineIdle(suite);
    expect(
      (await alertsOf(suite, await analystKey(suite, 'IPSG'))).filter((alert) => alert.recordId === recordId),
    ).toEqual([]);
  });

  it('retracts and empties an alert when the record is narrowed to agencies that exclude the subscriber', async () => {
    const belgium = await analystKey(suite, 'BEL');
    await subscribe(belgium, { name: 'Red notices', noticeColours: ['red'] });
    const record = { ...wantedPerson(), externalRef: `LU-${randomUUID()}` };
    const recordId = await share('LUX', record);
    const [alert] = await eventually(
      () => alertsOf(suite, belgium),
      (alerts) => alerts.some((a) => a.recordId === recordId),
    );
    await suite.agencies.key('NLD'); // dissemination names agencies that exist

    const narrowed = await fetch(`${suite.url('intake')}/v1/records/${recordId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await suite.agencies.key('LUX')}` },
      body: JSON.stringify({ ...withoutExternalRef(record), dissemination: { scope: 'agencies', agencies: ['NLD'] } }),
    });
    expect(narrowed.status).toBe(200);
    const [after] = await eventually(
      () => alertsOf(suite, belgium),
      (alerts) => alerts.some((a) => a.alertId === alert.alertId && a.status === 'retracted'),
    ).then((alerts) => alerts.filter((a) => a.alertId === alert.alertId));
    expect(after).toMatchObject({ status: 'retracted', record: null, entry: null, features: [] });
    expect(after.retraction.reason).toContain('may no longer see');
  });
});

describe('the live stream', () => {
  it('replays what was missed after a disconnect and after an alerting restart, with nothing lost', async () => {
    const key = await analystKey(suite, 'LTU');
    let stream = await openAlertStream(suite.url('alerting'), key);
    const first = await share('LTU', wantedPerson());
    const firstEvent = await stream.next(
      (event) => event.event === 'alert' && JSON.parse(event.data).recordId === first,
    );
    stream.close();

    const whileAway = await share('LTU', kovalenko());
    await waitForPipelineIdle(suite);
    stream = await openAlertStream(suite.url('alerting'), key, firstEvent.id);
    const missed = await stream.next((event) => event.event === 'alert');
    expect(JSON.parse(missed.data).recordId).toBe(whileAway);
    stream.close();

    await suite.services.alerting!.stop();
    const whileDown = await share('LTU', alRashid());
    await suite.services.alerting!.restart();
    stream = await openAlertStream(suite.url('alerting'), key, missed.id);
    try {
      const afterRestart = await stream.next((event) => event.event === 'alert');
      expect(JSON.parse(afterRestart.data).recordId).toBe(whileDown);
      expect(
        stream.received.filter((event) => event.event === 'alert').map((event) => JSON.parse(event.data).recordId),
      ).not.toContain(first);
    } finally {
      stream.close();
    }
  });

  it('refuses an agency more open streams than it may hold, and bad resume positions', async () => {
    const key = await analystKey(suite, 'LVA');
    const streams = await Promise.all([1, 2, 3].map(() => openAlertStream(suite.url('alerting'), key)));
    try {
      const refused = await alertingCall(suite, key, 'GET', '/v1/alerts/stream');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(refused.body.error.code).toBe('too_many_streams');
    } finally {
      streams.forEach((stream) => stream.close());
    }
    const bad = await fetch(`${suite.url('alerting')}/v1/alerts/stream`, {
      headers: { authorization: `Bearer ${key}`, 'last-event-id': 'yesterday' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).error.details[0]).toMatchObject({ field: 'Last-Event-ID', rule: 'isCursor' });
  });
});

describe('webhooks', () => {
  it('are signed, retried with backoff until the receiver recovers, then dead-lettered when it never does, and can be re-sent', async () => {
    const key = await analystKey(suite, 'PRT');
    const flaky = await registerWebhook(key, '/prt-flaky');
    const broken = await registerWebhook(key, '/prt-broken');
    await subscribe(key, {
      name: 'Red notices to the case system',
      noticeColours: ['red'],
      webhookId: flaky.webhookId,
    });
    await subscribe(key, {
      name: 'Red notices to the old system',
      noticeColours: ['red'],
      webhookId: broken.webhookId,
    });
    receiver.answer('/prt-flaky', 503);
    receiver.answer('/prt-broken', 500);

    const recordId = await share('PRT', wantedPerson());
    await receiver.waitFor('/prt-flaky', 2);
    receiver.answer('/prt-flaky', 200);
    const [delivered] = await receiver.waitFor('/prt-flaky', 1, (delivery) => delivery.answeredWith === 200);
    expect(delivered.body).toMatchObject({
      event: 'alert.raised',
      alert: { recordId, entryId: 'RN-2026-000101', agency: 'PRT' },
    });
    expect(
      verifyWebhookSignature(flaky.secret, delivered.rawBody, delivered.headers['x-crosscheck-signature'] as string),
    ).toBe(true);
    expect(
      verifyWebhookSignature(broken.secret, delivered.rawBody, delivered.headers['x-crosscheck-signature'] as string),
    ).toBe(false);
    expect(delivered.headers['x-crosscheck-delivery']).toBe(delivered.body.deliveryId);

    const brokenCalls = await receiver.waitFor('/prt-broken', 4);
    const gaps = brokenCalls.slice(1).map((call, index) => call.at - brokenCalls[index].at);
    expect(gaps.every((gap) => gap >= 20)).toBe(true);
    const dead = await eventually(
      () => alertingCall(suite, key, 'GET', `/v1/webhooks/deliveries?status=dead&webhook=${broken.webhookId}`),
      (answer) => answer.body.deliveries.length === 1,
    );
    expect(dead.body.deliveries[0]).toMatchObject({
      status: 'dead',
      attempts: 4,
      lastStatus: 500,
      event: 'alert.raised',
    });
    const log = await alertingCall(suite, key, 'GET', `/v1/webhooks/deliveries?webhook=${flaky.webhookId}`);
    expect(log.body.deliveries[0]).toMatchObject({ status: 'delivered', lastStatus: 200 });
    expect(log.body.deliveries[0].attempts).toBeGreaterThanOrEqual(3);

    receiver.answer('/prt-broken', 204);
    const resent = await alertingCall(
      suite,
      key,
      'POST',
      `/v1/webhooks/deliveries/${dead.body.deliveries[0].deliveryId}/resend`,
    );
    expect(resent.status).toBe(202);
    await receiver.waitFor('/prt-broken', 1, (delivery) => delivery.answeredWith === 204);
    const again = await eventually(
      () => alertingCall(suite, key, 'GET', `/v1/webhooks/deliveries?webhook=${broken.webhookId}&status=delivered`),
      (answer) => answer.body.deliveries.length === 1,
    );
    expect(again.body.deliveries[0]).toMatchObject({ resentFrom: dead.body.deliveries[0].deliveryId, attempts: 1 });
  });

  it('refuse URLs that are not http(s) or carry credentials, naming the field and the rule, and register nothing', async () => {
    const key = await analystKey(suite, 'GRC');
    for (const [url, rule] of [
      ['ftp://hooks.example.org/in', 'protocol'],
      ['https://user:secret@hooks.example.org/in', 'noCredentials'],
      ['hooks.example.org/in', 'isUrl'],
    ]) {
      const refused = await alertingCall(suite, key, 'POST', '/v1/webhooks', { url });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'url', rule })]);
    }
    expect((await alertingCall(suite, key, 'GET', '/v1/webhooks')).body.webhooks).toEqual([]);
  });
});

describe('triage', () => {
  it('moves an alert along its life with reasons in the audit log, and a false positive stays silent until the data changes', async () => {
    const key = await analystKey(suite, 'EST');
    await subscribe(key, { name: 'Red notices', noticeColours: ['red'] });
    const record = wantedPerson();
    await share('EST', record);
    const [alert] = await eventually(
      () => alertsOf(suite, key),
      (alerts) => alerts.length === 1,
    );

    const skipped = await alertingCall(suite, key, 'POST', `/v1/alerts/${alert.alertId}/triage`, {
      status: 'retracted',
      reason: 'no',
    });
    expect(skipped.status).toBe(400);
    expect(skipped.body.error.details).toEqual([expect.objectContaining({ field: 'status', rule: 'isIn' })]);
    const acknowledged = await alertingCall(suite, key, 'POST', `/v1/alerts/${alert.alertId}/triage`, {
      status: 'acknowledged',
      reason: 'looking into it',
    });
    expect(acknowledged.body).toMatchObject({
      status: 'acknowledged',
      triage: [expect.objectContaining({ status: 'acknowledged', reason: 'looking into it' })],
    });
    const backwards = await alertingCall(suite, key, 'POST', `/v1/alerts/${alert.alertId}/triage`, {
      status: 'acknowledged',
      reason: 'again',
    });
    expect(backwards.status).toBe(409);
    expect(backwards.body.error.code).toBe('invalid_transition');
    const falsePositive = await alertingCall(suite, key, 'POST', `/v1/alerts/${alert.alertId}/triage`, {
      status: 'false_positive',
      reason: 'different father’s name on file',
    });
    expect(falsePositive.body.status).toBe('false_positive');

    const stream = await openAlertStream(suite.url('alerting'), key, falsePositive.body.cursor);
    try {
      // The same data shared again, under another reference: nothing new.
      await share('EST', { ...record, externalRef: `EE-${randomUUID()}` });
      await waitForPipelineIdle(suite);
      expect(await alertsOf(suite, key)).toEqual([
        expect.objectContaining({ alertId: alert.alertId, status: 'false_positive' }),
      ]);
      expect(stream.received.filter((event) => event.event === 'alert')).toEqual([]);

      // New data on the record's side: the pair is news again.
      await share('EST', {
        ...record,
        externalRef: `EE-${randomUUID()}`,
        person: { ...record.person, placeOfBirth: 'Tallinn' },
      });
      const reopened = JSON.parse((await stream.next((event) => event.event === 'alert')).data);
      expect(reopened).toMatchObject({ alertId: alert.alertId, status: 'new' });
    } finally {
      stream.close();
    }

    const admin = await suite.agencies.admin();
    await suite.agencies.accepted(admin, suite.url('alerting'));
    const audit = await fetch(`${suite.url('alerting')}/v1/admin/audit?agency=EST&action=alert.triage.false_positive`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const [line] = ((await audit.json()) as any).entries;
    expect(line).toMatchObject({ agency: 'EST', outcome: 'ok', recordIds: [alert.recordId] });
    expect(line.keyId).toBeTruthy();
    expect(line.detail).toContain('different father’s name on file');
  });

  it('lets only the owner of the reference entry confirm or reject the hit, and every alert of the pair shows it', async () => {
    const sharer = await analystKey(suite, 'ISL');
    const owner = await analystKey(suite, 'IPSG');
    const recordId = await share('ISL', kovalenko());
    const [sharerAlert] = await eventually(
      () => alertsOf(suite, sharer),
      (alerts) => alerts.length === 1,
    );
    const ownerAlert = (
      await eventually(
        () => alertsOf(suite, owner),
        (alerts) => alerts.some((a) => a.recordId === recordId),
      )
    ).find((a) => a.recordId === recordId);

    const notTheirs = await alertingCall(suite, sharer, 'POST', `/v1/alerts/${sharerAlert.alertId}/owner-decision`, {
      decision: 'confirmed',
      reason: 'we think so',
    });
    expect(notTheirs.status).toBe(403);
    const confirmed = await alertingCall(suite, owner, 'POST', `/v1/alerts/${ownerAlert.alertId}/owner-decision`, {
      decision: 'confirmed',
      reason: 'fingerprints compared',
    });
    expect(confirmed.status).toBe(200);
    const seenBySharer = await alertingCall(suite, sharer, 'GET', `/v1/alerts/${sharerAlert.alertId}`);
    expect(seenBySharer.body.ownerDecision).toMatchObject({
      decision: 'confirmed',
      reason: 'fingerprints compared',
      agency: 'IPSG',
    });
  });
});

describe('bad input', () => {
  it('gets clear errors that name the field and the rule, and changes nothing', async () => {
    const key = await analystKey(suite, 'MLT');
    const cases: [unknown, string, string][] = [
      [{}, 'name', 'isDefined'],
      [{ name: 'x', datasets: ['stolen-bikes'] }, 'datasets', 'isIn'],
      [{ name: 'x', noticeColours: ['pink'] }, 'noticeColours', 'isIn'],
      [{ name: 'x', recordKinds: ['boat'] }, 'recordKinds', 'isIn'],
      [{ name: 'x', countries: ['XX'] }, 'countries', 'isISO31661Alpha3'],
      [{ name: 'x', minScore: 1.5 }, 'minScore', 'max'],
      [{ name: 'x', levels: ['certain'] }, 'levels', 'isIn'],
      [{ name: 'x', webhookId: randomUUID() }, 'webhookId', 'exists'],
      [{ name: 'x', colour: 'red' }, 'colour', 'unknownField'],
    ];
    for (const [body, field, rule] of cases) {
      const refused = await alertingCall(suite, key, 'POST', '/v1/subscriptions', body);
      expect([refused.status, refused.body.error.details]).toEqual([
        400,
        expect.arrayContaining([expect.objectContaining({ field, rule })]),
      ]);
    }
    const malformed = await alertingCall(suite, key, 'POST', '/v1/subscriptions', '{"name": ');
    expect(malformed.status).toBe(400);
    expect((await alertingCall(suite, key, 'GET', '/v1/subscriptions')).body.subscriptions).toEqual([]);

    const unknownFilter = await alertingCall(suite, key, 'GET', '/v1/alerts?colour=red');
    expect(unknownFilter.body.error.details).toEqual([
      expect.objectContaining({ field: 'colour', rule: 'unknownParameter' }),
    ]);
    expect((await alertingCall(suite, key, 'GET', '/v1/alerts/not-an-id')).status).toBe(404);
    expect((await alertingCall(suite, key, 'GET', `/v1/alerts/${randomUUID()}`)).status).toBe(404);
  });

  it('answers 401 without a valid key and 403 without the analyst role', async () => {
    expect((await fetch(`${suite.url('alerting')}/v1/alerts`)).status).toBe(401);
    expect(
      (await fetch(`${suite.url('alerting')}/v1/alerts/stream`, { headers: { authorization: 'Bearer cck_nope_nope' } }))
        .status,
    ).toBe(401);
    const agencyKey = await suite.agencies.key('MLT');
    await suite.agencies.accepted(agencyKey, suite.url('alerting'));
    expect((await alertingCall(suite, agencyKey, 'GET', '/v1/alerts')).status).toBe(403);
    expect((await alertingCall(suite, agencyKey, 'POST', '/v1/subscriptions', { name: 'x' })).status).toBe(403);
  });
});
