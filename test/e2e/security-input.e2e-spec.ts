/**
 * Bad input at every door of every service, table by table: text that no
 * field may hold, in bodies, NDJSON lines, path ids and query strings; body
 * shapes that used to slip through or answer 500; and the writes that must be
 * refused rather than stored (a kind changed on re-share, dissemination to an
 * agency that does not exist). Each refusal names the field and the rule,
 * changes nothing and is never a 500.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { analystKey } from '../harness/alerting-api';
import { recordOfKind } from '../fixtures/kinds';
import { unknownPerson } from '../fixtures/records';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(180_000);

let suite: Suite;
let db: Client;
const keys = { agency: '', analyst: '', owner: '', admin: '', reviewer: '' };
let existingRecordId = '';
let existingSubscriptionId = '';

beforeAll(async () => {
  suite = await createSuite('secinput');
  await suite.start('intake', 'matching', 'alerting', 'dedup');
  db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
  keys.agency = await suite.agencies.key('FRA');
  keys.analyst = await analystKey(suite, 'FRA');
  keys.owner = await suite.agencies.key('FRA', ['data-owner']);
  keys.admin = await suite.agencies.admin();
  await suite.agencies.accepted(keys.agency, suite.url('matching'));
  await suite.agencies.accepted(keys.owner, suite.url('matching'));
  keys.reviewer = await suite.agencies.key('IPSG', ['reviewer']);
  await suite.agencies.accepted(keys.reviewer, suite.url('matching'));
  await suite.agencies.accepted(keys.admin, suite.url('dedup'));
  const shared = await call('intake', 'POST', '/v1/records', keys.agency, JSON.stringify(unknownPerson()));
  existingRecordId = shared.body.record.id;
  const subscription = await call(
    'alerting',
    'POST',
    '/v1/subscriptions',
    keys.analyst,
    JSON.stringify({ name: 'all hits' }),
  );
  existingSubscriptionId = subscription.body.subscriptionId ?? subscription.body.id;
});

afterAll(async () => {
  await db?.end();
  await suite?.close();
});

type Service = 'intake' | 'matching' | 'alerting' | 'dedup';

async function call(
  service: Service,
  method: string,
  route: string,
  key: string,
  body?: string,
  contentType = 'application/json',
) {
  const response = await fetch(`${suite.url(service)}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** What a refused write must leave as it was: every table a write route of any service changes. */
async function writableState(): Promise<string> {
  const { rows } = await db.query(`
    SELECT (SELECT count(*) || ':' || coalesce(sum(version), 0) FROM intake.records) AS records,
           (SELECT count(*) FROM intake.agencies) AS agencies,
           (SELECT count(*) FROM intake.api_keys) AS keys,
           (SELECT count(*) || ':' || string_agg(name, ',' ORDER BY name) FROM alerting.subscriptions) AS subscriptions,
           (SELECT count(*) FROM alerting.webhooks) AS webhooks,
           (SELECT count(*) FROM matching.reference_entries) AS entries,
           (SELECT count(*) || ':' || string_agg(status, ',' ORDER BY request_id) FROM matching.notice_requests) AS requests`);
  return JSON.stringify(rows[0]);
}

const BAD_TEXT: [string, string, string][] = [
  ['a lone surrogate', 'A\ud800B', 'wellFormedUnicode'],
  ['an escaped NUL', 'A\u0000B', 'noControlCharacters'],
  ['an escape character', 'a\u001bb', 'noControlCharacters'],
  ['CR LF', 'A\r\nX-Injected: 1', 'singleLine'],
  ['only zero-width characters', '\u200b\u200c\u200d', 'visibleText'],
];

interface WriteRoute {
  route: string;
  service: Service;
  method: string;
  path: () => string;
  key: () => string;
  /** The body with `text` in one of its fields, as JSON text. */
  body: (text: string) => string;
  field: string;
  /** Fields that hold several lines take CR and LF. */
  multiLine?: boolean;
  /** The text is put inside the field's value, not as all of it, so the field cannot be blank. */
  embedded?: boolean;
}

const person = (given: string) => ({
  ...unknownPerson(),
  person: { ...unknownPerson().person, names: [{ given, family: 'Lindqvist' }] },
});
const { externalRef: _, ...personContent } = person('Astrid');

const contribution = (entryRef: string, holderName: string) => ({
  entryRef,
  dissemination: { scope: 'all' },
  travelDocument: { number: 'X1234567', type: 'passport', issuingCountry: 'FRA', status: 'stolen', holderName },
});

const WRITE_ROUTES: WriteRoute[] = [
  {
    route: 'share',
    service: 'intake',
    method: 'POST',
    path: () => '/v1/records',
    key: () => keys.agency,
    body: (text) => JSON.stringify(person(text)),
    field: 'person.names[0].given',
  },
  {
    route: 'update',
    service: 'intake',
    method: 'PUT',
    path: () => `/v1/records/${existingRecordId}`,
    key: () => keys.agency,
    body: (text) => JSON.stringify({ ...personContent, purpose: text }),
    field: 'purpose',
  },
  {
    route: 'share a batch (JSON)',
    service: 'intake',
    method: 'POST',
    path: () => '/v1/records/batch',
    key: () => keys.agency,
    body: (text) => JSON.stringify([person('Anna'), person(text)]),
    field: '[1].person.names[0].given',
  },
  {
    route: 'create an agency',
    service: 'intake',
    method: 'POST',
    path: () => '/v1/admin/agencies',
    key: () => keys.admin,
    body: (text) => JSON.stringify({ code: 'ZZA', name: text }),
    field: 'name',
  },
  {
    route: 'issue a key',
    service: 'intake',
    method: 'POST',
    path: () => '/v1/admin/agencies/FRA/keys',
    key: () => keys.admin,
    body: (text) => JSON.stringify({ roles: ['agency'], label: text }),
    field: 'label',
  },
  {
    route: 'check',
    service: 'matching',
    method: 'POST',
    path: () => '/v1/checks',
    key: () => keys.agency,
    body: (text) => JSON.stringify({ kind: 'person', person: { names: [{ full: text }] } }),
    field: 'person.names[0].full',
  },
  {
    route: 'check a batch',
    service: 'matching',
    method: 'POST',
    path: () => '/v1/checks/batch',
    key: () => keys.agency,
    body: (text) =>
      JSON.stringify([
        { kind: 'person', person: { names: [{ full: 'Anna Berg' }] } },
        { kind: 'person', person: { names: [{ full: text }] } },
      ]),
    field: '[1].person.names[0].full',
  },
  {
    route: 'contribute',
    service: 'matching',
    method: 'POST',
    path: () => '/v1/contributions/sltd',
    key: () => keys.agency,
    body: (text) => JSON.stringify(contribution('FR-1', text)),
    field: 'travelDocument.holderName',
  },
  {
    route: 'contribute a batch',
    service: 'matching',
    method: 'POST',
    path: () => '/v1/contributions/sltd/batch',
    key: () => keys.agency,
    body: (text) => JSON.stringify([contribution('FR-2', 'Anna Berg'), contribution('FR-3', text)]),
    field: '[1].travelDocument.holderName',
  },
  {
    route: 'request a notice',
    service: 'matching',
    method: 'POST',
    path: () => '/v1/notice-requests',
    key: () => keys.agency,
    body: (text) =>
      JSON.stringify({
        type: 'notice',
        colour: 'blue',
        subject: { names: [{ given: text, family: 'Lindqvist' }] },
        reason: 'whereabouts',
        legalBasis: 'case 1',
      }),
    field: 'subject.names[0].given',
  },
  {
    route: 'decide on a notice request',
    service: 'matching',
    method: 'POST',
    path: () => `/v1/notice-requests/${randomUUID()}/decision`,
    key: () => keys.reviewer,
    body: (text) => JSON.stringify({ decision: 'refuse', reason: text }),
    field: 'reason',
    multiLine: true,
  },
  {
    route: 'subscribe',
    service: 'alerting',
    method: 'POST',
    path: () => '/v1/subscriptions',
    key: () => keys.analyst,
    body: (text) => JSON.stringify({ name: text }),
    field: 'name',
  },
  {
    route: 'change a subscription',
    service: 'alerting',
    method: 'PUT',
    path: () => `/v1/subscriptions/${existingSubscriptionId}`,
    key: () => keys.analyst,
    body: (text) => JSON.stringify({ name: text }),
    field: 'name',
  },
  {
    route: 'register a webhook',
    service: 'alerting',
    method: 'POST',
    path: () => '/v1/webhooks',
    key: () => keys.analyst,
    body: (text) => JSON.stringify({ url: `https://hooks.example.org/${text}` }),
    field: 'url',
    embedded: true,
  },
  {
    route: 'triage',
    service: 'alerting',
    method: 'POST',
    path: () => `/v1/alerts/${randomUUID()}/triage`,
    key: () => keys.analyst,
    body: (text) => JSON.stringify({ status: 'dismissed', reason: text }),
    field: 'reason',
    multiLine: true,
  },
];

const cases = WRITE_ROUTES.flatMap((route) =>
  BAD_TEXT.filter(
    ([, , rule]) => !(route.multiLine && rule === 'singleLine') && !(route.embedded && rule === 'visibleText'),
  ).map(([what, text, rule]) => [`${route.service}: ${route.route} with ${what}`, route, text, rule] as const),
);

it.each(cases)('%s is refused, names the field and the rule, and changes nothing', async (_, route, text, rule) => {
  const before = await writableState();
  const answer = await call(route.service, route.method, route.path(), route.key(), route.body(text));
  expect(answer.status).toBe(400);
  expect(answer.body.error.code).toBe('invalid_text');
  expect(answer.body.error.details).toEqual([expect.objectContaining({ field: route.field, rule })]);
  expect(await writableState()).toBe(before);
});

it.each(WRITE_ROUTES.map((route) => [`${route.service}: ${route.route}`, route] as const))(
  '%s refuses a __proto__ key rather than dropping it',
  async (_, route) => {
    const before = await writableState();
    const good = route.body('Anna');
    const poisoned = good.startsWith('[')
      ? `[{"__proto__":{"admin":true},${good.slice(2)}`
      : `{"__proto__":{"admin":true},${good.slice(1)}`;
    const answer = await call(route.service, route.method, route.path(), route.key(), poisoned);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ rule: 'reservedKey' })]);
    expect(await writableState()).toBe(before);
  },
);

it('refuses each bad NDJSON line on its own and stores the good ones', async () => {
  const lines = [person('Anna'), person('a\u001bb'), person('A\u0000B'), person('A\ud800B'), person('Sven')].map(
    (record) => JSON.stringify(record),
  );
  const answer = await call(
    'intake',
    'POST',
    '/v1/records/batch',
    keys.agency,
    `${lines.join('\n')}\n`,
    'application/x-ndjson',
  );
  expect(answer.status).toBe(200);
  expect(answer.body.summary).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 3 });
  expect(
    answer.body.results.map((result: { status: number; error?: { code: string; details: { rule: string }[] } }) => [
      result.status,
      result.error?.details[0]?.rule,
    ]),
  ).toEqual([
    [201, undefined],
    [400, 'noControlCharacters'],
    [400, 'noControlCharacters'],
    [400, 'wellFormedUnicode'],
    [201, undefined],
  ]);
  expect(answer.body.results[1].error.code).toBe('invalid_text');
});

it('refuses a reference line with bad text on its own', async () => {
  const entry = (serial: string) =>
    JSON.stringify({ entryId: `FA-${serial}`, firearm: { serialNumber: serial, make: 'Glock', model: '17' } });
  const answer = await call(
    'matching',
    'POST',
    '/v1/datasets/firearms/loads?mode=delta',
    keys.owner,
    [entry('AB123'), entry('CD\u0000456')].join('\n'),
    'application/x-ndjson',
  );
  expect(answer.status).toBe(201);
  expect(answer.body).toEqual(
    expect.objectContaining({
      added: 1,
      rejected: [{ line: 2, reason: expect.stringContaining('must not contain control characters') }],
    }),
  );
});

describe('what a request names in its path and query', () => {
  it.each([
    ['intake', 'GET', '/v1/records/%00'],
    ['intake', 'DELETE', '/v1/records/a%00b'],
    ['intake', 'PUT', '/v1/records/%0d%0aX-Injected:%201'],
    ['dedup', 'GET', '/v1/entities/%00'],
    ['dedup', 'GET', '/v1/records/%00/entity'],
    ['alerting', 'GET', '/v1/alerts/%00'],
    ['alerting', 'DELETE', '/v1/subscriptions/%00'],
    ['alerting', 'DELETE', '/v1/webhooks/%ed%a0%80'],
    ['matching', 'POST', '/v1/datasets/%00/loads'],
  ] as const)('%s %s %s is refused as invalid text', async (service, method, route) => {
    const answer = await call(service, method, route, keys.admin);
    expect(answer.status).toBe(400);
    expect(['invalid_text', 'validation_failed']).toContain(answer.body.error.code);
    expect(answer.body.error.details[0].field).toBe('path');
  });

  it.each([
    ['intake', `/v1/records/RECORD?reason=a&reason=b`, 'DELETE', 'reason', 'singleValue'],
    ['intake', '/v1/records?kind=person&kind=vehicle', 'GET', 'kind', 'singleValue'],
    ['alerting', '/v1/alerts?status=open&status=closed', 'GET', 'status', 'singleValue'],
    [
      'intake',
      `/v1/records?cursor=${Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url')}`,
      'GET',
      'cursor',
      undefined,
    ],
    ['intake', '/v1/records?identifier=%00', 'GET', 'identifier', 'noControlCharacters'],
  ] as const)('%s %s is refused naming %s', async (service, route, method, field, rule) => {
    const key = method === 'GET' && service === 'alerting' ? keys.analyst : keys.agency;
    const answer = await call(service, method, route.replace('RECORD', existingRecordId), key);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details[0].field).toBe(field);
    if (rule) expect(answer.body.error.details[0].rule).toBe(rule);
  });

  it.each(['intake', 'matching', 'alerting', 'dedup'] as const)(
    '%s refuses an audit cursor beyond any id',
    async (service) => {
      const answer = await call(service, 'GET', '/v1/admin/audit?cursor=99999999999999999999', keys.admin);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details[0].field).toBe('cursor');
    },
  );
});

describe('body shapes', () => {
  it.each([
    [
      'intake: a person body that is a list',
      'intake',
      '/v1/records',
      { ...unknownPerson(), person: [] },
      'person',
      'isObject',
    ],
    [
      'matching: a person body that is a list',
      'matching',
      '/v1/checks',
      { kind: 'person', person: [] },
      'person',
      'isObject',
    ],
    [
      'intake: dissemination that is a list',
      'intake',
      '/v1/records',
      { ...unknownPerson(), dissemination: [] },
      'dissemination',
      'isObject',
    ],
    [
      'matching: a check of kind person carrying a vehicle',
      'matching',
      '/v1/checks',
      { kind: 'person', person: { names: [{ full: 'Anna Berg' }] }, vehicle: recordOfKind.vehicle().vehicle },
      'vehicle',
      'onlyForKind',
    ],
    [
      'intake: a record of kind person carrying a vehicle',
      'intake',
      '/v1/records',
      { ...unknownPerson(), vehicle: recordOfKind.vehicle().vehicle },
      'vehicle',
      'onlyForKind',
    ],
    [
      'intake: dissemination to an agency that does not exist',
      'intake',
      '/v1/records',
      { ...unknownPerson(), dissemination: { scope: 'agencies', agencies: ['NOSUCH'] } },
      'dissemination.agencies[0]',
      'knownAgency',
    ],
  ] as const)('%s is refused', async (_, service, route, body, field, rule) => {
    const before = await writableState();
    const answer = await call(service, 'POST', route, keys.agency, JSON.stringify(body));
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await writableState()).toBe(before);
  });

  it('reads lowercase country codes as upper case, so filters find them', async () => {
    const shared = await call(
      'intake',
      'POST',
      '/v1/records',
      keys.agency,
      JSON.stringify({ ...unknownPerson(), person: { ...unknownPerson().person, nationalities: ['swe'] } }),
    );
    expect(shared.status).toBe(201);
    const read = await call('intake', 'GET', `/v1/records/${shared.body.record.id}`, keys.agency);
    expect(read.body.person.nationalities).toEqual(['SWE']);
    const subscription = await call(
      'alerting',
      'POST',
      '/v1/subscriptions',
      keys.analyst,
      JSON.stringify({ name: 'nordic', countries: ['swe', 'nor'] }),
    );
    expect(subscription.status).toBe(201);
    expect(subscription.body.countries).toEqual(['SWE', 'NOR']);
  });

  it('refuses a re-share of an externalRef as another kind, single and in a batch', async () => {
    const externalRef = `FR-${randomUUID()}`;
    expect(
      (await call('intake', 'POST', '/v1/records', keys.agency, JSON.stringify({ ...unknownPerson(), externalRef })))
        .status,
    ).toBe(201);
    const before = await writableState();
    const asVehicle = { ...recordOfKind.vehicle(), externalRef };
    const single = await call('intake', 'POST', '/v1/records', keys.agency, JSON.stringify(asVehicle));
    expect(single.status).toBe(400);
    expect(single.body.error.details).toContainEqual(expect.objectContaining({ field: 'kind', rule: 'immutable' }));
    const batch = await call('intake', 'POST', '/v1/records/batch', keys.agency, JSON.stringify([asVehicle]));
    expect(batch.body.results[0]).toEqual(
      expect.objectContaining({
        status: 400,
        error: expect.objectContaining({ details: [expect.objectContaining({ rule: 'immutable' })] }),
      }),
    );
    expect(await writableState()).toBe(before);
    const people = await call('intake', 'GET', `/v1/records?kind=person&externalRef=${externalRef}`, keys.agency);
    for (const record of people.body.records) expect(record.kind).toBe('person');
  });

  it('refuses, item by item, a batch record disseminated to an agency that does not exist', async () => {
    const answer = await call(
      'intake',
      'POST',
      '/v1/records/batch',
      keys.agency,
      JSON.stringify([
        unknownPerson(),
        { ...unknownPerson(), dissemination: { scope: 'agencies', agencies: ['FRA', 'NOSUCH'] } },
      ]),
    );
    expect(answer.body.results.map((result: { status: number }) => result.status)).toEqual([201, 400]);
    expect(answer.body.results[1].error.details).toEqual([
      expect.objectContaining({ field: 'dissemination.agencies[1]', rule: 'knownAgency' }),
    ]);
  });
});
