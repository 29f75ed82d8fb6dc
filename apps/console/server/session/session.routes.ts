/**
 * Sign-in and sign-out. `POST /session {"key":"cck_…"}` asks alerting who the
 * key belongs to; an analyst key opens a session and the browser gets only the
 * session cookie. `GET /session` tells the page who is signed in;
 * `DELETE /session` signs out.
 */
import express, { type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import { sendError } from '../api-error';
import { clearedSessionCookie, looksLikeKey, sessionCookie, sessionIdFrom, SessionStore } from './session-store';
import { whoami } from './whoami';

export interface SessionRoutesOptions {
  store: SessionStore;
  alertingUrl: string;
  secureCookie: boolean;
  idleMinutes: number;
  logger: Logger;
}

export function sessionRoutes({ store, alertingUrl, secureCookie, idleMinutes, logger }: SessionRoutesOptions): Router {
  const router = Router();
  const invalidBody = (response: Response) =>
    sendError(response, 400, 'validation_failed', 'key: must be a crosscheck key (cck_…)', [{ field: 'key', rule: 'isCrosscheckKey', message: 'must be a crosscheck key (cck_…)' }]);

  router.post(
    '/session',
    express.json({ limit: '4kb', strict: true }),
    async (request: Request, response: Response) => {
      const key: unknown = (request.body as { key?: unknown } | undefined)?.key;
      if (!looksLikeKey(key)) return invalidBody(response);
      const answer = await whoami(alertingUrl, key);
      if (answer.outcome === 'unknown') return sendError(response, 401, 'unauthenticated', 'key: not a valid crosscheck key (unknown, revoked or rotated away)');
      if (answer.outcome === 'unavailable') {
        logger.warn({ status: answer.status }, 'alerting could not check a key at sign-in');
        return sendError(response, 502, 'upstream_unavailable', 'alerting did not answer; try again in a moment');
      }
      if (answer.outcome === 'forbidden') return sendError(response, 403, 'forbidden', 'key: lacks the analyst role the console needs');
      if (!answer.roles.includes('analyst')) {
        return sendError(response, 403, 'forbidden', `key: has roles ${answer.roles.join(', ') || 'none'}, and the console needs the analyst role`);
      }
      store.close(sessionIdFrom(request.headers.cookie));
      const id = store.open({ key, agency: answer.agency, keyId: answer.keyId, roles: answer.roles });
      logger.info({ agency: answer.agency, keyId: answer.keyId }, 'analyst signed in');
      response.setHeader('set-cookie', sessionCookie(id, { secure: secureCookie, maxAgeSeconds: idleMinutes * 60 }));
      response.setHeader('cache-control', 'no-store');
      response.status(201).json({ agency: answer.agency, keyId: answer.keyId, roles: answer.roles });
    },
  );

  router.get('/session', (request: Request, response: Response) => {
    const analyst = store.find(sessionIdFrom(request.headers.cookie));
    if (!analyst) return sendError(response, 401, 'unauthenticated', 'not signed in');
    response.setHeader('cache-control', 'no-store');
    response.json({ agency: analyst.agency, keyId: analyst.keyId, roles: analyst.roles });
  });

  router.delete('/session', (request: Request, response: Response) => {
    const id = sessionIdFrom(request.headers.cookie);
    const analyst = store.find(id);
    store.close(id);
    if (analyst) logger.info({ agency: analyst.agency, keyId: analyst.keyId }, 'analyst signed out');
    response.setHeader('set-cookie', clearedSessionCookie({ secure: secureCookie }));
    response.status(204).end();
  });

  // A body that is not JSON, or too big for a key.
  router.use('/session', (error: unknown, _request: Request, response: Response, next: (error?: unknown) => void) => {
    if ((error as { type?: string } | undefined)?.type) return invalidBody(response);
    next(error);
  });
  return router;
}
