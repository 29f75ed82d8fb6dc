/**
 * The console's few client routes, in the address bar so that an alert can be
 * linked to and the back button works: `/` (alerts), `/alerts/<id>` (one
 * open), `/subscriptions`, `/network/<entity id>`, `/operations[/<code>]` (an operation's report).
 * The server answers index.html for all of them.
 */
import { useCallback, useEffect, useState } from 'react';

export type Route =
  | { page: 'alerts'; alertId?: string }
  | { page: 'subscriptions' }
  | { page: 'network'; entityId: string }
  | { page: 'operations'; code?: string };

export function routeOf(pathname: string): Route {
  if (pathname.startsWith('/subscriptions')) return { page: 'subscriptions' };
  const network = /^\/network\/([^/]+)/.exec(pathname);
  if (network) return { page: 'network', entityId: decodeURIComponent(network[1]) };
  const operation = /^\/operations(?:\/([^/]+))?/.exec(pathname);
  if (operation)
    return operation[1] ? { page: 'operations', code: decodeURIComponent(operation[1]) } : { page: 'operations' };
  const open = /^\/alerts\/([^/]+)/.exec(pathname);
  return open ? { page: 'alerts', alertId: decodeURIComponent(open[1]) } : { page: 'alerts' };
}

export function pathOf(route: Route): string {
  if (route.page === 'subscriptions') return '/subscriptions';
  if (route.page === 'network') return `/network/${encodeURIComponent(route.entityId)}`;
  if (route.page === 'operations') return route.code ? `/operations/${encodeURIComponent(route.code)}` : '/operations';
  return route.alertId ? `/alerts/${encodeURIComponent(route.alertId)}` : '/';
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => routeOf(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    const path = pathOf(next);
    if (path !== window.location.pathname) window.history.pushState(null, '', path);
    setRoute(next);
  }, []);
  return [route, navigate];
}
