/**
 * Dissemination on every exit, as a table: every way out of the exchange
 * (record read, list, identifier search, entity by record, entity, its network, alert
 * list, alert detail with its explanation, stream, webhook, and the analyst
 * console's proxy in front of alerting and dedup) × every scope a
 * record can have (all, named agencies, owner only, withdrawn, expired) ×
 * every kind of caller (the owner, a named agency, another agency). A caller
 * the record is disseminated to finds it on every exit; any other caller
 * finds no trace of it on any exit: not its data, not its id.
 *
 * The policy axis: named agencies and owner only come twice, with the
 * record's outside policy `hidden` (the default) and `hit-no-hit`. The policy
 * changes nothing for the callers; the entry's owner (MXD), outside the
 * record's audience, hears of a hit/no-hit record's hit without the record
 * and of a hidden one not at all.
 *
 * The records are stolen passports shared by MXO that each hit an entry of
 * the stolen-document dataset (owned by MXD, disseminated to all), so every
 * one of them raises alerts; every agency subscribes to all hits, with a
 * webhook and an open stream.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AlertStream, openAlertStream } from '../harness/alert-stream';
import { alertingCall, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadReference } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { startWebhookReceiver, WebhookReceiver } from '../harness/webhook-receiver';

jest.setTimeout(240_000);

const OWNER = 'MXO';
const NAMED = 'MXN';
const OTHER = 'MXX';
const CALLERS = [OWNER, NAMED, OTHER] as const;
type Caller = (typeof CALLERS)[number];
const SCOPES = ['all', 'agencies', 'owner-only', 'agencies-hnh', 'owner-only-hnh', 'withdrawn', 'expired'] as const;
type Scope = (typeof SCOPES)[number];

/** Who a record of each scope is disseminated to, besides its owner, once the test has set it up. */
const READERS: Record<Scope, Caller[]> = {
  all: [NAMED, OTHER],
  agencies: [NAMED],
  'owner-only': [],
  'agencies-hnh': [NAMED],
  'owner-only-hnh': [],
  withdrawn: [],
  expired: [],
};
const visibleTo = (scope: Scope, caller: Caller) => caller === OWNER || READERS[scope].includes(caller);
/** The owner of the stolen-document entries every record hits. */
const ENTRY_OWNER = 'MXD';
/** What the entry's owner hears of each record's hit: all of it, that there is one (hit/no-hit), or nothing. */
const ENTRY_OWNER_HEARS: Partial<Record<Scope, 'full' | 'hit-no-hit' | 'nothing'>> = {
  all: 'full',
  agencies: 'nothing',
  'owner-only': 'nothing',
  'agencies-hnh': 'hit-no-hit',
  'owner-only-hnh': 'hit-no-hit',
};
let entryOwnerAnalyst: string;

interface SharedRecord {
  scope: Scope;
  id: string;
  number: string;
  holder: string;
  entityId: string;
}

let suite: Suite;
let receiver: WebhookReceiver;
const records = {} as Record<Scope, SharedRecord>;
/** Per scope, a person of the owner's with that scope and a phone that a public person of NAMED (the anchor) shares. */
const contacts = {} as Record<Scope, { id: string; phone: string }>;
let anchorEntityId: string;
const agencyKeys = {} as Record<Caller, string>;
const analystKeys = {} as Record<Caller, string>;
const streams = {} as Record<Caller, AlertStream>;
/** Each caller's session cookie with the analyst console. */
const consoleSessions = {} as Record<Caller, string>;

beforeAll(async () => {
  suite = await createSuite('dissmatrix');
  receiver = await startWebhookReceiver();
  await Promise.all([
    suite.startWith('intake', { RETENTION_SWEEP_SECONDS: '1' }),
    suite.start('dedup', 'matching'),
    suite.startWith('alerting', { WEBHOOK_ALLOWED_PRIVATE_TARGETS: new URL(receiver.url()).host }),
  ]);
  const folder = mkdtempSync(path.join(tmpdir(), 'dissemination-matrix-'));
  const sltd = path.join(folder, 'sltd.ndjson');
  const numbers = Object.fromEntries(
    SCOPES.map((scope, index) => [scope, `MX${String(index + 1).padStart(7, '0')}`]),
  ) as Record<Scope, string>;
  writeFileSync(
    sltd,
    SCOPES.map((scope) =>
      JSON.stringify({
        entryId: `SLTD-MX-${scope}`,
        travelDocument: { number: numbers[scope], type: 'passport', issuingCountry: 'NLD', status: 'stolen' },
      }),
    ).join('\n'),
  );
  expect(
    (await loadReference(suite, ['--dataset', 'sltd', '--file', sltd, '--owner', 'MXD', '--dissemination', 'all']))
      .code,
  ).toBe(0);

  for (const caller of CALLERS) {
    agencyKeys[caller] = await suite.agencies.key(caller);
    analystKeys[caller] = await analystKey(suite, caller);
    const webhook = await alertingCall(suite, analystKeys[caller], 'POST', '/v1/webhooks', {
      url: receiver.url(`/${caller}`),
    });
    expect(webhook.status).toBe(201);
    const subscription = await alertingCall(suite, analystKeys[caller], 'POST', '/v1/subscriptions', {
      name: 'every hit',
      webhookId: webhook.body.webhookId,
    });
    expect(subscription.status).toBe(201);
    streams[caller] = await openAlertStream(suite.url('alerting'), analystKeys[caller]);
  }
  await suite.startWith('console', {
    ALERTING_URL: suite.url('alerting'),
    DEDUP_URL: suite.url('dedup'),
    ZIPKIN_UI_URL: `${suite.zipkinUrl}/zipkin`,
  });
  for (const caller of CALLERS) {
    await suite.agencies.accepted(analystKeys[caller], suite.url('dedup'));
    const signedIn = await fetch(`${suite.url('console')}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: suite.url('console'), 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ key: analystKeys[caller] }),
    });
    expect(signedIn.status).toBe(201);
    consoleSessions[caller] = String(signedIn.headers.get('set-cookie')).split(';')[0];
  }
  entryOwnerAnalyst = await analystKey(suite, ENTRY_OWNER);
  await suite.agencies.accepted(agencyKeys[NAMED], suite.url('dedup'));
  await suite.agencies.accepted(agencyKeys[OTHER], suite.url('dedup'));

  for (const scope of SCOPES) {
    const holder = `Holder ${scope} ${randomUUID().slice(0, 8)}`;
    const dissemination =
      scope === 'agencies'
        ? { scope: 'agencies', agencies: [NAMED] }
        : scope === 'owner-only'
          ? { scope: 'owner-only' }
          : scope === 'agencies-hnh'
            ? { scope: 'agencies', agencies: [NAMED], outside: 'hit-no-hit' }
            : scope === 'owner-only-hnh'
              ? { scope: 'owner-only', outside: 'hit-no-hit' }
              : { scope: 'all' };
    const shared = await send('intake', 'POST', '/v1/records', agencyKeys[OWNER], {
      kind: 'travel_document',
      externalRef: `MX-${scope}-${randomUUID()}`,
      dissemination,
      purpose: 'border-check',
      ...(scope === 'expired' ? { expiresAt: new Date(Date.now() + 20_000).toISOString() } : {}),
      travelDocument: {
        number: numbers[scope],
        type: 'passport',
        issuingCountry: 'NLD',
        status: 'stolen',
        holderName: holder,
      },
    });
    expect(shared.status).toBe(201);
    records[scope] = { scope, id: shared.body.record.id, number: numbers[scope], holder, entityId: '' };
    // A person of the same scope with a phone of its own, which a public person of another agency shares.
    const phone = `+3364122340${SCOPES.indexOf(scope)}`;
    const contact = await send('intake', 'POST', '/v1/records', agencyKeys[OWNER], {
      kind: 'person',
      externalRef: `MXP-${scope}-${randomUUID()}`,
      dissemination,
      purpose: 'investigation',
      ...(scope === 'expired' ? { expiresAt: new Date(Date.now() + 20_000).toISOString() } : {}),
      person: {
        names: [{ given: 'Contact', family: `${scope} ${randomUUID().slice(0, 8)}` }],
        phones: [{ number: phone }],
      },
    });
    expect(contact.status).toBe(201);
    contacts[scope] = { id: contact.body.record.id, phone };
  }
  const anchor = await send('intake', 'POST', '/v1/records', agencyKeys[NAMED], {
    kind: 'person',
    externalRef: `MXA-${randomUUID()}`,
    dissemination: { scope: 'all' },
    purpose: 'investigation',
    person: {
      names: [{ given: 'Anchor', family: randomUUID().slice(0, 8) }],
      phones: SCOPES.map((scope) => ({ number: contacts[scope].phone })),
    },
  });
  expect(anchor.status).toBe(201);
  // Every record raises its owner's alert before the withdrawn one is withdrawn and the expired one expires.
  await eventually(
    () => alertingCall(suite, analystKeys[OWNER], 'GET', '/v1/alerts?limit=500'),
    (answer) => SCOPES.every((scope) => JSON.stringify(answer.body.alerts).includes(records[scope].number)),
  );
  for (const scope of SCOPES) {
    const entity = await eventually(
      () => send('dedup', 'GET', `/v1/records/${records[scope].id}/entity`, agencyKeys[OWNER]),
      (answer) => answer.status === 200,
    );
    records[scope].entityId = entity.body.entityId ?? entity.body.entity?.entityId ?? entity.body.id;
    expect(records[scope].entityId).toBeTruthy();
  }
  anchorEntityId = (
    await eventually(
      () => send('dedup', 'GET', `/v1/records/${anchor.body.record.id}/entity`, agencyKeys[NAMED]),
      (answer) => answer.status === 200,
    )
  ).body.entityId;
  for (const withdrawn of [records.withdrawn.id, contacts.withdrawn.id])
    expect(
      (await send('intake', 'DELETE', `/v1/records/${withdrawn}?reason=entered%20in%20error`, agencyKeys[OWNER]))
        .status,
    ).toBe(200);
  for (const expired of [records.expired.id, contacts.expired.id])
    await eventually(
      () => send('intake', 'GET', `/v1/records/${expired}`, agencyKeys[OWNER]),
      (answer) => answer.body.withdrawnAt !== undefined,
      60_000,
    );
  await waitForPipelineIdle(suite, 60_000);
  // The retractions reach the streams and webhooks of every agency that had the alerts.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
});

afterAll(async () => {
  for (const stream of Object.values(streams)) stream.close();
  await receiver?.close();
  await suite?.close();
});

type Service = 'intake' | 'dedup' | 'alerting';

/** A call through the analyst console, as the caller's signed-in page makes it. */
async function throughConsole(caller: Caller, route: string) {
  const response = await fetch(`${suite.url('console')}${route}`, { headers: { cookie: consoleSessions[caller] } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function send(service: Service, method: string, route: string, key: string, body?: unknown) {
  const response = await fetch(`${suite.url(service)}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached within ${timeoutMs} ms; last: ${JSON.stringify(value).slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Any trace of the record in what an exit answered: its data, its id or its entity. */
function traces(answer: unknown, record: SharedRecord): string[] {
  const text = JSON.stringify(answer) ?? '';
  return [record.number, record.holder, record.id, record.entityId].filter((trace) => trace && text.includes(trace));
}

const matrix = SCOPES.flatMap((scope) => CALLERS.map((caller) => [scope, caller, visibleTo(scope, caller)] as const));

describe.each(matrix)('a record disseminated %s, read by %s (visible: %s)', (scope, caller, visible) => {
  const record = () => records[scope];
  const key = () => agencyKeys[caller];
  /** The owner keeps its withdrawn and expired records in its own view; the rules below are about everyone else. */
  const ownerOfGone = caller === OWNER && (scope === 'withdrawn' || scope === 'expired');

  it('record read', async () => {
    const answer = await send('intake', 'GET', `/v1/records/${record().id}`, key());
    expect(answer.status).toBe(visible ? 200 : 404);
    if (!visible) expect(traces(answer.body, record())).toEqual([]);
  });

  it('record list and identifier search', async () => {
    for (const route of [`/v1/records?owner=${OWNER}&limit=500`, `/v1/records?identifier=${record().number}`]) {
      const answer = await send('intake', 'GET', route, key());
      expect(answer.status).toBe(200);
      if (ownerOfGone) continue;
      if (visible) expect(answer.body.records.map((found: { id: string }) => found.id)).toContain(record().id);
      else expect(traces(answer.body, record())).toEqual([]);
    }
  });

  it('entity by record, and the entity', async () => {
    const byRecord = await send('dedup', 'GET', `/v1/records/${record().id}/entity`, key());
    const entity = await send('dedup', 'GET', `/v1/entities/${record().entityId}`, key());
    if (ownerOfGone) return;
    if (visible) {
      expect(byRecord.status).toBe(200);
      expect(JSON.stringify(byRecord.body)).toContain(record().id);
      expect(entity.status).toBe(200);
    } else {
      expect(byRecord.status).toBe(404);
      expect(entity.status).toBe(404);
      expect(traces(byRecord.body, record())).toEqual([]);
      expect(traces(entity.body, record())).toEqual([]);
    }
  });

  it('the entity’s network', async () => {
    const answer = await send('dedup', 'GET', `/v1/entities/${record().entityId}/network?depth=2`, key());
    if (ownerOfGone) return;
    if (visible) {
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain(record().id);
    } else {
      expect(answer.status).toBe(404);
      expect(traces(answer.body, record())).toEqual([]);
    }
  });

  it('the network around a public person that shares a phone with a person of this scope', async () => {
    const answer = await send('dedup', 'GET', `/v1/entities/${anchorEntityId}/network?depth=1`, key());
    expect(answer.status).toBe(200);
    const { id, phone } = contacts[scope];
    const text = JSON.stringify(answer.body);
    // A withdrawn or expired person makes no edge, even for its owner.
    if (visible && scope !== 'withdrawn' && scope !== 'expired') {
      expect(text).toContain(id);
      expect(answer.body.edges).toContainEqual(
        expect.objectContaining({ reason: 'phone', value: phone, explanation: expect.stringContaining('2 records') }),
      );
    } else {
      expect(text).not.toContain(id);
      expect(text).not.toContain(phone);
    }
  });

  it('alert list and every alert’s detail, explanation included', async () => {
    const list = await alertingCall(suite, analystKeys[caller], 'GET', '/v1/alerts?limit=500');
    expect(list.status).toBe(200);
    const details = await Promise.all(
      list.body.alerts.map((alert: { alertId: string }) =>
        alertingCall(suite, analystKeys[caller], 'GET', `/v1/alerts/${alert.alertId}`),
      ),
    );
    const about = list.body.alerts.filter((alert: unknown) => JSON.stringify(alert).includes(record().number));
    if (scope === 'withdrawn' || scope === 'expired') {
      // Alerts raised while the record could be seen stay listed, retracted and emptied of the record's data.
      for (const alert of [...list.body.alerts, ...details.map((detail) => detail.body)]) {
        if (caller !== OWNER)
          expect(
            traces(alert, record()).filter((trace) => trace !== record().id && trace !== record().entityId),
          ).toEqual([]);
      }
      return;
    }
    if (visible) {
      expect(about.length).toBeGreaterThan(0);
      expect(about.every((alert: { status: string }) => alert.status !== 'retracted')).toBe(true);
    } else {
      expect(traces(list.body, record())).toEqual([]);
      for (const detail of details) expect(traces(detail.body, record())).toEqual([]);
    }
  });

  it('the owner’s alert about the record is not readable by id', async () => {
    const ownerList = await alertingCall(suite, analystKeys[OWNER], 'GET', '/v1/alerts?limit=500');
    const ownersAlert = ownerList.body.alerts.find((alert: unknown) => JSON.stringify(alert).includes(record().number));
    expect(ownersAlert).toBeDefined();
    const answer = await alertingCall(suite, analystKeys[caller], 'GET', `/v1/alerts/${ownersAlert.alertId}`);
    if (caller === OWNER) expect(answer.status).toBe(200);
    else expect(answer.status).toBe(404);
  });

  it('the analyst console: alerts and the entity by record, through its proxy', async () => {
    const alerts = await throughConsole(caller, '/api/alerting/v1/alerts?limit=500');
    const entity = await throughConsole(caller, `/api/dedup/v1/records/${record().id}/entity`);
    expect(alerts.status).toBe(200);
    if (ownerOfGone) return;
    if (scope === 'withdrawn' || scope === 'expired') {
      expect(entity.status).toBe(404);
      expect(
        traces(alerts.body, record()).filter((trace) => trace !== record().id && trace !== record().entityId),
      ).toEqual([]);
      return;
    }
    if (visible) {
      expect(JSON.stringify(alerts.body)).toContain(record().number);
      expect(entity.status).toBe(200);
    } else {
      expect(traces(alerts.body, record())).toEqual([]);
      expect(entity.status).toBe(404);
      expect(traces(entity.body, record())).toEqual([]);
    }
  });

  it('stream and webhook', async () => {
    const streamed = streams[caller].received.filter((event) => event.data.includes(record().number));
    const delivered = receiver.received.filter(
      (delivery) => delivery.path === `/${caller}` && delivery.rawBody.includes(record().number),
    );
    if (scope === 'withdrawn' || scope === 'expired' || ownerOfGone) {
      // Heard while it could be seen; the last word about it carries none of its data for anyone but its owner.
      if (caller !== OWNER) {
        const last = [...streams[caller].received]
          .reverse()
          .find((event) => event.data.includes(record().id) || event.data.includes(record().number));
        if (last) expect(last.data).not.toContain(record().holder);
      }
      return;
    }
    if (visible) {
      expect(streamed.length).toBeGreaterThan(0);
      expect(delivered.length).toBeGreaterThan(0);
    } else {
      expect(streamed).toEqual([]);
      expect(delivered).toEqual([]);
      expect(streams[caller].received.filter((event) => traces(event.data, record()).length > 0)).toEqual([]);
      expect(
        receiver.received.filter(
          (delivery) => delivery.path === `/${caller}` && traces(delivery.rawBody, record()).length > 0,
        ),
      ).toEqual([]);
    }
  });
});

describe.each(Object.entries(ENTRY_OWNER_HEARS))(
  'policy axis: the entry’s owner, of a record disseminated %s, hears',
  (scope, hears) => {
    it(`${hears}`, async () => {
      const record = records[scope as Scope];
      const alerts = (await alertingCall(suite, entryOwnerAnalyst, 'GET', '/v1/alerts?limit=500')).body.alerts;
      const about = alerts.filter((alert: { entryId: string }) => alert.entryId === `SLTD-MX-${scope}`);
      // The entry carries the document number itself; what the owner must not read is the record.
      const recordTraces = (answer: unknown) => traces(answer, record).filter((trace) => trace !== record.number);
      if (hears === 'full') {
        expect(about.length).toBeGreaterThan(0);
        expect(JSON.stringify(about)).toContain(record.holder);
        return;
      }
      if (hears === 'nothing') {
        expect(about).toEqual([]);
      } else {
        expect(about).toHaveLength(1);
        expect(about[0]).toMatchObject({ kind: 'hit_notice', recordId: null, record: null, features: [] });
        expect(about[0].hitNoHit).toMatchObject({ searchingAgency: OWNER, ownerAgency: ENTRY_OWNER });
        const detail = await alertingCall(suite, entryOwnerAnalyst, 'GET', `/v1/alerts/${about[0].alertId}`);
        expect(recordTraces(detail.body)).toEqual([]);
      }
      expect(recordTraces(alerts)).toEqual([]);
    });
  },
);
