/** The alerts screen: filters and the live list on the left, the open alert on the right. */
import type { Alert } from '../api/types';
import type { AlertFilters as Filters } from './alert-query';
import { AlertDetail } from './AlertDetail';
import { AlertFilters, SortSelect } from './AlertFilters';
import { AlertList } from './AlertList';
import type { AlertFeed } from './use-alert-feed';

export function AlertsPage({
  feed,
  filters,
  onFilters,
  openId,
  onOpen,
  agency,
  zipkinUrl,
}: {
  feed: AlertFeed;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  openId?: string;
  onOpen: (alertId: string | undefined) => void;
  agency: string;
  zipkinUrl: string;
}) {
  return (
    <div className={`alerts-page${openId ? ' has-open' : ''}`}>
      <aside className="alerts-column" aria-label="Alert list">
        <div className="alerts-column-head">
          <h2>
            Alerts{' '}
            <span className="count">
              {feed.alerts.length}
              {feed.nextCursor ? '+' : ''}
            </span>
          </h2>
          <SortSelect sort={filters.sort} onChange={(sort) => onFilters({ ...filters, sort })} />
        </div>
        <AlertFilters filters={filters} onChange={onFilters} />
        <AlertList
          alerts={feed.alerts}
          selectedId={openId}
          fresh={feed.fresh}
          loading={feed.loading}
          error={feed.error}
          hasMore={feed.nextCursor !== null}
          onOpen={onOpen}
          onLoadMore={feed.loadMore}
        />
      </aside>
      <section className="detail-column" aria-label="Alert">
        {openId ? (
          <AlertDetail
            key={openId}
            alertId={openId}
            known={feed.latest(openId)}
            onPushed={feed.onPushed}
            agency={agency}
            zipkinUrl={zipkinUrl}
            onChanged={(alert: Alert) => feed.remember(alert)}
            onClose={() => onOpen(undefined)}
          />
        ) : (
          <div className="detail-empty">
            <p className="empty-title">Open an alert</p>
            <p className="muted">
              Pick one on the left to see the shared record beside the reference entry, why they matched, and to triage
              it.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
