/**
 * The console server's defences, against the real console in front of the real
 * alerting and dedup: security headers on pages and proxied answers, changes
 * accepted only from the console's own pages, a proxy that forwards only the
 * calls the console's pages make (and the services never see the others), a
 * sign-in that says what is wrong with a bad body, and, when browsers reach it
 * over TLS (its own HTTPS, or a proxy's), a Secure cookie and HSTS. Requests
 * are sent with node:http(s) so that their headers and paths go out exactly as
 * written, as an attacker's would.
 */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { rmSync } from 'node:fs';
import { startServiceProcess, type ServiceProcess } from '@crosscheck/infra';
import { analystKey } from '../harness/alerting-api';
import { createSuite, type Suite } from '../harness/suite';
import { makeTestCertificates, type TestCertificates } from '../harness/test-certificates';

jest.setTimeout(120_000);

/** Where the TLS-terminating proxy in front of the second console would be reached; nothing listens there. */
const PUBLIC_ORIGIN = 'https://console.crosscheck.test';
const SOME_UUID = '7d3f5a9e-2b1c-4e8d-9f0a-6c5b4a3d2e1f';
const UNKNOWN_KEY = `cck_0000000000000000_${'A'.repeat(43)}`;

let suite: Suite;
let certificates: TestCertificates;
/** Browsers reach it over plain HTTP at the address it listens on. */
let plain: ServiceProcess;
/** Plain HTTP behind a proxy that terminates TLS at PUBLIC_ORIGIN. */
let behindTls: ServiceProcess;
/** Serves HTTPS itself, with a certificate from a CA made for this run. */
let ownTls: ServiceProcess;
let analyst: string;

beforeAll(async () => {
  [suite, certificates] = await Promise.all([createSuite('consolesec'), makeTestCertificates()]);
  await suite.start('intake', 'dedup', 'alerting');
  const consoleEnv = {
    ALERTING_URL: suite.url('alerting'),
    DEDUP_URL: suite.url('dedup'),
    ZIPKIN_UI_URL: `${suite.zipkinUrl}/zipkin`,
  };
  const logGroup = (name: string) => `test/${suite.id}/${name}`;
  [plain, behindTls, ownTls, analyst] = await Promise.all([
    startServiceProcess('console', { logGroup: logGroup('plain'), env: consoleEnv }),
    startServiceProcess('console', {
      logGroup: logGroup('behind-tls'),
      env: { ...consoleEnv, CONSOLE_PUBLIC_ORIGIN: PUBLIC_ORIGIN },
    }),
    startServiceProcess('console', {
      logGroup: logGroup('own-tls'),
      env: { ...consoleEnv, HTTPS_CERT_FILE: certificates.certFile, HTTPS_KEY_FILE: certificates.keyFile },
      trustedCa: certificates.ca,
    }),
    analystKey(suite, 'FRA'),
  ]);
}, 300_000);

afterAll(async () => {
  await Promise.allSettled([plain?.stop(), behindTls?.stop(), ownTls?.stop()]);
  await suite?.close();
  if (certificates) rmSync(certificates.folder, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  body: any;
}

interface Sent {
  headers?: Record<string, string>;
  body?: string;
  /** Take the status and headers and hang up: for the endless alert stream. */
  headersOnly?: boolean;
}

/** One request exactly as written: the path is not normalised, and no header is added but Host and Content-Length. */
function send(
  base: string,
  method: string,
  path: string,
  { headers = {}, body, headersOnly = false }: Sent = {},
): Promise<Answer> {
  const url = new URL(base);
  const lengthOf = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  const options = { host: url.hostname, port: url.port, method, path, headers: { ...headers, ...lengthOf } };
  return new Promise((resolve, reject) => {
    const answered = (incoming: IncomingMessage) => {
      if (headersOnly) {
        resolve({ status: incoming.statusCode!, headers: incoming.headers, text: '', body: undefined });
        incoming.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        resolve({ status: incoming.statusCode!, headers: incoming.headers, text, body: parsed });
      });
      incoming.on('error', reject);
    };
    const outgoing =
      url.protocol === 'https:'
        ? httpsRequest({ ...options, ca: certificates.ca }, answered)
        : httpRequest(options, answered);
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** What the console's own page sends with a change (Chromium's headers for a same-origin fetch). */
const fromOwnPage = (server: ServiceProcess, origin = server.url) => ({
  origin,
  'sec-fetch-site': 'same-origin',
  'sec-fetch-mode': 'cors',
});

async function signIn(server: ServiceProcess, origin = server.url): Promise<{ cookie: string; setCookie: string }> {
  const answer = await send(server.url, 'POST', '/session', {
    headers: { ...fromOwnPage(server, origin), 'content-type': 'application/json' },
    body: JSON.stringify({ key: analyst }),
  });
  expect(answer.status).toBe(201);
  const setCookie = String(answer.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0], setCookie };
}

/** Every request the service has timed since it started (its /metrics), but for /metrics, /health and /ready themselves. */
async function requestsSeenBy(serviceUrl: string): Promise<number> {
  const metrics = await (await fetch(`${serviceUrl}/metrics`)).text();
  let total = 0;
  for (const [, route, count] of metrics.matchAll(
    /^crosscheck_http_request_seconds_count\{[^}]*route="([^"]*)"[^}]*\} (\d+)$/gm,
  )) {
    if (!/^\/(metrics|health|ready)$/.test(route)) total += Number(count);
  }
  return total;
}

describe('security headers', () => {
  let cookie: string;
  let asset: string;
  beforeAll(async () => {
    ({ cookie } = await signIn(plain));
    asset = /src="(\/assets\/[^"]+\.js)"/.exec((await send(plain.url, 'GET', '/')).text)![1];
  });

  it.each<[string, string, string, { page?: boolean; proxied?: boolean; stream?: boolean }]>([
    ['the sign-in page', 'GET', '/', { page: true }],
    ['a client route', 'GET', `/alerts/${SOME_UUID}`, { page: true }],
    ['a built script', 'GET', '/__asset__', { page: true }],
    ['the page’s settings', 'GET', '/config.json', {}],
    ['who is signed in', 'GET', '/session', {}],
    ['a proxied list', 'GET', '/api/alerting/v1/alerts?limit=5', { proxied: true }],
    ['a proxied subscription list', 'GET', '/api/alerting/v1/subscriptions', { proxied: true }],
    ['a proxied error', 'GET', `/api/alerting/v1/alerts/${SOME_UUID}`, { proxied: true }],
    ['a proxied entity lookup', 'GET', `/api/dedup/v1/records/${SOME_UUID}/entity`, { proxied: true }],
    ['the proxied live stream', 'GET', '/api/alerting/v1/alerts/stream', { proxied: true, stream: true }],
    ['a refused proxy path', 'GET', '/api/alerting/v1/admin/audit', {}],
    ['a refused change', 'POST', '/api/alerting/v1/subscriptions', {}],
  ])('%s (%s %s)', async (_case, method, path, { page = false, proxied = false, stream = false }) => {
    const answer = await send(plain.url, method, path.replace('/__asset__', asset), {
      headers: { cookie },
      headersOnly: stream,
    });
    expect(answer.headers).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    expect(answer.headers).not.toHaveProperty('x-powered-by');
    // Browsers reach this console over plain HTTP: HSTS there would be ignored at best, and a lie.
    expect(answer.headers).not.toHaveProperty('strict-transport-security');
    if (page) expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    if (proxied) {
      expect(answer.headers['cache-control']).toMatch(/^no-store\b/);
      if (stream) expect(answer.headers['cache-control']).toContain('no-transform');
    }
  });

  it('proxied answers are the services’ own, as the console forwards them', async () => {
    const answer = await send(plain.url, 'GET', `/api/alerting/v1/alerts/${SOME_UUID}`, { headers: { cookie } });
    expect(answer.status).toBe(404);
    expect(answer.headers['x-trace-id']).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('changes come only from the console’s own pages', () => {
  let cookie: string;
  let subscriptionId: string;
  beforeAll(async () => {
    ({ cookie } = await signIn(plain));
    const created = await send(plain.url, 'POST', '/api/alerting/v1/subscriptions', {
      headers: { ...fromOwnPage(plain), cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Kept', levels: ['hit'] }),
    });
    expect(created.status).toBe(201);
    subscriptionId = created.body.subscriptionId;
  });

  const subscriptionNames = async () =>
    (await send(plain.url, 'GET', '/api/alerting/v1/subscriptions', { headers: { cookie } })).body.subscriptions.map(
      (s: { name: string }) => s.name,
    );

  /** Every kind of change the console takes, each with what must still be true when a forged one is refused. */
  const changes: [string, string, () => string, string | undefined, () => Promise<void>][] = [
    ['sign-in', 'POST', () => '/session', JSON.stringify({ key: UNKNOWN_KEY }), async () => undefined],
    [
      'sign-out',
      'DELETE',
      () => '/session',
      undefined,
      async () => expect((await send(plain.url, 'GET', '/session', { headers: { cookie } })).status).toBe(200),
    ],
    [
      'a new subscription',
      'POST',
      () => '/api/alerting/v1/subscriptions',
      JSON.stringify({ name: 'Forged', levels: ['possible'] }),
      async () => expect(await subscriptionNames()).toEqual(['Kept']),
    ],
    [
      'a changed subscription',
      'PUT',
      () => `/api/alerting/v1/subscriptions/${subscriptionId}`,
      JSON.stringify({ name: 'Renamed' }),
      async () => expect(await subscriptionNames()).toEqual(['Kept']),
    ],
    [
      'a deleted subscription',
      'DELETE',
      () => `/api/alerting/v1/subscriptions/${subscriptionId}`,
      undefined,
      async () => expect(await subscriptionNames()).toEqual(['Kept']),
    ],
    [
      'a triage',
      'POST',
      () => `/api/alerting/v1/alerts/${SOME_UUID}/triage`,
      JSON.stringify({ status: 'confirmed', reason: 'forged' }),
      async () => undefined,
    ],
    [
      'an owner’s decision',
      'POST',
      () => `/api/alerting/v1/alerts/${SOME_UUID}/owner-decision`,
      JSON.stringify({ decision: 'rejected', reason: 'forged' }),
      async () => undefined,
    ],
  ];
  const forgeries: [string, (server: ServiceProcess) => Record<string, string>, RegExp][] = [
    [
      'from another site',
      () => ({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
      /^Sec-Fetch-Site: is cross-site/,
    ],
    [
      'from another site, by a browser without Sec-Fetch-Site',
      () => ({ origin: 'https://evil.example' }),
      /^Origin: is https:\/\/evil\.example, not this console \(http:\/\/127\.0\.0\.1:\d+\)/,
    ],
    [
      'from another port of the same host',
      (server) => ({ origin: server.url.replace(/:\d+$/, ':1') }),
      /^Origin: is http:\/\/127\.0\.0\.1:1, not this console/,
    ],
    ['from an opaque origin (a sandboxed frame)', () => ({ origin: 'null' }), /^Origin: is null, not this console/],
    [
      'with its own Origin, but from a page of the same site',
      (server) => ({ origin: server.url, 'sec-fetch-site': 'same-site' }),
      /^Sec-Fetch-Site: is same-site/,
    ],
    [
      'with no Origin at all',
      () => ({}),
      /^Origin: is missing; changes are accepted only from the console's own pages \(Origin: http:\/\/127\.0\.0\.1:\d+\)/,
    ],
  ];
  const table = changes.flatMap(([change, method, path, body, stillSo]) =>
    forgeries.map(([forgery, headers, message]) => ({
      change,
      method,
      path,
      body,
      stillSo,
      forgery,
      headers,
      message,
    })),
  );

  it.each(table)('refuses $change ($method) $forgery', async ({ method, path, body, stillSo, headers, message }) => {
    const answer = await send(plain.url, method, path(), {
      headers: { ...headers(plain), cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({
      error: {
        code: 'cross_origin_refused',
        message: expect.stringMatching(message),
        details: [expect.objectContaining({ rule: expect.any(String) })],
      },
    });
    await stillSo();
  });

  it.each<[string, string, () => string, unknown, number]>([
    ['a new subscription', 'POST', () => '/api/alerting/v1/subscriptions', { name: 'Added', levels: ['hit'] }, 201],
    [
      'a changed subscription',
      'PUT',
      () => `/api/alerting/v1/subscriptions/${subscriptionId}`,
      { name: 'Kept, renamed', levels: ['hit'] },
      200,
    ],
    [
      'a triage (of an alert that is not there)',
      'POST',
      () => `/api/alerting/v1/alerts/${SOME_UUID}/triage`,
      { status: 'confirmed', reason: 'seen' },
      404,
    ],
    ['a deleted subscription', 'DELETE', () => `/api/alerting/v1/subscriptions/${subscriptionId}`, undefined, 204],
    ['sign-out', 'DELETE', () => '/session', undefined, 204],
    ['sign-in', 'POST', () => '/session', { key: UNKNOWN_KEY }, 401],
  ])('takes %s (%s) from its own page', async (_change, method, path, body, status) => {
    const answer = await send(plain.url, method, path(), {
      headers: { ...fromOwnPage(plain), cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(answer.status).toBe(status);
  });

  it('takes changes addressed to any name of the console, from a page of that name', async () => {
    const byName = plain.url.replace('127.0.0.1', 'localhost');
    const answer = await send(plain.url, 'POST', '/session', {
      headers: { ...fromOwnPage(plain, byName), host: new URL(byName).host, 'content-type': 'application/json' },
      body: JSON.stringify({ key: analyst }),
    });
    expect(answer.status).toBe(201);
  });
});

describe('the proxy forwards only the calls the console’s pages make', () => {
  let cookie: string;
  beforeAll(async () => {
    ({ cookie } = await signIn(plain));
  });

  it('forwards the calls its pages make (and the services’ counts see each one)', async () => {
    const before = await requestsSeenBy(suite.url('alerting'));
    const answer = await send(plain.url, 'GET', '/api/alerting/v1/alerts?limit=1', { headers: { cookie } });
    expect(answer.status).toBe(200);
    expect(await requestsSeenBy(suite.url('alerting'))).toBe(before + 1);
  });

  it.each<[string, string, string, string | undefined]>([
    ['alerting’s admin API', 'GET', '/api/alerting/v1/admin/audit', undefined],
    ['dedup’s admin API', 'GET', '/api/dedup/v1/admin/audit', undefined],
    ['whoami, which only sign-in asks', 'GET', '/api/alerting/v1/whoami', undefined],
    ['metrics', 'GET', '/api/alerting/metrics', undefined],
    ['the API docs', 'GET', '/api/dedup/docs', undefined],
    [
      'registering a webhook',
      'POST',
      '/api/alerting/v1/webhooks',
      JSON.stringify({ url: 'http://127.0.0.1:3001/v1/admin/agencies' }),
    ],
    ['deleting a webhook', 'DELETE', `/api/alerting/v1/webhooks/${SOME_UUID}`, undefined],
    ['resending a delivery', 'POST', `/api/alerting/v1/webhooks/deliveries/${SOME_UUID}/resend`, undefined],
    ['the delivery log', 'GET', '/api/alerting/v1/webhooks/deliveries', undefined],
    ['an entity by its id, which no page reads', 'GET', `/api/dedup/v1/entities/${SOME_UUID}`, undefined],
    ['an alerting path sent to dedup', 'GET', '/api/dedup/v1/alerts', undefined],
    [
      'a method no page uses on a route it does',
      'PATCH',
      `/api/alerting/v1/subscriptions/${SOME_UUID}`,
      JSON.stringify({ name: 'x' }),
    ],
    ['a dot-dot path out of an allowed one', 'GET', '/api/alerting/v1/alerts/../admin/audit', undefined],
    ['an encoded dot-dot path', 'GET', '/api/alerting/v1/alerts/%2e%2e/%2e%2e/v1/admin/audit', undefined],
    ['an encoded slash inside an id', 'GET', '/api/alerting/v1/alerts/x%2F..%2F..%2Fv1%2Fadmin%2Faudit', undefined],
    ['a doubled slash', 'GET', '/api/alerting//v1/alerts', undefined],
    ['a service the console does not front', 'GET', '/api/intake/v1/records', undefined],
  ])('answers %s (%s %s) 404, and the services never see it', async (_case, method, path, body) => {
    const seen = {
      alerting: await requestsSeenBy(suite.url('alerting')),
      dedup: await requestsSeenBy(suite.url('dedup')),
    };
    const answer = await send(plain.url, method, path, {
      headers: { ...fromOwnPage(plain), cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error: {
        code: 'not_found',
        message: expect.stringMatching(/not a call the console makes|no such API/),
        details: [],
      },
    });
    expect(answer.headers['cache-control']).toBe('no-store');
    expect({
      alerting: await requestsSeenBy(suite.url('alerting')),
      dedup: await requestsSeenBy(suite.url('dedup')),
    }).toEqual(seen);
  });

  it('answers a refused path 404 whether or not anyone is signed in', async () => {
    expect((await send(plain.url, 'GET', '/api/alerting/v1/admin/audit')).status).toBe(404);
    expect((await send(plain.url, 'GET', '/api/alerting/v1/alerts')).status).toBe(401);
  });
});

describe('/session says what is wrong with a sign-in', () => {
  const signInWith = (body: string | undefined, contentType = 'application/json') =>
    send(plain.url, 'POST', '/session', {
      headers: { ...fromOwnPage(plain), ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });
  const WELL_FORMED = `cck_0123456789abcdef_${'x'.repeat(43)}`;

  const cases: [string, string | undefined, string, number, string, RegExp][] = [
    [
      'no body',
      undefined,
      'application/json',
      400,
      'validation_failed',
      /^body: is missing; send \{"key": "cck_…"\} as JSON$/,
    ],
    [
      'a form instead of JSON',
      `key=${WELL_FORMED}`,
      'application/x-www-form-urlencoded',
      415,
      'unsupported_media_type',
      /^Content-Type must be application\/json, not application\/x-www-form-urlencoded$/,
    ],
    ['text instead of JSON', WELL_FORMED, 'text/plain', 415, 'unsupported_media_type', /not text\/plain$/],
    [
      'broken JSON',
      `{"key": "${WELL_FORMED}"`,
      'application/json',
      400,
      'malformed_json',
      /^request body is not valid JSON; send \{"key": "cck_…"\}$/,
    ],
    [
      'a body far too big for a key',
      JSON.stringify({ key: 'x'.repeat(5000) }),
      'application/json',
      413,
      'payload_too_large',
      /^request body is larger than 4096 bytes/,
    ],
    [
      'the key alone, as a JSON string',
      JSON.stringify(WELL_FORMED),
      'application/json',
      400,
      'validation_failed',
      /^body: must be a JSON object, \{"key": "cck_…"\}, not a string$/,
    ],
    ['an array', '[]', 'application/json', 400, 'validation_failed', /^body: must be a JSON object, .*, not an array$/],
    ['an empty object', '{}', 'application/json', 400, 'validation_failed', /^key: is required$/],
    [
      'a number for a key',
      '{"key": 42}',
      'application/json',
      400,
      'validation_failed',
      /^key: must be a string, not a number$/,
    ],
    ['an empty key', '{"key": ""}', 'application/json', 400, 'validation_failed', /^key: must not be empty$/],
    ['a password', '{"key": "hunter2"}', 'application/json', 400, 'validation_failed', /^key: must start with cck_$/],
    [
      'a whole Authorization header',
      JSON.stringify({ key: `Bearer ${WELL_FORMED}` }),
      'application/json',
      400,
      'validation_failed',
      /^key: must be the key alone, without "Bearer "$/,
    ],
    [
      'a key with a space after it',
      JSON.stringify({ key: `${WELL_FORMED} ` }),
      'application/json',
      400,
      'validation_failed',
      /^key: must not start or end with spaces/,
    ],
    [
      'half a key',
      JSON.stringify({ key: WELL_FORMED.slice(0, 30) }),
      'application/json',
      400,
      'validation_failed',
      /^key: is too short: a crosscheck key is 64 characters .*, this is 30$/,
    ],
    [
      'a key pasted twice',
      JSON.stringify({ key: WELL_FORMED + WELL_FORMED }),
      'application/json',
      400,
      'validation_failed',
      /^key: is too long: a crosscheck key is 64 characters .*, this is 128$/,
    ],
    [
      'a key id that is not hexadecimal',
      JSON.stringify({ key: WELL_FORMED.replace('0123456789abcdef', 'notakeyid0000000') }),
      'application/json',
      400,
      'validation_failed',
      /^key: must have a key id of 16 hexadecimal digits/,
    ],
    [
      'a secret with a character no key has',
      JSON.stringify({ key: WELL_FORMED.replace(/x$/, '.') }),
      'application/json',
      400,
      'validation_failed',
      /^key: must end in a secret of 43 letters, digits, - or _$/,
    ],
    [
      'an agency beside the key',
      JSON.stringify({ key: WELL_FORMED, agency: 'DEU' }),
      'application/json',
      400,
      'validation_failed',
      /^agency: is not a field of a sign-in, which holds only "key"$/,
    ],
    [
      'a prototype key beside the key',
      `{"key": "${WELL_FORMED}", "__proto__": {"roles": ["admin"]}}`,
      'application/json',
      400,
      'validation_failed',
      /^__proto__: is not a field of a sign-in/,
    ],
    [
      'a well-formed key alerting does not know',
      JSON.stringify({ key: WELL_FORMED }),
      'application/json',
      401,
      'unauthenticated',
      /^key: not a valid crosscheck key/,
    ],
  ];

  it.each(cases)('%s', async (_case, body, contentType, status, code, message) => {
    const answer = await signInWith(body, contentType);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(answer.headers['set-cookie']).toBeUndefined();
    // The console's answer never repeats a secret it was sent.
    expect(answer.text).not.toContain('x'.repeat(43));
  });

  it('gives each its own message', async () => {
    const messages = await Promise.all(
      cases.map(async ([, body, contentType]) => (await signInWith(body, contentType)).body.error.message as string),
    );
    expect(new Set(messages).size).toBe(cases.length);
  });

  it('names the field and the rule in the details, as the services do', async () => {
    const answer = await signInWith(JSON.stringify({ key: 'hunter2' }));
    expect(answer.body.error.details).toEqual([
      { field: 'key', rule: 'isCrosscheckKey', message: 'must start with cck_' },
    ]);
  });
});

describe('behind a proxy that terminates TLS (CONSOLE_PUBLIC_ORIGIN=https://…)', () => {
  it('signs in from the public origin with a Secure session cookie', async () => {
    const { setCookie } = await signIn(behindTls, PUBLIC_ORIGIN);
    expect(setCookie).toMatch(
      /^crosscheck_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/,
    );
  });

  it('clears the cookie on sign-out as Secure too', async () => {
    const { cookie } = await signIn(behindTls, PUBLIC_ORIGIN);
    const answer = await send(behindTls.url, 'DELETE', '/session', {
      headers: { ...fromOwnPage(behindTls, PUBLIC_ORIGIN), cookie },
    });
    expect(answer.status).toBe(204);
    expect(String(answer.headers['set-cookie'])).toMatch(/Max-Age=0; Secure$/);
  });

  it('refuses changes from the address it listens on, which browsers do not use', async () => {
    const answer = await send(behindTls.url, 'POST', '/session', {
      headers: { ...fromOwnPage(behindTls), 'content-type': 'application/json' },
      body: JSON.stringify({ key: analyst }),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe(
      `Origin: is ${behindTls.url}, not this console (${PUBLIC_ORIGIN}); changes are accepted only from the console's own pages`,
    );
  });

  it.each([
    ['the sign-in page', '/'],
    ['who is signed in', '/session'],
    ['a proxied answer', '/api/alerting/v1/alerts?limit=1'],
    ['a refused proxy path', '/api/alerting/v1/admin/audit'],
  ])('sends HSTS on %s', async (_case, path) => {
    const { cookie } = await signIn(behindTls, PUBLIC_ORIGIN);
    const answer = await send(behindTls.url, 'GET', path, { headers: { cookie } });
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(answer.headers['x-frame-options']).toBe('DENY');
  });

  it('a console reached over plain HTTP sets no Secure cookie (browsers would drop it)', async () => {
    const { setCookie } = await signIn(plain);
    expect(setCookie).not.toContain('Secure');
  });
});

describe('serving HTTPS itself (HTTPS_CERT_FILE, HTTPS_KEY_FILE)', () => {
  it('answers over TLS, and signs in from its own https origin with a Secure session cookie', async () => {
    expect(ownTls.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const { setCookie } = await signIn(ownTls);
    expect(setCookie).toMatch(
      /^crosscheck_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/,
    );
  });

  it('refuses changes from the same host and port over plain HTTP', async () => {
    const insecure = ownTls.url.replace('https:', 'http:');
    const answer = await send(ownTls.url, 'POST', '/session', {
      headers: { ...fromOwnPage(ownTls, insecure), 'content-type': 'application/json' },
      body: JSON.stringify({ key: analyst }),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toBe(
      `Origin: is ${insecure}, not this console (${ownTls.url}); changes are accepted only from the console's own pages`,
    );
  });

  it.each([
    ['the sign-in page', '/'],
    ['who is signed in', '/session'],
    ['a proxied answer', '/api/alerting/v1/alerts?limit=1'],
    ['the proxied live stream', '/api/alerting/v1/alerts/stream'],
    ['a refused proxy path', '/api/alerting/v1/admin/audit'],
  ])('sends HSTS on %s', async (_case, path) => {
    const { cookie } = await signIn(ownTls);
    const answer = await send(ownTls.url, 'GET', path, { headers: { cookie }, headersOnly: path.endsWith('/stream') });
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers).toMatchObject({
      'strict-transport-security': 'max-age=31536000',
      'x-frame-options': 'DENY',
    });
  });
});
