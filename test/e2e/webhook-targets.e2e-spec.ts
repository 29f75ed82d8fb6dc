/**
 * Webhook targets, every hop real: an agency cannot make the exchange call
 * into networks it should not reach. Registration refuses loopback, private,
 * link-local, reserved and embedded addresses; a host name is judged on what
 * it resolves to when a delivery connects; and the one loopback receiver the
 * operator listed, on its port alone, still gets its deliveries.
 */
import { alertingCall, analystKey } from '../harness/alerting-api';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { startWebhookReceiver, WebhookReceiver } from '../harness/webhook-receiver';
import { shareRecord, wantedPerson } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;
/** An agency's case system on loopback, the one private target listed. */
let caseSystem: WebhookReceiver;
/** Stands for an internal service on loopback that nobody listed. */
let internalService: WebhookReceiver;

const alertingEnv = (allowlist: string) => ({
  WEBHOOK_ALLOWED_PRIVATE_TARGETS: allowlist,
  WEBHOOK_BACKOFF_BASE_MS: '50',
  WEBHOOK_BACKOFF_MAX_MS: '200',
  WEBHOOK_MAX_ATTEMPTS: '3',
});
const portOf = (url: string) => new URL(url).port;

beforeAll(async () => {
  caseSystem = await startWebhookReceiver();
  internalService = await startWebhookReceiver();
  suite = await createSuite('webhook-targets');
  await suite.start('intake', 'dedup', 'matching');
  await suite.startWith('alerting', alertingEnv(`127.0.0.1:${portOf(caseSystem.url())}`));
  await loadNotices(suite);
});

afterAll(async () => {
  await caseSystem?.close();
  await internalService?.close();
  await suite?.close();
});

const register = (key: string, url: string) => alertingCall(suite, key, 'POST', '/v1/webhooks', { url });

/** Registers the webhook and a subscription to red notice hits that calls it. */
const subscribeWith = async (key: string, url: string) => {
  const registered = await register(key, url);
  expect(registered.status).toBe(201);
  const subscribed = await alertingCall(suite, key, 'POST', '/v1/subscriptions', {
    name: 'Red notices',
    noticeColours: ['red'],
    webhookId: registered.body.webhookId,
  });
  expect(subscribed.status).toBe(201);
  return registered.body.webhookId as string;
};

const share = async (agency: string) => {
  const shared = await shareRecord(suite.url('intake'), await suite.agencies.key(agency), wantedPerson());
  expect(shared.status).toBe(201);
  return shared.body.record.id as string;
};

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

describe('webhook targets', () => {
  it('refuses to register a loopback, private, link-local, reserved or embedded address, naming the field and the rule', async () => {
    const key = await analystKey(suite, 'NLD');
    const hosts = [
      '[::127.0.0.1]',
      '[64:ff9b::7f00:1]',
      '[2002:7f00:1::]',
      '[fec0::1]',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '169.254.169.254',
      '10.0.0.1',
      '172.16.0.1',
      '192.168.0.1',
      '127.0.0.1',
      '0.0.0.0',
      '100.64.0.1',
      '0x7f000001',
      '2130706433',
      '017700000001',
      '[::ffff:127.0.0.1]',
      '[64:ff9b::a00:1]',
      '[2002:c0a8:1::]',
      '[fc00::1]',
      '[fd00:ec2::254]',
      '[fe80::1]',
      '[ff02::1]',
      '192.0.2.1',
      '198.51.100.1',
      '203.0.113.1',
      '[2001:db8::1]',
      'localhost',
      // The listed loopback address on another port: here, the exchange's own intake.
      `127.0.0.1:${portOf(suite.url('intake'))}`,
    ];
    for (const host of hosts) {
      const refused = await register(key, `http://${host}/v1/admin/agencies`);
      expect({ host, status: refused.status, error: refused.body.error }).toEqual({
        host,
        status: 400,
        error: expect.objectContaining({
          code: 'validation_failed',
          details: [
            {
              field: 'url',
              rule: 'publicHost',
              message: expect.stringMatching(/^must point at a public address, not .+, .+/),
            },
          ],
        }),
      });
    }
    expect((await alertingCall(suite, key, 'GET', '/v1/webhooks')).body.webhooks).toEqual([]);
  });

  it('delivers to the listed loopback receiver, named by address or as localhost', async () => {
    const key = await analystKey(suite, 'BEL');
    await subscribeWith(key, caseSystem.url('/bel'));
    await subscribeWith(key, caseSystem.url('/bel-by-name').replace('127.0.0.1', 'localhost'));
    const recordId = await share('BEL');
    for (const path of ['/bel', '/bel-by-name']) {
      const [delivered] = await caseSystem.waitFor(path, 1);
      expect(delivered.body).toMatchObject({ event: 'alert.raised', alert: { recordId, agency: 'BEL' } });
    }
  });

  it('refuses, when connecting, a name that now resolves to an address no longer listed, and records why', async () => {
    const key = await analystKey(suite, 'LUX');
    // Registered while the operator still listed all of loopback...
    await suite.services.alerting!.stop();
    await suite.startWith('alerting', alertingEnv('127.0.0.1'));
    const webhookId = await subscribeWith(key, internalService.url('/lux').replace('127.0.0.1', 'localhost'));
    // ...then narrowed the list to the case system's port.
    await suite.services.alerting!.stop();
    await suite.startWith('alerting', alertingEnv(`127.0.0.1:${portOf(caseSystem.url())}`));

    await share('LUX');
    const dead = await eventually(
      () => alertingCall(suite, key, 'GET', `/v1/webhooks/deliveries?webhook=${webhookId}`),
      (answer) => answer.body.deliveries?.[0]?.status === 'dead',
    );
    expect(dead.body.deliveries).toEqual([
      expect.objectContaining({
        status: 'dead',
        attempts: 1,
        lastStatus: null,
        lastError: expect.stringMatching(
          new RegExp(
            `^refused to connect to port ${portOf(internalService.url())} of localhost: it resolves only to .*a loopback address$`,
          ),
        ),
      }),
    ]);
    expect(internalService.received).toEqual([]);
  });
});
