/**
 * The console: checks for a session first (the cookie is HttpOnly, so only the
 * server can say), shows sign-in without one, and otherwise the header with
 * the agency, the live-stream state and sign-out over the alerts or the
 * subscriptions page.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, whenSignedOut } from './api/client';
import type { SignedIn } from './api/types';
import { NO_FILTERS, type AlertFilters } from './alerts/alert-query';
import { AlertsPage } from './alerts/AlertsPage';
import { useAlertFeed, type StreamState } from './alerts/use-alert-feed';
import { OperatorConsole } from './health/OperatorConsole';
import { useRoute } from './route';
import { Logo, SignIn } from './session/SignIn';
import { SubscriptionsPage } from './subscriptions/SubscriptionsPage';

// Its own small chunk: a phone at a border fetches only what the page needs beyond the shell.
const FrontlinePage = lazy(() =>
  import('./frontline/FrontlinePage').then((module) => ({ default: module.FrontlinePage })),
);
// Its own chunk too: the graph library is the bulk of it, and only this page needs it.
const NetworkPage = lazy(() => import('./network/NetworkPage').then((module) => ({ default: module.NetworkPage })));
// Its own chunk too: the frontline phone, which loads the shell, never fetches it.
const OperationsPage = lazy(() =>
  import('./operations/OperationsPage').then((module) => ({ default: module.OperationsPage })),
);
const STREAM_LABELS: Record<StreamState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline, retrying',
};

export function App() {
  const [session, setSession] = useState<SignedIn | null | undefined>(undefined);
  const [zipkinUrl, setZipkinUrl] = useState('');

  useEffect(() => {
    whenSignedOut(() => setSession(null));
    api.session().then(setSession, () => setSession(null));
    api.config().then(
      (config) => setZipkinUrl(config.zipkinUrl),
      () => undefined,
    );
  }, []);

  if (session === undefined) return <div className="splash" aria-busy="true" />;
  if (session === null) return <SignIn onSignedIn={setSession} />;
  // Operators get the pipeline health page; those who are analysts too reach it at /operator.
  if (
    session.roles.includes('operator') &&
    (!session.roles.includes('analyst') || window.location.pathname.startsWith('/operator'))
  )
    // In the main bundle (7 KiB): a chunk of its own would cost the page a round trip before its first figures.
    return (
      <OperatorConsole
        agency={session.agency}
        analyst={session.roles.includes('analyst')}
        onSignOut={() => void api.signOut().finally(() => setSession(null))}
      />
    );
  // Frontline officers get the check page alone; analysts reach it at /frontline.
  if (!session.roles.includes('analyst') || window.location.pathname.startsWith('/frontline'))
    return (
      <Suspense fallback={<div className="splash" aria-busy="true" />}>
        <FrontlinePage agency={session.agency} onSignOut={() => void api.signOut().finally(() => setSession(null))} />
      </Suspense>
    );
  return <Console session={session} zipkinUrl={zipkinUrl} onSignedOut={() => setSession(null)} />;
}

function Console({
  session,
  zipkinUrl,
  onSignedOut,
}: {
  session: SignedIn;
  zipkinUrl: string;
  onSignedOut: () => void;
}) {
  const [route, navigate] = useRoute();
  const [filters, setFilters] = useState<AlertFilters>(NO_FILTERS);
  const feed = useAlertFeed(filters);

  const signOut = useCallback(async () => {
    await api.signOut().catch(() => undefined);
    window.history.replaceState(null, '', '/');
    onSignedOut();
  }, [onSignedOut]);

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <Logo />
          <span>crosscheck</span>
          <span className="brand-sub">Analyst console</span>
        </div>
        <nav className="tabs" aria-label="Pages">
          <a
            href="/"
            className={route.page === 'alerts' ? 'tab on' : 'tab'}
            aria-current={route.page === 'alerts' ? 'page' : undefined}
            onClick={(event) => (event.preventDefault(), navigate({ page: 'alerts' }))}
          >
            Alerts
          </a>
          <a
            href="/subscriptions"
            className={route.page === 'subscriptions' ? 'tab on' : 'tab'}
            aria-current={route.page === 'subscriptions' ? 'page' : undefined}
            onClick={(event) => (event.preventDefault(), navigate({ page: 'subscriptions' }))}
          >
            Subscriptions
          </a>
          <a
            href="/operations"
            className={route.page === 'operations' ? 'tab on' : 'tab'}
            aria-current={route.page === 'operations' ? 'page' : undefined}
            onClick={(event) => (event.preventDefault(), navigate({ page: 'operations' }))}
          >
            Operations
          </a>
          {session.roles.includes('operator') && (
            <a href="/operator" className="tab">
              Pipeline
            </a>
          )}
        </nav>
        <div className="topbar-right">
          <span className={`live live-${feed.stream}`} role="status" aria-live="polite" data-stream={feed.stream}>
            <span className="live-dot" aria-hidden="true" />
            {STREAM_LABELS[feed.stream]}
          </span>
          <span className="who" title={`key ${session.keyId} · roles ${session.roles.join(', ')}`}>
            <span className="agency-tag own" data-testid="agency">
              {session.agency}
            </span>
            <span className="muted">analyst</span>
          </span>
          <button type="button" className="secondary small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main className="content">
        {route.page === 'subscriptions' ? (
          <SubscriptionsPage />
        ) : route.page === 'network' ? (
          <Suspense fallback={<div className="splash" aria-busy="true" />}>
            <NetworkPage key={route.entityId} entityId={route.entityId} agency={session.agency} />
          </Suspense>
        ) : route.page === 'operations' ? (
          <Suspense fallback={<div className="splash" aria-busy="true" />}>
            <OperationsPage code={route.code} onOpen={(code) => navigate({ page: 'operations', code })} />
          </Suspense>
        ) : (
          <AlertsPage
            feed={feed}
            filters={filters}
            onFilters={setFilters}
            openId={route.alertId}
            onOpen={(alertId) => navigate({ page: 'alerts', alertId })}
            agency={session.agency}
            zipkinUrl={zipkinUrl}
          />
        )}
      </main>
    </div>
  );
}
