/**
 * `GET /v1/alerts` query parameters, checked and turned into SQL: filters by
 * status, level, dataset, kind, subscription and minimum score; sorted newest,
 * oldest, by score or by last change; paged by keyset (the cursor is the last
 * alert of the previous page), so pages stay stable while alerts arrive.
 */
import { HttpStatus } from '@nestjs/common';
import { ApiError, invalidField, isUuid } from '@crosscheck/runtime';
import { ALERT_STATUSES } from '@crosscheck/alert-lifecycle';

export const ALERT_KINDS = ['alert', 'hit_notice', 'hit_no_hit', 'network_link'] as const;
export const ALERT_LEVELS = ['hit', 'possible', 'link'] as const;
export const ALERT_SORTS = ['newest', 'oldest', 'score', 'updated'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

const DEFAULT_PAGE = 50;
const MAX_PAGE = 500;
const DATASET = /^[a-z][a-z0-9-]{0,39}$/;

export interface AlertListQuery {
  status?: string;
  level?: string;
  dataset?: string;
  kind?: string;
  subscription?: string;
  minScore?: string;
  sort?: string;
  cursor?: string;
  limit?: string;
}

export interface AlertListSql {
  where: string;
  orderAndLimit: string;
  values: unknown[];
  limit: number;
}

/** Keyset order per sort: the column compared, its direction. `alert_id` breaks ties. */
const ORDER: Record<AlertSort, { column: string; direction: 'ASC' | 'DESC' }> = {
  newest: { column: 'raised_at', direction: 'DESC' },
  oldest: { column: 'raised_at', direction: 'ASC' },
  score: { column: 'score', direction: 'DESC' },
  updated: { column: 'updated_at', direction: 'DESC' },
};

const PARAMETERS = ['status', 'level', 'dataset', 'kind', 'subscription', 'minScore', 'sort', 'cursor', 'limit'];

export function alertListSql(agency: string, query: AlertListQuery): AlertListSql {
  const unknown = Object.keys(query).find((name) => !PARAMETERS.includes(name));
  if (unknown !== undefined)
    throw invalidField(
      unknown.slice(0, 40),
      'unknownParameter',
      `is not a filter of this list; use ${PARAMETERS.join(', ')}`,
    );
  const values: unknown[] = [agency];
  const conditions = ['a.agency = $1'];
  const bind = (value: unknown) => `$${values.push(value)}`;

  const statuses = listOf('status', query.status, ALERT_STATUSES);
  if (statuses) conditions.push(`a.status = ANY(${bind(statuses)}::text[])`);
  const levels = listOf('level', query.level, ALERT_LEVELS);
  if (levels) conditions.push(`a.level = ANY(${bind(levels)}::text[])`);
  const kinds = listOf('kind', query.kind, ALERT_KINDS);
  if (kinds) conditions.push(`a.kind = ANY(${bind(kinds)}::text[])`);
  if (query.dataset !== undefined) {
    const datasets = query.dataset.split(',');
    if (datasets.some((dataset) => !DATASET.test(dataset)))
      throw invalidField('dataset', 'isDataset', 'must be dataset names separated by commas, e.g. notices,sltd');
    conditions.push(`a.dataset = ANY(${bind(datasets)}::text[])`);
  }
  if (query.subscription !== undefined) {
    if (!isUuid(query.subscription)) throw invalidField('subscription', 'isUuid', 'must be a subscription id');
    conditions.push(`a.subscription_id = ${bind(query.subscription)}`);
  }
  if (query.minScore !== undefined) {
    const minScore = Number(query.minScore);
    if (query.minScore.trim() === '' || !Number.isFinite(minScore) || minScore < 0 || minScore > 1)
      throw invalidField('minScore', 'range', 'must be a number from 0 to 1');
    conditions.push(`a.score >= ${bind(minScore)}`);
  }

  const sort = (query.sort ?? 'newest') as AlertSort;
  if (!ALERT_SORTS.includes(sort)) throw invalidField('sort', 'isIn', `must be one of ${ALERT_SORTS.join(', ')}`);
  const { column, direction } = ORDER[sort];
  if (query.cursor !== undefined) {
    if (!isUuid(query.cursor)) throw invalidField('cursor', 'isCursor', 'must be a cursor from a previous page');
    const comparison = direction === 'DESC' ? '<' : '>';
    conditions.push(
      `(a.${column}, a.alert_id) ${comparison} (SELECT ${column}, alert_id FROM alerts WHERE alert_id = ${bind(query.cursor)} AND agency = $1)`,
    );
  }
  const limit = pageSize(query.limit);
  return {
    where: conditions.join(' AND '),
    orderAndLimit: `ORDER BY a.${column} ${direction}, a.alert_id ${direction} LIMIT ${bind(limit)}`,
    values,
    limit,
  };
}

export function pageSize(limit: string | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  const size = Number(limit);
  if (!/^\d+$/.test(limit) || size < 1 || size > MAX_PAGE)
    throw invalidField('limit', 'range', `must be a whole number from 1 to ${MAX_PAGE}`);
  return size;
}

function listOf<T extends string>(field: string, text: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',');
  const unknown = items.find((item) => !allowed.includes(item as T));
  if (unknown !== undefined)
    throw invalidField(
      field,
      'isIn',
      `must be one or more of ${allowed.join(', ')}, separated by commas; not "${unknown.slice(0, 40)}"`,
    );
  return items as T[];
}

export function alertNotFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'alert not found');
}
