import { api, STREAM_URL } from '../../web/src/api/client';
import { isConsoleApiCall, type ProxiedService } from './api-routes';

const ALERT = '0b6d8f7e-5a4c-4b3a-9d2e-1f0a9b8c7d6e';

describe('isConsoleApiCall', () => {
  it.each<[ProxiedService, string, string]>([
    ['alerting', 'GET', '/v1/alerts'],
    ['alerting', 'GET', '/v1/alerts?status=new&sort=score&limit=50'],
    ['alerting', 'GET', '/v1/alerts/stream?after=12'],
    ['alerting', 'GET', `/v1/alerts/${ALERT}`],
    ['alerting', 'POST', `/v1/alerts/${ALERT}/triage`],
    ['alerting', 'POST', `/v1/alerts/${ALERT}/owner-decision`],
    ['alerting', 'POST', '/v1/subscriptions'],
    ['alerting', 'PUT', `/v1/subscriptions/${ALERT}`],
    ['alerting', 'DELETE', `/v1/subscriptions/${ALERT}`],
    ['alerting', 'GET', '/v1/webhooks'],
    ['dedup', 'GET', `/v1/records/${ALERT}/entity`],
    ['dedup', 'GET', `/v1/entities/${ALERT}/network?depth=1`],
    ['matching', 'GET', '/v1/operations/TURQUESA-26/report?format=csv'],
  ])('forwards %s %s %s', (service, method, url) => {
    expect(isConsoleApiCall(service, method, url)).toBe(true);
  });

  it.each<[string, ProxiedService, string, string]>([
    ['an admin route', 'alerting', 'GET', '/v1/admin/audit'],
    ['whoami, which sign-in asks itself', 'alerting', 'GET', '/v1/whoami'],
    ['metrics', 'alerting', 'GET', '/metrics'],
    ['the API docs', 'dedup', 'GET', '/docs'],
    ['a webhook registration', 'alerting', 'POST', '/v1/webhooks'],
    ['a webhook deletion', 'alerting', 'DELETE', `/v1/webhooks/${ALERT}`],
    ['a delivery resend', 'alerting', 'POST', `/v1/webhooks/deliveries/${ALERT}/resend`],
    ['the delivery log', 'alerting', 'GET', '/v1/webhooks/deliveries'],
    ['an alert route of another method', 'alerting', 'DELETE', `/v1/alerts/${ALERT}`],
    ['a PATCH', 'alerting', 'PATCH', `/v1/subscriptions/${ALERT}`],
    ['a HEAD', 'alerting', 'HEAD', '/v1/alerts'],
    ['an alerting route sent to dedup', 'dedup', 'GET', '/v1/alerts'],
    ['a dedup route sent to alerting', 'alerting', 'GET', `/v1/records/${ALERT}/entity`],
    ['the entity by id, which no page reads', 'dedup', 'GET', `/v1/entities/${ALERT}`],
    ['the path between two entities, which no page reads', 'dedup', 'GET', `/v1/entities/${ALERT}/path?to=${ALERT}`],
    ['starting an operation', 'matching', 'POST', '/v1/operations'],
    ['a dot-dot segment', 'alerting', 'GET', '/v1/alerts/../admin/audit'],
    ['an encoded dot-dot segment', 'alerting', 'GET', '/v1/alerts/%2e%2e/triage'],
    ['an encoded slash in an id', 'alerting', 'GET', '/v1/alerts/a%2Fb'],
    ['a matrix parameter', 'alerting', 'GET', '/v1/alerts;x=1'],
    ['a doubled slash', 'alerting', 'GET', '//v1/alerts'],
    ['a trailing slash', 'alerting', 'GET', '/v1/alerts/'],
    ['an empty id', 'alerting', 'POST', '/v1/alerts//triage'],
    ['a fragment', 'alerting', 'GET', '/v1/alerts/x#/v1/webhooks'],
    ['an absurdly long id', 'alerting', 'GET', `/v1/alerts/${'a'.repeat(129)}`],
  ])('refuses %s', (_case, service, method, url) => {
    expect(isConsoleApiCall(service, method, url)).toBe(false);
  });

  describe("every call of the console's own pages", () => {
    const made: { method: string; url: string }[] = [];
    const realFetch = global.fetch;
    beforeAll(() => {
      global.fetch = (async (url: string, init?: RequestInit) => {
        made.push({ method: init?.method ?? 'GET', url });
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      }) as typeof fetch;
    });
    afterAll(() => {
      global.fetch = realFetch;
    });

    // One call of each function of the page's API client, with the ids and queries a page passes.
    const calls: Record<keyof typeof api, () => Promise<unknown>> = {
      session: () => api.session(),
      signIn: () => api.signIn('cck_x'),
      signOut: () => api.signOut(),
      config: () => api.config(),
      alerts: () => api.alerts('?status=new,acknowledged&sort=score&cursor=' + ALERT),
      alert: () => api.alert(ALERT),
      triage: () => api.triage(ALERT, 'false_positive', 'another person'),
      ownerDecision: () => api.ownerDecision(ALERT, 'confirmed', 'same person'),
      subscriptions: () => api.subscriptions(),
      createSubscription: () => api.createSubscription({} as never),
      updateSubscription: () => api.updateSubscription(ALERT, {} as never),
      deleteSubscription: () => api.deleteSubscription(ALERT),
      webhooks: () => api.webhooks(),
      entityOfRecord: () => api.entityOfRecord(ALERT),
      network: () => api.network(ALERT),
      check: () => api.check({ kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001' } }),
      operationReport: () => api.operationReport('TURQUESA-26'),
      pipelineHealth: () => api.pipelineHealth(),
    };

    it.each(Object.keys(calls) as (keyof typeof api)[])('%s is forwarded, or is the console’s own', async (name) => {
      made.length = 0;
      await calls[name]();
      expect(made).toHaveLength(1);
      const [{ method, url }] = made;
      const proxied = /^\/api\/(alerting|dedup|matching)(\/.*)$/.exec(url);
      if (!proxied) expect(['/session', '/config.json', '/api/operator/health']).toContain(url);
      else expect(isConsoleApiCall(proxied[1] as ProxiedService, method, proxied[2])).toBe(true);
    });

    it('the live stream is forwarded, resumed or not', () => {
      const stream = STREAM_URL.replace('/api/alerting', '');
      expect(isConsoleApiCall('alerting', 'GET', stream)).toBe(true);
      expect(isConsoleApiCall('alerting', 'GET', `${stream}?after=42`)).toBe(true);
    });
  });
});
