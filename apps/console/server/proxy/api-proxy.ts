/**
 * `/api/alerting/*` → alerting and `/api/dedup/*` → dedup, as the signed-in
 * analyst, for the calls the console's pages make (api-routes.ts) and no
 * others: the session's key is added as `Authorization: Bearer`, and whatever
 * credentials the browser sent (cookie, headers) are not passed on. Responses
 * stream through as they come, so the live alert stream (SSE) is not buffered;
 * no browser or shared cache keeps them (they hold case data). An answer cut
 * off on either side is cut off on the other. When a service says 401 (the key
 * was revoked or rotated), the session ends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Logger } from 'pino';
import { sendError } from '../api-error';
import { clearedSessionCookie, sessionIdFrom, SessionStore, type Analyst } from '../session/session-store';
import { isConsoleApiCall, type ProxiedService } from './api-routes';

/** Headers a browser could use to speak for another agency or key; only the session decides who is calling. */
export const CREDENTIAL_HEADERS = ['cookie', 'authorization', 'x-api-key', 'x-agency-code'];

export interface ApiProxyOptions {
  /** The service's base URL, e.g. http://127.0.0.1:3004. */
  target: string;
  service: ProxiedService;
  store: SessionStore;
  secureCookie: boolean;
  logger: Logger;
}

export function apiProxy({ target, service, store, secureCookie, logger }: ApiProxyOptions): RequestHandler[] {
  const callers = new WeakMap<IncomingMessage, { analyst: Analyst; sessionId: string }>();

  const consoleCallsOnly: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    if (isConsoleApiCall(service, request.method, request.url)) return next();
    sendError(
      response,
      404,
      'not_found',
      `${request.method} /api/${service}${request.path}: not a call the console makes`,
    );
  };

  const requireSession: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    const sessionId = sessionIdFrom(request.headers.cookie);
    const analyst = store.find(sessionId);
    if (!analyst || !sessionId) return sendError(response, 401, 'unauthenticated', 'not signed in');
    callers.set(request, { analyst, sessionId });
    next();
  };

  const proxy = createProxyMiddleware<Request, Response>({
    target,
    changeOrigin: true,
    xfwd: false,
    on: {
      proxyReq(proxyRequest, request, response) {
        for (const header of CREDENTIAL_HEADERS) proxyRequest.removeHeader(header);
        proxyRequest.setHeader('authorization', `Bearer ${callers.get(request)!.analyst.key}`);
        // A closed browser tab must close the upstream stream too, not leave it open until the next write fails.
        response.on('close', () => {
          if (!response.writableFinished) proxyRequest.destroy();
        });
      },
      proxyRes(proxyResponse, request, response) {
        // A service that goes away mid-answer (a restart cutting open alert streams) must cut the browser's answer too:
        // piping alone would leave it open and silent, and EventSource would never know to reconnect.
        proxyResponse.on('close', () => {
          if (!proxyResponse.complete) response.destroy();
        });
        // no-transform stays where the service asked for it: the alert stream must not be buffered or compressed on the way.
        const noTransform = /no-transform/i.test(String(proxyResponse.headers['cache-control'] ?? ''));
        proxyResponse.headers['cache-control'] = noTransform ? 'no-store, no-transform' : 'no-store';
        delete proxyResponse.headers['x-powered-by'];
        if (proxyResponse.statusCode === 401) {
          const caller = callers.get(request);
          store.close(caller?.sessionId);
          proxyResponse.headers['set-cookie'] = [clearedSessionCookie({ secure: secureCookie })];
          logger.info(
            { service, agency: caller?.analyst.agency, keyId: caller?.analyst.keyId },
            'session ended: the service no longer accepts its key',
          );
        }
      },
      error(error, request, response) {
        logger.warn({ service, method: request.method, err: (error as Error).message }, `${service} did not answer`);
        if ('setHeader' in response)
          sendError(
            response as ServerResponse,
            502,
            'upstream_unavailable',
            `${service} did not answer; try again in a moment`,
          );
        else response.destroy();
      },
    },
  });
  return [consoleCallsOnly, requireSession, proxy as unknown as RequestHandler];
}
