/** Answers in crosscheck's one error format, so the page reads the console's errors like the services' own. */
import type { ServerResponse } from 'node:http';

export function sendError(response: ServerResponse, status: number, code: string, message: string, details: { field: string; rule: string; message: string }[] = []): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('cache-control', 'no-store');
  response.end(JSON.stringify({ error: { code, message, details } }));
}
