/** The left column: alerts as the filters and order say, newest arrivals marked, "load more" by cursor. */
import type { Alert } from '../api/types';
import { datasetLabel, percent } from '../format/labels';
import { entryBody, headline } from '../format/record-view';
import { LevelChip, NoticeChip, StatusBadge, When } from '../ui/chips';

export function AlertList({
  alerts,
  selectedId,
  fresh,
  loading,
  error,
  hasMore,
  onOpen,
  onLoadMore,
}: {
  alerts: Alert[];
  selectedId?: string;
  fresh: Set<string>;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  onOpen: (alertId: string) => void;
  onLoadMore: () => void;
}) {
  return (
    <div className="alert-list-body">
      {error && (
        <p className="banner error" role="alert">
          Could not load alerts: {error}
        </p>
      )}
      {!loading && !error && alerts.length === 0 && (
        <div className="empty">
          <p className="empty-title">No alerts here yet</p>
          <p className="muted">New alerts appear here as soon as they are raised; there is no need to reload.</p>
        </div>
      )}
      <ol className="alert-list" aria-label="Alerts">
        {alerts.map((alert) => (
          <li key={alert.alertId}>
            <button
              type="button"
              className={`alert-item colour-${alert.noticeColour ?? 'none'}${alert.alertId === selectedId ? ' selected' : ''}${fresh.has(alert.alertId) ? ' fresh' : ''}${alert.status === 'false_positive' || alert.status === 'retracted' ? ' closed' : ''}`}
              onClick={() => onOpen(alert.alertId)}
              aria-current={alert.alertId === selectedId ? 'true' : undefined}
              data-alert-id={alert.alertId}
            >
              <span className="alert-item-top">
                <span className="alert-item-subject">
                  {alert.networkLink
                    ? `${alert.networkLink.ownCase.caseRef} ↔ ${alert.networkLink.otherCase.agency}`
                    : headline(alert.record ?? undefined) || headline(entryBody(alert.entry)) || alert.recordKind}
                </span>
                <LevelChip level={alert.level} score={alert.score ?? undefined} />
              </span>
              <span className="alert-item-entry">
                {alert.noticeColour ? (
                  <NoticeChip colour={alert.noticeColour} />
                ) : (
                  <span className="dataset">{datasetLabel(alert.dataset)}</span>
                )}
                <span className="entry-id">{alert.entryId ?? alert.hitNoHit?.reference}</span>
              </span>
              <span className="alert-item-meta">
                <StatusBadge status={alert.status} />
                <span className="muted">
                  {alert.kind === 'hit_no_hit'
                    ? 'Hit/no-hit'
                    : alert.kind === 'hit_notice'
                      ? 'Hit notice'
                      : (alert.subscriptionName ?? (alert.kind === 'network_link' ? 'Network link' : 'Subscription'))}
                </span>
                <span className="muted right">
                  <When at={alert.raisedAt} />
                </span>
              </span>
              {fresh.has(alert.alertId) && (
                <span className="visually-hidden">
                  , just arrived{alert.score !== null && ` (score ${percent(alert.score)})`}
                </span>
              )}
            </button>
          </li>
        ))}
      </ol>
      {loading && <p className="muted center">Loading…</p>}
      {hasMore && !loading && (
        <button type="button" className="secondary wide" onClick={onLoadMore}>
          Load more
        </button>
      )}
    </div>
  );
}
