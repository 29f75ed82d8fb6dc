/**
 * `GET /api/operator/health`: the pipeline's health for the operator page and
 * for scripts. Operators only: a signed-in session whose key has the
 * `operator` role, or such a key as `Authorization: Bearer` (checked against
 * alerting's /v1/whoami, as at sign-in). Counts, offsets and timings only.
 * `GET /metrics` is the console's own, with the alarm gauge and broker lag.
 */
import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../api-error';
import { sessionIdFrom, type SessionStore } from '../session/session-store';
import { whoami } from '../session/whoami';
import type { HealthSampler } from './health-sampler';
import type { Thresholds } from '@crosscheck/operator-views';
import { healthView } from './pipeline-health';

export interface HealthRoutesOptions {
  sampler: HealthSampler;
  thresholds: Thresholds;
  sampleSeconds: number;
  store: SessionStore;
  alertingUrl: string;
  logger: Logger;
}

export function healthRoutes(options: HealthRoutesOptions): Router {
  const router = Router();
  router.get('/api/operator/health', (request, response) => {
    answer(request, response, options).catch((error: unknown) => {
      options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'health view failed');
      sendError(response, 500, 'internal_error', 'internal error');
    });
  });
  router.get('/metrics', (_request, response) => {
    options.sampler.registry.metrics().then(
      (text) => {
        response.setHeader('content-type', options.sampler.registry.contentType);
        response.setHeader('cache-control', 'no-store');
        response.end(text);
      },
      () => sendError(response, 500, 'internal_error', 'metrics unavailable'),
    );
  });
  return router;
}

async function answer(request: Request, response: Response, options: HealthRoutesOptions): Promise<void> {
  const roles = await callerRoles(request, options);
  if (roles === 'unavailable')
    return sendError(response, 502, 'upstream_unavailable', 'alerting did not answer; try again in a moment');
  if (roles === undefined) return sendError(response, 401, 'unauthenticated', 'not signed in, and no valid key given');
  if (!roles.includes('operator'))
    return sendError(
      response,
      403,
      'forbidden',
      `the pipeline health page needs the operator role; this key has ${roles.join(', ') || 'none'}`,
    );
  response.setHeader('cache-control', 'no-store');
  response.json(healthView(options.sampler.series.all(), options.thresholds, options.sampleSeconds));
}

/** The roles of the session, else of the bearer key; undefined when neither is known. */
async function callerRoles(
  request: Request,
  { store, alertingUrl }: HealthRoutesOptions,
): Promise<string[] | undefined | 'unavailable'> {
  const session = store.find(sessionIdFrom(request.headers.cookie));
  if (session) return session.roles;
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '')?.[1];
  if (!bearer) return undefined;
  const known = await whoami(alertingUrl, bearer);
  if (known.outcome === 'known') return known.roles;
  if (known.outcome === 'forbidden') return [];
  return known.outcome === 'unavailable' ? 'unavailable' : undefined;
}
