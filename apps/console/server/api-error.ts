/** Answers in crosscheck's one error format, so the page reads the console's errors like the services' own. */
import type { ServerResponse } from 'node:http';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  details: FieldProblem[] = [],
): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify({ error: { code, message, details } }));
}

/** A 400 naming every field that breaks a rule, worded as the services word theirs: `key: must start with cck_`. */
export function sendValidationError(response: ServerResponse, problems: FieldProblem[]): void {
  sendError(
    response,
    400,
    'validation_failed',
    problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    problems,
  );
}
