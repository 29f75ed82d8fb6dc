/**
 * `GET /v1/admin/dead-letters` query parameters, checked and turned into SQL:
 * filters by original topic, status, time of failure, error text and message
 * key; newest first, paged by keyset (the cursor is the last dead letter of
 * the previous page).
 */
import { ALL_TOPICS } from '@crosscheck/contracts';
import { invalidField } from '@crosscheck/runtime';

export const DEAD_LETTER_STATUSES = ['pending', 'replayed', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const MAX_TEXT = 200;
/** An instant with its offset: `2026-12-06T10:00:00Z`, `2026-12-06T11:00:00.5+01:00`. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface DeadLetterListQuery {
  topic?: string;
  status?: string;
  since?: string;
  until?: string;
  error?: string;
  key?: string;
  cursor?: string;
  limit?: string;
}

export interface DeadLetterListSql {
  where: string;
  values: unknown[];
  limit: number;
}

const PARAMETERS = ['topic', 'status', 'since', 'until', 'error', 'key', 'cursor', 'limit'];

export function deadLetterListSql(parameters: Record<string, unknown>): DeadLetterListSql {
  const unknown = Object.keys(parameters).find((name) => !PARAMETERS.includes(name));
  if (unknown !== undefined)
    throw invalidField(
      unknown.slice(0, 40),
      'unknownParameter',
      `is not a filter of this list; use ${PARAMETERS.join(', ')}`,
    );
  for (const [field, value] of Object.entries(parameters)) {
    if (typeof value !== 'string')
      throw invalidField(field, 'singleValue', 'must be given once; list several values separated by commas');
  }
  const query = parameters as DeadLetterListQuery;
  const values: unknown[] = [];
  const conditions: string[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;

  const topics = listOf('topic', query.topic, ALL_TOPICS);
  if (topics) conditions.push(`topic = ANY(${bind(topics)}::text[])`);
  const statuses = listOf('status', query.status, DEAD_LETTER_STATUSES);
  if (statuses) conditions.push(`status = ANY(${bind(statuses)}::text[])`);
  const since = instant('since', query.since);
  if (since) conditions.push(`failed_at >= ${bind(since)}`);
  const until = instant('until', query.until);
  if (until) conditions.push(`failed_at < ${bind(until)}`);
  if (since && until && since >= until) throw invalidField('until', 'isAfterSince', 'must be later than since');
  if (query.error !== undefined) {
    conditions.push(`strpos(lower(error), lower(${bind(text('error', query.error))})) > 0`);
  }
  if (query.key !== undefined) {
    conditions.push(`message_key = convert_to(${bind(text('key', query.key))}, 'UTF8')`);
  }
  if (query.cursor !== undefined) {
    if (!/^[1-9]\d{0,17}$/.test(query.cursor))
      throw invalidField('cursor', 'isCursor', 'must be a cursor from a previous page');
    conditions.push(`dead_letter_id < ${bind(query.cursor)}`);
  }
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  if (query.limit !== undefined && (!/^\d{1,4}$/.test(query.limit) || limit < 1 || limit > MAX_PAGE))
    throw invalidField('limit', 'range', `must be a whole number from 1 to ${MAX_PAGE}`);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', values, limit };
}

/** A dead letter's id as it appears in a path; anything else names no dead letter. */
export function isDeadLetterId(value: string): boolean {
  return /^[1-9]\d{0,17}$/.test(value);
}

function listOf(field: string, value: string | undefined, allowed: readonly string[]): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',');
  const wrong = items.find((item) => !allowed.includes(item));
  if (wrong !== undefined)
    throw invalidField(field, 'isIn', `must be one or more of ${allowed.join(', ')}, separated by commas`);
  return items;
}

function instant(field: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (!INSTANT.test(value) || Number.isNaN(at.getTime()))
    throw invalidField(field, 'isInstant', 'must be a date and time with its offset, e.g. 2026-12-06T10:00:00Z');
  return at;
}

function text(field: string, value: string): string {
  if (value.length === 0 || value.length > MAX_TEXT)
    throw invalidField(field, 'length', `must be 1 to ${MAX_TEXT} characters`);
  return value;
}
