/**
 * Alerting's API as an analyst's tools call it: an analyst key that alerting
 * already accepts, and JSON requests made with it.
 */
import type { Suite } from './suite';

export interface ApiAnswer {
  status: number;
  body: any;
  headers: Headers;
}

/** A key with the `analyst` role for the agency, once it has reached alerting over Kafka. */
export async function analystKey(suite: Suite, agency: string): Promise<string> {
  const key = await suite.agencies.key(agency, ['analyst']);
  await suite.agencies.accepted(key, suite.url('alerting'));
  return key;
}

export async function alertingCall(
  suite: Suite,
  key: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const response = await fetch(`${suite.url('alerting')}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** The agency's alerts, as `GET /v1/alerts` lists them (query string optional). */
export async function alertsOf(suite: Suite, key: string, query = ''): Promise<any[]> {
  const answer = await alertingCall(suite, key, 'GET', `/v1/alerts${query ? `?${query}` : ''}`);
  if (answer.status !== 200)
    throw new Error(`GET /v1/alerts answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.alerts;
}
