/**
 * Sign-in and sign-out. `POST /session {"key":"cck_…"}` asks alerting who the
 * key belongs to; an analyst key opens a session and the browser gets only the
 * session cookie. `GET /session` tells the page who is signed in;
 * `DELETE /session` signs out.
 */
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { Logger } from 'pino';
import { sendError, sendValidationError } from '../api-error';
import { clearedSessionCookie, sessionCookie, sessionIdFrom, SessionStore } from './session-store';
import { signInBodyProblems } from './sign-in-body';
import { whoami } from './whoami';

/** Analysts get the console; frontline officers its check page alone; operators the pipeline health page. */
const CONSOLE_ROLES = ['analyst', 'frontline', 'operator'];

/** A sign-in body holds a key of 64 characters; anything much bigger is not one. */
const MAX_BODY_BYTES = 4096;

export interface SessionRoutesOptions {
  store: SessionStore;
  alertingUrl: string;
  secureCookie: boolean;
  idleMinutes: number;
  logger: Logger;
}

export function sessionRoutes({ store, alertingUrl, secureCookie, idleMinutes, logger }: SessionRoutesOptions): Router {
  const router = Router();
  const bodiesRead = new WeakSet<object>();

  router.post(
    '/session',
    (request: Request, response: Response, next: NextFunction) => {
      if (!hasBody(request) || request.is('application/json')) return next();
      const given = request.headers['content-type'] ?? 'missing';
      sendError(response, 415, 'unsupported_media_type', `Content-Type must be application/json, not ${given}`);
    },
    // Not strict: a body that is JSON but not an object is told so by signInBodyProblems, not called malformed.
    express.json({
      limit: MAX_BODY_BYTES,
      strict: false,
      verify: (request, _response, raw) => void (raw.length > 0 && bodiesRead.add(request)),
    }),
    async (request: Request, response: Response) => {
      // The parser leaves {} for an empty body, which would read as a body without a key.
      const problems = signInBodyProblems(bodiesRead.has(request) ? request.body : undefined);
      if (problems.length > 0) return sendValidationError(response, problems);
      const key = (request.body as { key: string }).key;
      const answer = await whoami(alertingUrl, key);
      if (answer.outcome === 'unknown')
        return sendError(
          response,
          401,
          'unauthenticated',
          'key: not a valid crosscheck key (unknown, revoked or rotated away)',
        );
      if (answer.outcome === 'unavailable') {
        logger.warn({ status: answer.status }, 'alerting could not check a key at sign-in');
        return sendError(response, 502, 'upstream_unavailable', 'alerting did not answer; try again in a moment');
      }
      if (answer.outcome === 'forbidden')
        return sendError(response, 403, 'forbidden', 'key: lacks the analyst role the console needs');
      if (!answer.roles.some((role) => CONSOLE_ROLES.includes(role))) {
        return sendError(
          response,
          403,
          'forbidden',
          `key: has roles ${answer.roles.join(', ') || 'none'}, and the console needs the analyst, frontline or operator role`,
        );
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

  // The body parser's refusals, in the words the services use for theirs.
  router.use('/session', (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const { type, status } = (error ?? {}) as { type?: string; status?: number };
    // The parser's own message quotes the body, which here is a key: it is not sent back.
    if (type === 'entity.parse.failed') {
      return sendError(response, 400, 'malformed_json', 'request body is not valid JSON; send {"key": "cck_…"}');
    }
    if (type === 'entity.too.large') {
      return sendError(
        response,
        413,
        'payload_too_large',
        `request body is larger than ${MAX_BODY_BYTES} bytes; a sign-in holds only a key`,
      );
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      return sendError(response, 415, 'unsupported_media_type', (error as Error).message);
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendError(response, status, 'bad_request', 'request body could not be read');
    next(error);
  });
  return router;
}

function hasBody(request: Request): boolean {
  return Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
}
