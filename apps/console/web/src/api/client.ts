/**
 * The page's only way to the server: same-origin fetches, the session cookie
 * going along by itself. Errors come back in crosscheck's one format and are
 * thrown as ApiError, so a view can switch on `status` or `code`.
 */
import type { PipelineHealthView } from '@crosscheck/operator-views';
import type {
  Alert,
  AlertPage,
  EntityView,
  NetworkView,
  SignedIn,
  Subscription,
  SubscriptionBody,
  Webhook,
} from './types';
import { reportUrl, type OperationReport } from '../operations/operation-report';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Told when any call finds the session gone, so the app can show the sign-in page. */
let onSignedOut: () => void = () => undefined;
export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

async function call<T>(method: string, path: string, body?: unknown, { quiet401 = false } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The console server did not answer. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: FieldProblem[] } } | undefined)
      ?.error;
    if (response.status === 401 && !quiet401) onSignedOut();
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? `${response.status} ${response.statusText}`,
      error?.details ?? [],
    );
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const alerting = (path: string) => `/api/alerting/v1${path}`;

export const api = {
  session: () => call<SignedIn>('GET', '/session', undefined, { quiet401: true }),
  signIn: (key: string) => call<SignedIn>('POST', '/session', { key }, { quiet401: true }),
  signOut: () => call<void>('DELETE', '/session', undefined, { quiet401: true }),
  config: () => call<{ zipkinUrl: string }>('GET', '/config.json'),

  alerts: (query: string) => call<AlertPage>('GET', alerting(`/alerts${query}`)),
  alert: (alertId: string) => call<Alert>('GET', alerting(`/alerts/${encodeURIComponent(alertId)}`)),
  triage: (alertId: string, status: 'acknowledged' | 'confirmed' | 'false_positive', reason: string) =>
    call<Alert>('POST', alerting(`/alerts/${encodeURIComponent(alertId)}/triage`), { status, reason }),
  ownerDecision: (alertId: string, decision: 'confirmed' | 'rejected', reason: string, disclose = false) =>
    call<Alert>('POST', alerting(`/alerts/${encodeURIComponent(alertId)}/owner-decision`), {
      decision,
      reason,
      ...(disclose ? { disclose } : {}),
    }),

  subscriptions: () => call<{ subscriptions: Subscription[] }>('GET', alerting('/subscriptions')),
  createSubscription: (body: SubscriptionBody) => call<Subscription>('POST', alerting('/subscriptions'), body),
  updateSubscription: (id: string, body: SubscriptionBody) =>
    call<Subscription>('PUT', alerting(`/subscriptions/${encodeURIComponent(id)}`), body),
  deleteSubscription: (id: string) => call<void>('DELETE', alerting(`/subscriptions/${encodeURIComponent(id)}`)),
  webhooks: () => call<{ webhooks: Webhook[] }>('GET', alerting('/webhooks')),

  /** An instant check (the frontline page); nothing of it is kept but matching's audit line. */
  check: (query: unknown) => call<{ hits: unknown[] }>('POST', '/api/matching/v1/checks', query),

  /** An operation's report, as matching counts it for the agency (participants only). */
  operationReport: (code: string) => call<OperationReport>('GET', reportUrl(code, 'json')),

  /** Operators only: the pipeline's health, sampled by the console's server. */
  pipelineHealth: () => call<PipelineHealthView>('GET', '/api/operator/health'),

  entityOfRecord: (recordId: string) =>
    call<EntityView>('GET', `/api/dedup/v1/records/${encodeURIComponent(recordId)}/entity`),
  /** The entities one hop from this one, as dedup lets the agency see them (the network page expands hop by hop). */
  network: (entityId: string) =>
    call<NetworkView>('GET', `/api/dedup/v1/entities/${encodeURIComponent(entityId)}/network?depth=1`),
};

export const STREAM_URL = alerting('/alerts/stream');
