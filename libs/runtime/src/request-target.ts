/**
 * The rules for what a request names in its path and query string, checked
 * before routing: the text rules of request-text.ts on every decoded path
 * segment and query value (a `%00` in an id must not reach the database or
 * the audit log), and each query parameter given once, as plain text
 * (`?reason=a&reason=b` and `?reason[x]=a` are refused rather than read as a
 * list or an object that no handler expects). Lists in crosscheck's queries
 * are comma-separated.
 */
import type { RequestHandler } from 'express';
import { invalidField } from './api-errors';
import { rejectText, sendError } from './json-body';
import { textRuleBroken, TEXT_RULES } from './request-text';

export const requestTarget: RequestHandler = (request, response, next) => {
  for (const segment of request.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return refuse(response, 'path', 'percentEncoding', 'is not valid percent-encoded UTF-8');
    }
    const rule = textRuleBroken(decoded, 'path');
    if (rule) return rejectText(response, { field: 'path', rule, message: TEXT_RULES[rule] });
  }
  for (const [name, value] of Object.entries(request.query)) {
    if (typeof value !== 'string')
      return refuse(response, name, 'singleValue', 'must be given once, as plain text (lists are comma-separated)');
    const rule = textRuleBroken(value, name) ?? textRuleBroken(name, name);
    if (rule) return rejectText(response, { field: name, rule, message: TEXT_RULES[rule] });
  }
  next();
};

function refuse(response: Parameters<RequestHandler>[1], field: string, rule: string, message: string): void {
  const { code, message: text, details } = invalidField(field, rule, message);
  sendError(response, 400, { code, message: text, details });
}
