/**
 * Every HTTP response names its trace (`X-Trace-Id`), so an agency or operator
 * can quote it, and every request is timed by route for Prometheus.
 */
import { Injectable, NestMiddleware } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { httpRequestSeconds } from './metrics';

@Injectable()
export class TraceResponseMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const span = trace.getActiveSpan();
    if (span) response.setHeader('X-Trace-Id', span.spanContext().traceId);
    const stopTimer = httpRequestSeconds.startTimer({ method: request.method });
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stopTimer({ route: `${request.baseUrl}${route}`, status: String(response.statusCode) });
    });
    next();
  }
}
