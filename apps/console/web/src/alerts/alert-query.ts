/**
 * The alert list's filters and order, in one place for both ways alerts
 * arrive: as query parameters of `GET /v1/alerts` for pages, and as the same
 * rules applied in the page to alerts pushed on the live stream, which come
 * unfiltered and must land where the server would have put them.
 */
import type { Alert, AlertKind, AlertLevel, AlertSort, AlertStatus } from '../api/types';

export interface AlertFilters {
  status: AlertStatus[];
  level: AlertLevel[];
  dataset: string[];
  kind: AlertKind[];
  sort: AlertSort;
}

export const NO_FILTERS: AlertFilters = { status: [], level: [], dataset: [], kind: [], sort: 'newest' };

export const PAGE_SIZE = 50;

/** `?status=new,acknowledged&sort=newest&limit=50&cursor=…`; empty filters are left out (they mean "any"). */
export function alertsQuery(filters: AlertFilters, cursor?: string | null, limit = PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const name of ['status', 'level', 'dataset', 'kind'] as const) {
    if (filters[name].length > 0) params.set(name, filters[name].join(','));
  }
  params.set('sort', filters.sort);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return `?${params.toString()}`;
}

export function matchesFilters(alert: Alert, filters: AlertFilters): boolean {
  const allows = <T>(chosen: T[], value: T) => chosen.length === 0 || chosen.includes(value);
  return (
    allows(filters.status, alert.status) &&
    allows(filters.level, alert.level) &&
    allows(filters.dataset, alert.dataset) &&
    allows(filters.kind, alert.kind)
  );
}

const byTime = (field: 'raisedAt' | 'updatedAt', direction: 1 | -1) => (a: Alert, b: Alert) =>
  direction * (Date.parse(a[field]) - Date.parse(b[field]));

const ORDER: Record<AlertSort, (a: Alert, b: Alert) => number> = {
  newest: byTime('raisedAt', -1),
  oldest: byTime('raisedAt', 1),
  updated: byTime('updatedAt', -1),
  score: (a, b) => (b.score ?? 0) - (a.score ?? 0) || Date.parse(b.raisedAt) - Date.parse(a.raisedAt),
};

export function sortAlerts(alerts: Alert[], sort: AlertSort): Alert[] {
  // A stable tie-break, so equal alerts do not swap places as the stream updates them.
  return [...alerts].sort((a, b) => ORDER[sort](a, b) || (a.alertId < b.alertId ? -1 : a.alertId > b.alertId ? 1 : 0));
}

/**
 * An alert pushed on the stream is always the whole, latest alert: it replaces
 * the one with its id, joins the list if it passes the filters, and leaves it
 * when it no longer does (say, triaged out of a "new only" view).
 */
export function upsertAlert(alerts: Alert[], alert: Alert, filters: AlertFilters): Alert[] {
  const others = alerts.filter((existing) => existing.alertId !== alert.alertId);
  return sortAlerts(matchesFilters(alert, filters) ? [...others, alert] : others, filters.sort);
}

/** Adds a further page; an alert already shown (pushed live meanwhile) is not shown twice. */
export function appendPage(alerts: Alert[], page: Alert[], filters: AlertFilters): Alert[] {
  const byId = new Map(alerts.map((alert) => [alert.alertId, alert]));
  for (const alert of page) if (!byId.has(alert.alertId)) byId.set(alert.alertId, alert);
  return sortAlerts([...byId.values()], filters.sort);
}

export function toggle<T>(values: T[], value: T): T[] {
  return values.includes(value) ? values.filter((existing) => existing !== value) : [...values, value];
}

/** Of two copies of one alert (a page and the stream can cross), the later-changed one. */
export function latestOf(a: Alert, b: Alert | undefined): Alert {
  return b && Date.parse(b.updatedAt) >= Date.parse(a.updatedAt) ? b : a;
}

/** A first page, with whatever the stream pushed while it loaded laid over it. */
export function firstPage(page: Alert[], pushed: Iterable<Alert>, filters: AlertFilters): Alert[] {
  const byId = new Map(page.map((alert) => [alert.alertId, alert]));
  for (const alert of pushed) {
    const merged = latestOf(byId.get(alert.alertId) ?? alert, alert);
    if (matchesFilters(merged, filters)) byId.set(alert.alertId, merged);
    else byId.delete(alert.alertId);
  }
  return sortAlerts([...byId.values()], filters.sort);
}
