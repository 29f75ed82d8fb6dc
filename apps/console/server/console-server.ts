/**
 * The analyst console's HTTP server: the built single-page app (with
 * index.html for client routes), sign-in sessions, the two API proxies,
 * `/config.json` for the page, and `/health` + `/ready` for launchers.
 * Security headers go on every answer; changes are taken from the console's
 * own pages only (security/).
 */
import * as path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { sendError } from './api-error';
import { listenerScheme, reachedOverTls, type ConsoleConfig } from './console.config';
import type { HealthSampler } from './health/health-sampler';
import { healthRoutes } from './health/health.routes';
import { journeyRoutes } from './journey/journey.routes';
import { apiProxy } from './proxy/api-proxy';
import { sameOriginChangesOnly } from './security/same-origin';
import { contentSecurityPolicy, securityHeaders } from './security/security-headers';
import { sessionRoutes } from './session/session.routes';
import { SessionStore } from './session/session-store';

export function createConsoleServer(
  config: ConsoleConfig,
  logger: Logger,
  sampler: HealthSampler,
  store = new SessionStore(config.SESSION_IDLE_MINUTES * 60_000),
): Express {
  const app = express();
  const tls = reachedOverTls(config);
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The path only: query strings can carry filters of case data.
      logger.info(
        { method: request.method, path: request.path, status: response.statusCode, ms: Math.round(ms) },
        'request',
      );
    });
    next();
  });
  app.use(securityHeaders({ tls }));

  const ok = (_request: Request, response: Response) => response.json({ status: 'ok' });
  app.get('/health', ok);
  app.get('/ready', ok);
  app.get('/config.json', (_request, response) => {
    response.setHeader('cache-control', 'no-store');
    response.json({ zipkinUrl: config.ZIPKIN_UI_URL });
  });

  app.use(
    journeyRoutes(
      {
        intake: config.INTAKE_URL,
        dedup: config.DEDUP_URL,
        matching: config.MATCHING_URL,
        alerting: config.ALERTING_URL,
        zipkinUiUrl: config.ZIPKIN_UI_URL,
      },
      logger,
    ),
  );
  app.use(
    sameOriginChangesOnly({ publicOrigin: config.CONSOLE_PUBLIC_ORIGIN, scheme: listenerScheme(config) }, logger),
  );
  app.use(
    sessionRoutes({
      store,
      alertingUrl: config.ALERTING_URL,
      secureCookie: tls,
      idleMinutes: config.SESSION_IDLE_MINUTES,
      logger,
    }),
  );
  app.use(
    healthRoutes({
      sampler,
      thresholds: { lag: config.HEALTH_LAG_ALARM, deadLetters: config.HEALTH_DEAD_LETTERS_ALARM },
      sampleSeconds: config.HEALTH_SAMPLE_SECONDS,
      store,
      alertingUrl: config.ALERTING_URL,
      logger,
    }),
  );
  app.use(
    '/api/alerting',
    ...apiProxy({ target: config.ALERTING_URL, service: 'alerting', store, secureCookie: tls, logger }),
  );
  app.use('/api/dedup', ...apiProxy({ target: config.DEDUP_URL, service: 'dedup', store, secureCookie: tls, logger }));
  app.use(
    '/api/matching',
    ...apiProxy({ target: config.MATCHING_URL, service: 'matching', store, secureCookie: tls, logger }),
  );
  app.use('/api', (_request, response) =>
    sendError(response, 404, 'not_found', 'no such API; the console serves /api/alerting/* and /api/dedup/*'),
  );

  const indexHtml = path.join(config.CONSOLE_WEB_DIR, 'index.html');
  app.use(contentSecurityPolicy);
  // Vite names built assets by content hash, so they can be cached for good; index.html never is.
  app.use(
    '/assets',
    express.static(path.join(config.CONSOLE_WEB_DIR, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  app.use(express.static(config.CONSOLE_WEB_DIR, { index: false, maxAge: '1h' }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(indexHtml);
  });
  app.use((_request: Request, response: Response) => sendError(response, 404, 'not_found', 'not found'));
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const status =
      (error as { status?: number; statusCode?: number }).status ??
      (error as { statusCode?: number }).statusCode ??
      500;
    if (status >= 500)
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'console server error');
    sendError(
      response,
      status,
      status === 404 ? 'not_found' : status >= 500 ? 'internal_error' : 'bad_request',
      status === 404 ? 'not found' : status >= 500 ? 'internal error' : 'bad request',
    );
  });
  return app;
}
