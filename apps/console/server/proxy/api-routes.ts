/**
 * The API calls the console's pages make (apps/console/web/src/api/client.ts), and the only ones its proxy forwards:
 * a session is an analyst's key, and the console lends it to its own pages, not to any request that carries the
 * cookie. Anything else (admin routes, webhooks' writes, other services' paths) is answered 404 without reaching a
 * service. An id is one path segment of letters, digits, `-` and `_`, so no `..`, `%2F` or `;` slips another path
 * past the list.
 */
export type ProxiedService = 'alerting' | 'dedup' | 'matching';

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  service: ProxiedService;
  /** The service's own path; `:id` stands for one id segment. */
  path: string;
}

export const CONSOLE_API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', service: 'alerting', path: '/v1/alerts' },
  { method: 'GET', service: 'alerting', path: '/v1/alerts/stream' },
  { method: 'GET', service: 'alerting', path: '/v1/alerts/:id' },
  { method: 'POST', service: 'alerting', path: '/v1/alerts/:id/triage' },
  { method: 'POST', service: 'alerting', path: '/v1/alerts/:id/owner-decision' },
  { method: 'GET', service: 'alerting', path: '/v1/subscriptions' },
  { method: 'POST', service: 'alerting', path: '/v1/subscriptions' },
  { method: 'PUT', service: 'alerting', path: '/v1/subscriptions/:id' },
  { method: 'DELETE', service: 'alerting', path: '/v1/subscriptions/:id' },
  { method: 'GET', service: 'alerting', path: '/v1/webhooks' },
  { method: 'GET', service: 'dedup', path: '/v1/records/:id/entity' },
  // The network page: one hop at a time.
  { method: 'GET', service: 'dedup', path: '/v1/entities/:id/network' },
  // The frontline check page.
  { method: 'POST', service: 'matching', path: '/v1/checks' },
  // The operations page, and its CSV and JSON exports.
  { method: 'GET', service: 'matching', path: '/v1/operations/:id/report' },
];

const ID_SEGMENT = '[A-Za-z0-9_-]{1,128}';

const compiled = CONSOLE_API_ROUTES.map((route) => ({
  ...route,
  pattern: new RegExp(`^${route.path.replaceAll(':id', ID_SEGMENT)}$`),
}));

/**
 * Whether the console forwards this call. `url` is the path and query as the service would receive them
 * (`/v1/alerts?status=new`); the path is matched as sent, undecoded, and the query goes on as it is.
 */
export function isConsoleApiCall(service: ProxiedService, method: string, url: string): boolean {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  return compiled.some((route) => route.service === service && route.method === method && route.pattern.test(path));
}
