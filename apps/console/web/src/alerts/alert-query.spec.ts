import type { Alert } from '../api/types';
import {
  alertsQuery,
  appendPage,
  firstPage,
  matchesFilters,
  NO_FILTERS,
  sortAlerts,
  toggle,
  upsertAlert,
  type AlertFilters,
} from './alert-query';

function alert(overrides: Partial<Alert>): Alert {
  return {
    alertId: 'a1',
    cursor: '1',
    kind: 'alert',
    agency: 'FRA',
    subscriptionId: 's1',
    subscriptionName: 'Red notices',
    status: 'new',
    retraction: null,
    ownerDecision: null,
    triage: [],
    entityId: 'e1',
    recordId: 'r1',
    recordOwner: 'FRA',
    recordKind: 'person',
    dataset: 'notices',
    datasetVersion: 3,
    entryId: 'RN-1',
    entryOwner: 'IPSG',
    noticeColour: 'red',
    score: 0.9,
    hitNoHit: null,
    networkLink: null,
    level: 'hit',
    features: [],
    record: null,
    entry: null,
    traceId: null,
    raisedAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

describe('alertsQuery', () => {
  it('asks for the sort and a page size only when nothing is filtered', () => {
    expect(alertsQuery(NO_FILTERS)).toBe('?sort=newest&limit=50');
  });

  it('sends each filter as a comma list, and the cursor of the next page', () => {
    const filters: AlertFilters = {
      status: ['new', 'acknowledged'],
      level: ['hit'],
      dataset: ['notices', 'works-of-art'],
      kind: ['alert'],
      sort: 'score',
    };
    const query = new URLSearchParams(alertsQuery(filters, 'abc=', 20));
    expect(Object.fromEntries(query)).toEqual({
      status: 'new,acknowledged',
      level: 'hit',
      dataset: 'notices,works-of-art',
      kind: 'alert',
      sort: 'score',
      limit: '20',
      cursor: 'abc=',
    });
  });
});

describe('matchesFilters', () => {
  it.each([
    [NO_FILTERS, true],
    [{ ...NO_FILTERS, status: ['new' as const] }, true],
    [{ ...NO_FILTERS, status: ['false_positive' as const] }, false],
    [{ ...NO_FILTERS, level: ['possible' as const] }, false],
    [{ ...NO_FILTERS, dataset: ['sltd', 'notices'] }, true],
    [{ ...NO_FILTERS, kind: ['hit_notice' as const] }, false],
  ])('%#: %p → %p', (filters, expected) => {
    expect(matchesFilters(alert({}), filters)).toBe(expected);
  });
});

describe('sortAlerts', () => {
  const older = alert({
    alertId: 'old',
    raisedAt: '2026-03-01T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    score: 0.95,
  });
  const newer = alert({
    alertId: 'new',
    raisedAt: '2026-03-01T11:00:00Z',
    updatedAt: '2026-03-01T11:00:00Z',
    score: 0.7,
  });

  it.each([
    ['newest', ['new', 'old']],
    ['oldest', ['old', 'new']],
    ['score', ['old', 'new']],
    ['updated', ['old', 'new']],
  ] as const)('%s', (sort, ids) => {
    expect(sortAlerts([newer, older], sort).map((a) => a.alertId)).toEqual(ids);
  });

  it('keeps equal alerts in a stable order', () => {
    const [a, b] = [alert({ alertId: 'a' }), alert({ alertId: 'b' })];
    expect(sortAlerts([b, a], 'newest').map((x) => x.alertId)).toEqual(['a', 'b']);
  });
});

describe('upsertAlert', () => {
  it('puts a new alert where the sort says, newest first', () => {
    const existing = [alert({ alertId: 'x', raisedAt: '2026-03-01T09:00:00Z' })];
    const pushed = alert({ alertId: 'y', raisedAt: '2026-03-01T12:00:00Z' });
    expect(upsertAlert(existing, pushed, NO_FILTERS).map((a) => a.alertId)).toEqual(['y', 'x']);
  });

  it('replaces the alert with the same id by the whole new one', () => {
    const existing = [alert({ alertId: 'x', status: 'new' })];
    const updated = upsertAlert(existing, alert({ alertId: 'x', status: 'acknowledged', cursor: '7' }), NO_FILTERS);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ status: 'acknowledged', cursor: '7' });
  });

  it('drops an alert that no longer passes the filters, and ignores one that never did', () => {
    const onlyNew = { ...NO_FILTERS, status: ['new' as const] };
    expect(upsertAlert([alert({ alertId: 'x' })], alert({ alertId: 'x', status: 'false_positive' }), onlyNew)).toEqual(
      [],
    );
    expect(upsertAlert([], alert({ alertId: 'z', status: 'confirmed' }), onlyNew)).toEqual([]);
  });
});

describe('appendPage', () => {
  it('adds the next page without showing an alert twice', () => {
    const shown = [
      alert({ alertId: 'live', raisedAt: '2026-03-01T12:00:00Z', status: 'acknowledged' }),
      alert({ alertId: 'p1' }),
    ];
    const page = [
      alert({ alertId: 'live', raisedAt: '2026-03-01T12:00:00Z' }),
      alert({ alertId: 'p2', raisedAt: '2026-02-01T10:00:00Z' }),
    ];
    const merged = appendPage(shown, page, NO_FILTERS);
    expect(merged.map((a) => a.alertId)).toEqual(['live', 'p1', 'p2']);
    // What was pushed live is newer than what the page says.
    expect(merged[0].status).toBe('acknowledged');
  });
});

it('toggle adds a value that is missing and removes one that is there', () => {
  expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
  expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
});

describe('firstPage', () => {
  it('lays what the stream pushed while the page loaded over it', () => {
    const page = [
      alert({ alertId: 'a', status: 'new', updatedAt: '2026-03-01T10:00:00Z' }),
      alert({ alertId: 'b', raisedAt: '2026-02-01T10:00:00Z' }),
    ];
    const pushed = [
      alert({ alertId: 'a', status: 'acknowledged', updatedAt: '2026-03-01T10:05:00Z' }),
      alert({ alertId: 'c', raisedAt: '2026-03-02T10:00:00Z', updatedAt: '2026-03-02T10:00:00Z' }),
      alert({ alertId: 'b', status: 'new', updatedAt: '2026-01-01T00:00:00Z' }),
    ];
    const merged = firstPage(page, pushed, NO_FILTERS);
    expect(merged.map((a) => [a.alertId, a.status])).toEqual([
      ['c', 'new'],
      ['a', 'acknowledged'],
      ['b', 'new'],
    ]);
  });

  it('leaves out a pushed alert the filters exclude, even when the page had it', () => {
    const onlyNew = { ...NO_FILTERS, status: ['new' as const] };
    const page = [alert({ alertId: 'a', status: 'new' })];
    const pushed = [alert({ alertId: 'a', status: 'false_positive', updatedAt: '2026-03-01T11:00:00Z' })];
    expect(firstPage(page, pushed, onlyNew)).toEqual([]);
  });
});
