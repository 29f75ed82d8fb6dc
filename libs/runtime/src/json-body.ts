/**
 * How every crosscheck HTTP API reads request bodies: JSON only (415 for any
 * other content type on a request with a body), at most `limit` bytes (413),
 * malformed JSON answered as `malformed_json` (400), absurd nesting refused
 * (400) before validators recurse into it, text that breaks the rules of
 * request-text.ts refused (400 `invalid_text`), all in the one error format,
 * before any handler runs.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, text } from 'express';
import { trace } from '@opentelemetry/api';
import type { FieldProblem } from './api-errors';
import { invalidTextError, textProblemIn } from './request-text';

/** Answers in the one error format, from middleware that runs before Nest's exception filter. */
export function sendError(
  response: Response,
  status: number,
  error: { code: string; message: string; details: FieldProblem[] },
): void {
  response.status(status).json({ error, traceId: trace.getActiveSpan()?.spanContext().traceId });
}

function reject(response: Response, status: number, code: string, message: string): void {
  sendError(response, status, { code, message, details: [] });
}

export function jsonBody(
  limit: number,
): (RequestHandler | ((error: unknown, request: Request, response: Response, next: NextFunction) => void))[] {
  const requireJson: RequestHandler = (request, response, next) => {
    const hasBody =
      Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (hasBody && !request.is(['application/json', 'application/x-ndjson'])) {
      return reject(
        response,
        415,
        'unsupported_media_type',
        `Content-Type must be application/json (or application/x-ndjson for batches), not ${request.headers['content-type'] ?? 'missing'}`,
      );
    }
    next();
  };
  const parseErrors = (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const { type, status } = (error ?? {}) as { type?: string; status?: number };
    if (type === 'entity.parse.failed')
      return reject(response, 400, 'malformed_json', `request body is not valid JSON: ${(error as Error).message}`);
    if (type === 'entity.too.large')
      return reject(response, 413, 'payload_too_large', `request body is larger than ${limit} bytes`);
    if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      return reject(response, 415, 'unsupported_media_type', (error as Error).message);
    if (typeof status === 'number' && status >= 400 && status < 500)
      return reject(response, status, 'bad_request', 'request body could not be read');
    next(error);
  };
  const boundedDepth: RequestHandler = (request, response, next) => {
    if (nestingDepthExceeds(request.body, MAX_NESTING)) {
      return reject(response, 400, 'too_deeply_nested', `request body nests deeper than ${MAX_NESTING} levels`);
    }
    next();
  };
  // NDJSON stays text here; the routes that take it (batches) parse it line by line, so that one bad line is one bad item.
  return [
    requireJson,
    json({ limit, strict: true }),
    text({ type: 'application/x-ndjson', limit }),
    parseErrors,
    boundedDepth,
    wellFormedText,
  ];
}

/** The text rules of request-text.ts, over a JSON body; NDJSON lines are checked one by one by the routes that take them. */
const wellFormedText: RequestHandler = (request, response, next) => {
  if (typeof request.body === 'string') return next();
  const problem = textProblemIn(request.body);
  if (problem) return rejectText(response, problem);
  next();
};

export function rejectText(response: Response, problem: FieldProblem): void {
  sendError(response, 400, invalidTextError(problem));
}

/** No crosscheck document nests this deep; deeper input is an attack on the validators' recursion. */
const MAX_NESTING = 32;

function nestingDepthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
