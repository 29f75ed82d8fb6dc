/**
 * The one error format of every crosscheck HTTP API:
 *   { "error": { "code": "validation_failed", "message": "...",
 *                "details": [{ "field": "names[0].family", "rule": "isNotEmpty", "message": "must not be empty" }] },
 *     "traceId": "..." }
 * `code` is stable, for clients to switch on; 5xx answers never leak internals.
 */
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import type { Response } from 'express';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export class ApiError extends HttpException {
  /** Set on 429s: sent as Retry-After. */
  retryAfterSeconds?: number;

  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super({ code, message, details }, status);
  }
}

/** The body of an error, as a batch answered item by item carries it in the refused item's result. */
export function errorBody(error: ApiError): { code: string; message: string; details: FieldProblem[] } {
  return { code: error.code, message: error.message, details: error.details };
}

/** A 400 for one field that breaks one rule: a query parameter, a header, a cross-field check. */
export function invalidField(field: string, rule: string, message: string): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', `${field}: ${message}`, [{ field, rule, message }]);
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const response = host.switchToHttp().getResponse<Response>();
    const traceId = trace.getActiveSpan()?.spanContext().traceId;
    const { status, body } = this.describe(exception);
    if (exception instanceof ApiError && exception.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    if (status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(status).json({ error: body, traceId });
  }

  private describe(exception: unknown): {
    status: number;
    body: { code: string; message: string; details: FieldProblem[] };
  } {
    if (exception instanceof ApiError) {
      return {
        status: exception.getStatus(),
        body: { code: exception.code, message: exception.message, details: exception.details },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      const message =
        typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return {
        status,
        body: { code: CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'), message, details: [] },
      };
    }
    // Body-reading errors never get here: json-body.ts answers them before any route runs.
    return { status: 500, body: { code: 'internal_error', message: 'internal error', details: [] } };
  }
}
