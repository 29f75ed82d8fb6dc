/**
 * `GET /v1/admin/journey?agency=FRA&externalRef=FR-2026-0001` (or `?recordId=`)
 * on the console's server, for operators' tools: the console is the one place
 * that already talks to several services over HTTP, and it keeps no state, so
 * the services still never call each other. Each service answers its own part
 * from its own tables, checks the caller's key for the `operator` role itself
 * and audits the read; the console forwards the key and puts the parts together.
 */
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../api-error';
import {
  AlertingPart,
  assembleJourney,
  ConsumerState,
  consumerLagOf,
  DedupPart,
  IntakePart,
  MatchingPart,
  WAITS_ON,
} from './journey';

export interface JourneyServices {
  intake?: string;
  dedup: string;
  matching?: string;
  alerting: string;
  zipkinUiUrl: string;
}

const TIMEOUT_MS = 5_000;

export function journeyRoutes(services: JourneyServices, logger: Logger): Router {
  const router = Router();
  router.get('/v1/admin/journey', (request, response) => {
    answer(request, response, services).catch((error: unknown) => {
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'journey failed');
      sendError(response, 502, 'upstream_failed', 'a service did not answer its part of the journey');
    });
  });
  return router;
}

async function answer(request: Request, response: Response, services: JourneyServices): Promise<void> {
  if (!services.intake || !services.matching)
    return sendError(response, 503, 'not_configured', 'the console needs INTAKE_URL and MATCHING_URL for journeys');
  const credentials = forwardedCredentials(request);
  const query = new URL(request.originalUrl, 'http://console').search;
  // Intake checks the key, the role and the query, and audits the read; its refusal is the console's answer.
  const intakeAnswer = await call(`${services.intake}/v1/admin/journey${query}`, credentials);
  if (intakeAnswer.status !== 200) return relay(response, intakeAnswer);
  const intake = intakeAnswer.body as IntakePart;
  const recordId = intake.record.recordId;

  const journeyPart = (base: string, query = '') => `${base}/v1/admin/journey/${recordId}${query}`;
  const [dedup, matching, alertingByRecord] = await Promise.all([
    part<DedupPart>(journeyPart(services.dedup), credentials),
    part<MatchingPart>(journeyPart(services.matching), credentials),
    part<AlertingPart>(journeyPart(services.alerting), credentials),
  ]);
  // Dead letters after dedup are keyed by the entity; asked for only when the record waits past dedup.
  const waitsPastDedup =
    dedup?.entityId &&
    (!matching ||
      matching.recordVersion < intake.record.version ||
      (matching.findings.length > 0 && !alertingByRecord?.alerts.length));
  const alerting = waitsPastDedup
    ? await part<AlertingPart>(journeyPart(services.alerting, `?entityId=${dedup.entityId}`), credentials)
    : alertingByRecord;
  const parts = { intake, dedup, matching, alerting };
  let journey = assembleJourney(parts, services.zipkinUiUrl);
  if (journey.waiting?.where === 'consumer') {
    const service = journey.waiting.service;
    const url = { dedup: services.dedup, matching: services.matching, alerting: services.alerting }[service];
    const state = url
      ? await consumerState(service, url, WAITS_ON[journey.waiting.step as keyof typeof WAITS_ON].topic)
      : undefined;
    journey = assembleJourney({ ...parts, consumer: () => state }, services.zipkinUiUrl);
  }
  response.setHeader('cache-control', 'no-store');
  response.json(journey);
}

interface Answer {
  status: number;
  body: unknown;
}

function forwardedCredentials(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  const authorization = request.header('authorization');
  const apiKey = request.header('x-api-key');
  if (authorization) headers.authorization = authorization;
  if (apiKey) headers['x-api-key'] = apiKey;
  return headers;
}

async function call(url: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** A service's part; undefined when it has none (404) or does not answer (it may be stopped: the journey says so). */
async function part<Part>(url: string, headers: Record<string, string>): Promise<Part | undefined> {
  try {
    const answered = await call(url, headers);
    if (answered.status === 200) return answered.body as Part;
    if (answered.status === 404) return undefined;
    throw new Error(`${url} answered ${answered.status}`);
  } catch (error) {
    if (error instanceof TypeError || (error as Error).name === 'TimeoutError') return undefined;
    throw error;
  }
}

async function consumerState(service: string, url: string, topic: string): Promise<ConsumerState> {
  const ready = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    .then((answered) => answered.ok)
    .catch(() => false);
  const metrics = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    .then((answered) => (answered.ok ? answered.text() : ''))
    .catch(() => '');
  return { service, ready, lag: consumerLagOf(metrics, topic) };
}

function relay(response: Response, answered: Answer): void {
  response.status(answered.status);
  response.setHeader('cache-control', 'no-store');
  response.json(answered.body);
}
