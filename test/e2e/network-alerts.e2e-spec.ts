/**
 * Network links as analysts hear of them: when a record connects one agency's
 * case to another agency's through the network (a shared phone, a declared
 * relation), both agencies get a `network_link` alert whose explanation is the
 * path, each as it may see it; a pair of cases linked again is not told again;
 * subscriptions choose whether they want network links. An owner-only record
 * (and the relations it declares) is on no path another agency is shown, and
 * a link that cannot be explained without it is not told to that agency at
 * all. A link stays only while a path explains it: one through an address
 * that then becomes common (more than five records carry it), or through a
 * record that is withdrawn, is retracted for both sides, and may be told again
 * through a new path. Organisations sharing a registration number (same type,
 * same country) in different entities are linked like persons sharing a
 * phone. A link told before dedup kept what its path rests on is searched
 * again when a resolution reaches its pair, and is retracted like any other
 * from then on. Real intake, dedup and alerting processes, real Kafka, real
 * Postgres.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { alertingCall, alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { startWebhookReceiver, WebhookReceiver } from '../harness/webhook-receiver';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;
let receiver: WebhookReceiver;

beforeAll(async () => {
  suite = await createSuite('network-alerts');
  // One after the other: three services loading at once on a busy machine can miss their start deadline.
  for (const service of ['intake', 'dedup'] as const) await suite.start(service);
  // An agency's case system on loopback: the one private target alerting may call.
  receiver = await startWebhookReceiver();
  await suite.startWith('alerting', { WEBHOOK_ALLOWED_PRIVATE_TARGETS: new URL(receiver.url()).host });
});

afterAll(async () => {
  await suite?.close();
  await receiver?.close();
});

type Dissemination = { scope: 'all' } | { scope: 'owner-only' };

async function share(
  agency: string,
  kind: 'person' | 'vehicle' | 'organisation',
  body: object,
  options: { caseRef: string; externalRef?: string; dissemination?: Dissemination },
): Promise<string> {
  const shared = await shareRecord(suite.url('intake'), await suite.agencies.key(agency), {
    kind,
    externalRef: options.externalRef ?? `REF-${randomUUID()}`,
    dissemination: options.dissemination ?? { scope: 'all' },
    purpose: 'investigation',
    caseRef: options.caseRef,
    [kind]: body,
  });
  if (shared.status !== 201) throw new Error(`sharing was refused: ${shared.status} ${JSON.stringify(shared.body)}`);
  return shared.body.record.id as string;
}

const person = (family: string, extra: object = {}) => ({
  names: [{ given: 'Linked', family: `${family}${randomUUID().slice(0, 8)}` }],
  ...extra,
});

const networkLinks = async (key: string) => alertsOf(suite, key, 'kind=network_link');

describe('two agencies’ cases linked through a shared phone', () => {
  let fraKey: string;
  let deuKey: string;
  let deuLinks: string;
  let deuHits: string;
  let french: string;
  let german: string;

  beforeAll(async () => {
    [fraKey, deuKey] = [await analystKey(suite, 'FRA'), await analystKey(suite, 'DEU')];
    const subscribe = async (body: object) =>
      (await alertingCall(suite, deuKey, 'POST', '/v1/subscriptions', body)).body.subscriptionId as string;
    deuLinks = await subscribe({ name: 'links between cases', kinds: ['network_link'] });
    deuHits = await subscribe({ name: 'hits only', kinds: ['match'] });
    french = await share('FRA', 'person', person('Lefort', { phones: [{ number: '+33 6 41 22 33 01' }] }), {
      caseRef: 'FR-OP-1',
    });
    german = await share(
      'DEU',
      'person',
      person('Brandt', { phones: [{ number: '06 41 22 33 01', country: 'FRA' }] }),
      { caseRef: 'DE-K-9' },
    );
    await waitForPipelineIdle(suite);
  });

  it('raise a network_link alert to both, the path as its explanation', async () => {
    const [fra] = await networkLinks(fraKey);
    expect(await networkLinks(fraKey)).toHaveLength(1);
    expect(fra).toMatchObject({
      kind: 'network_link',
      agency: 'FRA',
      subscriptionId: null,
      recordId: french,
      level: 'link',
      score: 0.9,
      matchId: null,
      dataset: null,
      entryId: null,
    });
    expect(fra.networkLink).toMatchObject({
      ownCase: { agency: 'FRA', caseRef: 'FR-OP-1', recordId: french },
      otherCase: { agency: 'DEU', caseRef: 'DE-K-9', recordId: german },
      path: [
        expect.objectContaining({
          fromRecordId: french,
          toRecordId: german,
          reason: 'phone',
          strength: 'strong',
          explanation: 'same phone number +33641223301, carried by 2 records',
        }),
      ],
      explanation: 'FRA case FR-OP-1 — same phone number +33641223301, carried by 2 records — DEU case DE-K-9',
    });

    const deu = await networkLinks(deuKey);
    expect(deu).toHaveLength(1);
    expect(deu[0]).toMatchObject({ agency: 'DEU', subscriptionId: deuLinks, recordId: german });
    expect(deu[0].networkLink).toMatchObject({
      ownCase: { agency: 'DEU', caseRef: 'DE-K-9' },
      otherCase: { agency: 'FRA', caseRef: 'FR-OP-1' },
      explanation: 'DEU case DE-K-9 — same phone number +33641223301, carried by 2 records — FRA case FR-OP-1',
    });
  });

  it('is shown in full on the alert, and only to its agency', async () => {
    const [fra] = await networkLinks(fraKey);
    const detail = await alertingCall(suite, fraKey, 'GET', `/v1/alerts/${fra.alertId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.networkLink.otherCase.caseRef).toBe('DE-K-9');
    expect((await alertingCall(suite, deuKey, 'GET', `/v1/alerts/${fra.alertId}`)).status).toBe(404);
  });

  it.each([
    [{ name: 'links', kinds: ['links'] }, 'kinds', 'isIn'],
    [{ name: 'links', kinds: 'network_link' }, 'kinds', 'isArray'],
    [{ name: 'links', kinds: ['network_link', 'network_link'] }, 'kinds', 'arrayUnique'],
  ])('refuses a subscription with %j: %s must pass %s', async (body, field, rule) => {
    const refused = await alertingCall(suite, deuKey, 'POST', '/v1/subscriptions', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
  });

  it('refuses to list alerts of a kind that does not exist, naming the parameter', async () => {
    const refused = await alertingCall(suite, deuKey, 'GET', '/v1/alerts?kind=network');
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('reaches no subscription that asked for hits only', async () => {
    expect(await alertsOf(suite, deuKey, `subscription=${deuHits}`)).toEqual([]);
  });

  it('is not told again when the same cases are linked again', async () => {
    await share('FRA', 'person', person('Lefort', { phones: [{ number: '+33641223301' }] }), { caseRef: 'FR-OP-1' });
    await waitForPipelineIdle(suite);
    expect(await networkLinks(fraKey)).toHaveLength(1);
    expect(await networkLinks(deuKey)).toHaveLength(1);
  });

  it('is judged like any alert, without an owner’s decision to ask for', async () => {
    const [fra] = await networkLinks(fraKey);
    const judged = await alertingCall(suite, fraKey, 'POST', `/v1/alerts/${fra.alertId}/triage`, {
      status: 'false_positive',
      reason: 'same family phone',
    });
    expect(judged.status).toBe(200);
    expect(judged.body.status).toBe('false_positive');
    const decision = await alertingCall(suite, fraKey, 'POST', `/v1/alerts/${fra.alertId}/owner-decision`, {
      decision: 'confirmed',
      reason: 'not a hit',
    });
    expect(decision.status).toBe(409);
    expect(decision.body.error).toMatchObject({ code: 'not_a_hit', details: [{ field: 'decision', rule: 'hit' }] });
  });
});

describe('an owner-only relation', () => {
  let fraKey: string;
  let espKey: string;
  let hidden: string;
  let vehicle: string;
  let spanish: string;

  beforeAll(async () => {
    [fraKey, espKey] = [await analystKey(suite, 'FRA'), await analystKey(suite, 'ESP')];
    // FRA's car (shared with all) and FRA's secret driver (owner-only), who used it and shares a phone with ESP's suspect.
    vehicle = await share(
      'FRA',
      'vehicle',
      { vin: '1M8GDM9AXKP042788', plate: 'AB-123-CD', registrationCountry: 'FRA' },
      { caseRef: 'FR-CAR-CASE', externalRef: 'FR-CAR-1' },
    );
    hidden = await share(
      'FRA',
      'person',
      person('Secret', {
        phones: [{ number: '+33 6 41 22 44 01' }],
        relations: [{ to: 'FR-CAR-1', role: 'used', since: '2025-03' }],
      }),
      { caseRef: 'FR-SECRET', dissemination: { scope: 'owner-only' } },
    );
    spanish = await share('ESP', 'person', person('Ortega', { phones: [{ number: '+33641224401' }] }), {
      caseRef: 'ES-22',
    });
    await waitForPipelineIdle(suite);
  });

  it('is on the path its owner is shown', async () => {
    const links = (await networkLinks(fraKey)).filter((alert) => alert.networkLink.otherCase.caseRef === 'ES-22');
    const byCase = Object.fromEntries(links.map((alert) => [alert.networkLink.ownCase.caseRef, alert.networkLink]));
    expect(Object.keys(byCase).sort()).toEqual(['FR-CAR-CASE', 'FR-SECRET']);
    expect(byCase['FR-SECRET'].path.map((step: { reason: string }) => step.reason)).toEqual(['phone']);
    expect(byCase['FR-CAR-CASE'].path.map((step: { toRecordId: string }) => step.toRecordId)).toEqual([
      hidden,
      spanish,
    ]);
    expect(byCase['FR-CAR-CASE'].explanation).toBe(
      'FRA case FR-CAR-CASE — FRA declared: used, since 2025-03 — another record — ' +
        'same phone number +33641224401, carried by 2 records — ESP case ES-22',
    );
  });

  it('stays invisible to others, and so does the link that only it explains', async () => {
    // ESP may see FRA's car, but the car reaches ESP's suspect only through the secret driver.
    const visibleVehicle = await alertingCall(suite, espKey, 'GET', '/v1/alerts?kind=network_link');
    expect(visibleVehicle.status).toBe(200);
    expect(visibleVehicle.body.alerts).toEqual([]);
    const everything = JSON.stringify(await alertsOf(suite, espKey));
    for (const secret of [hidden, 'FR-SECRET', 'used', vehicle]) expect(everything).not.toContain(secret);
  });
});

/** The id of the (live) link between the agency's case and the other's. */
async function linkIdBetween(key: string, ownCase: string, otherCase: string): Promise<string> {
  const alerts = (await networkLinks(key)).filter(
    (alert) => alert.networkLink.ownCase.caseRef === ownCase && alert.networkLink.otherCase.caseRef === otherCase,
  );
  expect(alerts).toEqual([expect.objectContaining({ status: 'new', retraction: null })]);
  return alerts[0].networkLink.linkId;
}

/** The agency's alerts on a link, live or retracted (a retraction keeps the link id, not the other case). */
const alertsOnLink = async (key: string, linkId: string) =>
  (await networkLinks(key)).filter((alert) => alert.networkLink.linkId === linkId);

describe('a link through an address that then becomes common', () => {
  const tag = randomUUID().slice(0, 8);
  const hostel = {
    street: `Harbour Street ${tag}`,
    number: '12',
    postcode: '1012',
    locality: 'Amsterdam',
    country: 'NLD',
  };
  let itaKey: string;
  let nldKey: string;
  let belKey: string;
  let italian: string;
  let linkId: string;

  beforeAll(async () => {
    [itaKey, nldKey, belKey] = [
      await analystKey(suite, 'ITA'),
      await analystKey(suite, 'NLD'),
      await analystKey(suite, 'BEL'),
    ];
    italian = await share('ITA', 'person', person('Rossi', { addresses: [hostel] }), { caseRef: `IT-${tag}` });
    await share('NLD', 'person', person('Visser', { addresses: [hostel] }), { caseRef: `NL-${tag}` });
    await waitForPipelineIdle(suite);
  });

  it('is told to both sides while the address is rare', async () => {
    linkId = await linkIdBetween(itaKey, `IT-${tag}`, `NL-${tag}`);
    const [ita] = await alertsOnLink(itaKey, linkId);
    expect(ita.networkLink.path).toEqual([expect.objectContaining({ reason: 'address', strength: 'strong' })]);
    expect(await linkIdBetween(nldKey, `NL-${tag}`, `IT-${tag}`)).toBe(linkId);
  });

  it('is retracted for both sides once six records carry the address, telling nothing more of the other case', async () => {
    for (const index of [1, 2, 3, 4])
      await share('BEL', 'person', person(`Guest${index}x`, { addresses: [hostel] }), {
        caseRef: `BE-${tag}-${index}`,
      });
    await waitForPipelineIdle(suite);

    for (const [key, own, other] of [
      [itaKey, `IT-${tag}`, `NL-${tag}`],
      [nldKey, `NL-${tag}`, `IT-${tag}`],
    ]) {
      const alerts = await alertsOnLink(key, linkId);
      expect(alerts).toEqual([
        expect.objectContaining({
          status: 'retracted',
          retraction: {
            reason: expect.stringContaining('a value shared along the path became too common to link cases'),
            at: expect.any(String),
          },
        }),
      ]);
      expect(alerts[0].networkLink).toMatchObject({ ownCase: { caseRef: own }, path: [], explanation: '' });
      expect(JSON.stringify(alerts[0].networkLink)).not.toContain(other);
    }
    // The guests' links, made while the address still looked rare, went with it.
    const guests = (await networkLinks(belKey)).filter((alert) =>
      alert.networkLink.ownCase.caseRef.startsWith(`BE-${tag}`),
    );
    expect(guests.length).toBeGreaterThan(0);
    expect(guests.filter((alert) => alert.status !== 'retracted')).toEqual([]);
  });

  it('is told again, with a new alert, when a new path appears', async () => {
    await share('ITA', 'person', person('Rossi', { phones: [{ number: '+39 347 555 0199' }] }), {
      caseRef: `IT-${tag}`,
    });
    await share('NLD', 'person', person('Visser', { phones: [{ number: '+39 347 555 0199' }] }), {
      caseRef: `NL-${tag}`,
    });
    await waitForPipelineIdle(suite);
    const alerts = await alertsOnLink(itaKey, linkId);
    expect(alerts.map((alert) => alert.status).sort()).toEqual(['new', 'retracted']);
    const told = alerts.find((alert) => alert.status === 'new');
    expect(told.networkLink.path).toEqual([expect.objectContaining({ reason: 'phone' })]);
    expect(told.recordId).not.toBe(italian);
  });
});

describe('a link through a record that is withdrawn', () => {
  const tag = randomUUID().slice(0, 8);
  let polKey: string;
  let czeKey: string;
  let czech: string;

  beforeAll(async () => {
    [polKey, czeKey] = [await analystKey(suite, 'POL'), await analystKey(suite, 'CZE')];
    const webhook = await alertingCall(suite, polKey, 'POST', '/v1/webhooks', { url: receiver.url('/pol') });
    expect(webhook.status).toBe(201);
    const subscribed = await alertingCall(suite, polKey, 'POST', '/v1/subscriptions', {
      name: 'links, to the case system',
      kinds: ['network_link'],
      webhookId: webhook.body.webhookId,
    });
    expect(subscribed.status).toBe(201);
    await share('POL', 'person', person('Nowak', { phones: [{ number: '+48 512 345 678' }] }), {
      caseRef: `PL-${tag}`,
    });
    czech = await share('CZE', 'person', person('Novak', { phones: [{ number: '+48512345678' }] }), {
      caseRef: `CZ-${tag}`,
    });
    await waitForPipelineIdle(suite);
  });

  it('is retracted for both sides, the subscription’s webhook told', async () => {
    const linkId = await linkIdBetween(polKey, `PL-${tag}`, `CZ-${tag}`);
    const [polAlert] = await alertsOnLink(polKey, linkId);
    expect(await linkIdBetween(czeKey, `CZ-${tag}`, `PL-${tag}`)).toBe(linkId);

    const withdrawn = await fetch(`${suite.url('intake')}/v1/records/${czech}?reason=entered%20in%20error`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await suite.agencies.key('CZE')}` },
    });
    expect(withdrawn.status).toBe(200);
    await waitForPipelineIdle(suite);

    for (const key of [polKey, czeKey])
      expect(await alertsOnLink(key, linkId)).toEqual([
        expect.objectContaining({
          status: 'retracted',
          retraction: expect.objectContaining({
            reason: expect.stringContaining('a record on the path was withdrawn'),
          }),
          networkLink: expect.objectContaining({ path: [] }),
        }),
      ]);
    expect(JSON.stringify(await alertsOnLink(polKey, linkId))).not.toContain(czech);
    const [notice] = await receiver.waitFor('/pol', 1, (delivery) => delivery.body?.event === 'alert.retracted');
    expect(notice.body.alert).toMatchObject({ alertId: polAlert.alertId, status: 'retracted' });
    expect(notice.rawBody).not.toContain(czech);
  });
});

describe('a link through a record whose new version no longer carries the shared phone', () => {
  const tag = randomUUID().slice(0, 8);

  it('is retracted for both sides', async () => {
    const [autKey, cheKey] = [await analystKey(suite, 'AUT'), await analystKey(suite, 'CHE')];
    await share('AUT', 'person', person('Huber', { phones: [{ number: '+43 664 123 4567' }] }), {
      caseRef: `AT-${tag}`,
    });
    const swiss = person('Meier', { phones: [{ number: '+436641234567' }] });
    const swissId = await share('CHE', 'person', swiss, { caseRef: `CH-${tag}` });
    await waitForPipelineIdle(suite);
    const linkId = await linkIdBetween(autKey, `AT-${tag}`, `CH-${tag}`);
    expect(await linkIdBetween(cheKey, `CH-${tag}`, `AT-${tag}`)).toBe(linkId);

    const updated = await fetch(`${suite.url('intake')}/v1/records/${swissId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await suite.agencies.key('CHE')}` },
      body: JSON.stringify({
        kind: 'person',
        dissemination: { scope: 'all' },
        purpose: 'investigation',
        caseRef: `CH-${tag}`,
        person: { names: swiss.names },
      }),
    });
    expect(updated.status).toBe(200);
    await waitForPipelineIdle(suite);

    for (const key of [autKey, cheKey])
      expect(await alertsOnLink(key, linkId)).toEqual([
        expect.objectContaining({
          status: 'retracted',
          retraction: expect.objectContaining({
            reason: expect.stringContaining('a record on the path came in a new version'),
          }),
        }),
      ]);
  });
});

describe('organisations in different entities sharing a registration number', () => {
  const tag = randomUUID().slice(0, 8);
  const digits = String(Date.now()).slice(-8);
  const [first, second] = [`55${digits}`, `56${digits}`];
  const registered = (number: string) => ({ type: 'company_registration', number, country: 'SWE' });
  let sweKey: string;
  let dnkKey: string;
  let norKey: string;
  let swedish: string;
  let norwegian: string;
  let danish: string;

  beforeAll(async () => {
    [sweKey, dnkKey, norKey] = [
      await analystKey(suite, 'SWE'),
      await analystKey(suite, 'DNK'),
      await analystKey(suite, 'NOR'),
    ];
    swedish = await share(
      'SWE',
      'organisation',
      { names: [{ name: `Falk${tag} Shipping AB` }], registrationNumbers: [registered(first)] },
      { caseRef: `SE-${tag}` },
    );
    // Its owner's alone: on no path another agency is shown.
    norwegian = await share(
      'NOR',
      'organisation',
      { names: [{ name: `Ulv${tag} Tømmer AS` }], registrationNumbers: [registered(second)] },
      { caseRef: `NO-${tag}`, dissemination: { scope: 'owner-only' } },
    );
    // Registered under both numbers: as much one organisation as the other, so dedup joins it to neither.
    danish = await share(
      'DNK',
      'organisation',
      {
        names: [{ name: `Rav${tag} Handel ApS` }],
        registrationNumbers: [
          registered(first),
          { ...registered(second), number: `${second.slice(0, 4)}-${second.slice(4)}` },
        ],
      },
      { caseRef: `DK-${tag}` },
    );
    await waitForPipelineIdle(suite);
  });

  it('raise a network_link to both agencies, the path saying which number they share', async () => {
    const linkId = await linkIdBetween(dnkKey, `DK-${tag}`, `SE-${tag}`);
    const [dnk] = await alertsOnLink(dnkKey, linkId);
    expect(dnk).toMatchObject({ recordId: danish, score: 0.95 });
    expect(dnk.networkLink.path).toEqual([
      expect.objectContaining({
        fromRecordId: danish,
        toRecordId: swedish,
        reason: 'registration',
        strength: 'strong',
        explanation: `same registration number ${first} (SWE company registration), carried by 2 records`,
      }),
    ]);
    expect(await linkIdBetween(sweKey, `SE-${tag}`, `DK-${tag}`)).toBe(linkId);
  });

  it('tell the owner of an owner-only organisation sharing the other number, and nobody else of it', async () => {
    const norLinks = await networkLinks(norKey);
    const toCase = (caseRef: string) =>
      norLinks.find((alert) => alert.networkLink.otherCase.caseRef === caseRef)?.networkLink;
    expect(toCase(`DK-${tag}`).path).toEqual([
      expect.objectContaining({
        reason: 'registration',
        explanation: `same registration number ${second} (SWE company registration), carried by 2 records`,
      }),
    ]);
    expect(toCase(`SE-${tag}`).path.map((step: { reason: string }) => step.reason)).toEqual([
      'registration',
      'registration',
    ]);
    for (const key of [sweKey, dnkKey]) {
      const told = JSON.stringify(await alertsOf(suite, key));
      for (const hidden of [norwegian, `NO-${tag}`, second]) expect(told).not.toContain(hidden);
    }
  });

  it('are an edge of the network, explained', async () => {
    await suite.agencies.accepted(sweKey, suite.url('dedup'));
    const entity = await fetch(`${suite.url('dedup')}/v1/records/${swedish}/entity`, {
      headers: { authorization: `Bearer ${sweKey}` },
    });
    const { entityId } = (await entity.json()) as { entityId: string };
    const network = await fetch(`${suite.url('dedup')}/v1/entities/${entityId}/network?depth=2`, {
      headers: { authorization: `Bearer ${sweKey}` },
    });
    const shown = (await network.json()) as any;
    for (const hidden of [norwegian, second]) expect(JSON.stringify(shown)).not.toContain(hidden);
    expect(shown.edges).toEqual([
      expect.objectContaining({
        reason: 'registration',
        value: `company_registration|SWE|${first}`,
        explanation: `same registration number ${first} (SWE company registration), carried by 2 records`,
      }),
    ]);
  });
});

describe('a link told before dedup kept what its path rests on', () => {
  const tag = randomUUID().slice(0, 8);
  const phone = `+3367${String(Date.now()).slice(-7)}`;
  let estKey: string;
  let lvaKey: string;
  let linkId: string;

  beforeAll(async () => {
    [estKey, lvaKey] = [await analystKey(suite, 'EST'), await analystKey(suite, 'LVA')];
    await share('EST', 'person', person('Tamm', { phones: [{ number: phone }] }), { caseRef: `EE-${tag}` });
    await share('LVA', 'person', person('Berzins', { phones: [{ number: phone }] }), { caseRef: `LV-${tag}` });
    await waitForPipelineIdle(suite);
    linkId = await linkIdBetween(estKey, `EE-${tag}`, `LV-${tag}`);
    // As a row told before migration 1763800000255 stands: the link and the side told, nothing of the path.
    const db = new Client({ connectionString: suite.databaseUrl });
    await db.connect();
    try {
      const forgotten = await db.query(
        `UPDATE dedup.network_links SET own_case = NULL, other_case = NULL, path_values = '{}', path_records = '{}'
          WHERE link_id = $1`,
        [linkId],
      );
      expect(forgotten.rowCount).toBe(2);
    } finally {
      await db.end();
    }
  });

  it('is searched again when a resolution reaches it, and retracted once its phone grows common', async () => {
    // A third carrier: its resolution walks across the two cases and finds the path again, telling no one anew.
    await share('LTU', 'person', person('Kazlauskas', { phones: [{ number: phone }] }), { caseRef: `LT-${tag}-0` });
    await waitForPipelineIdle(suite);
    expect(await alertsOnLink(estKey, linkId)).toEqual([expect.objectContaining({ status: 'new' })]);
    for (const index of [1, 2, 3])
      await share('LTU', 'person', person(`Guest${index}x`, { phones: [{ number: phone }] }), {
        caseRef: `LT-${tag}-${index}`,
      });
    await waitForPipelineIdle(suite);
    for (const key of [estKey, lvaKey])
      expect(await alertsOnLink(key, linkId)).toEqual([
        expect.objectContaining({
          status: 'retracted',
          retraction: expect.objectContaining({
            reason: expect.stringContaining('a value shared along the path became too common to link cases'),
          }),
        }),
      ]);
  });
});
