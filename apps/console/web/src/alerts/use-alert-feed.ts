/**
 * The analyst's alerts, kept current: pages of `GET /v1/alerts` for the chosen
 * filters and order, and the live stream laid over them. The stream starts at
 * the newest change there is (so it does not replay history the pages already
 * show); EventSource resends Last-Event-ID by itself after a dropped
 * connection, and when the server refused it outright (alerting down, 502) it
 * is opened again after the last event seen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, STREAM_URL } from '../api/client';
import type { Alert } from '../api/types';
import { alertsQuery, appendPage, firstPage, upsertAlert, type AlertFilters } from './alert-query';

export type StreamState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface AlertFeed {
  alerts: Alert[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  stream: StreamState;
  /** Ids that arrived on the stream moments ago, to draw the eye to them. */
  fresh: Set<string>;
  loadMore(): void;
  /** The latest copy of one alert seen anywhere (list or stream). */
  latest(alertId: string): Alert | undefined;
  /** Called with every alert the stream pushes; returns the unsubscribe. */
  onPushed(listener: (alert: Alert) => void): () => void;
  /** A triage answer is the new alert too; shown at once, the stream confirms it. */
  remember(alert: Alert): void;
}

const RECONNECT_MS = 3_000;
const FRESH_MS = 6_000;

export function useAlertFeed(filters: AlertFilters): AlertFeed {
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [fresh, setFresh] = useState<Set<string>>(new Set());

  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const known = useRef(new Map<string, Alert>());
  const pushedDuringLoad = useRef<Alert[] | null>(null);
  const listeners = useRef(new Set<(alert: Alert) => void>());

  const take = useCallback((alert: Alert) => {
    known.current.set(alert.alertId, alert);
    pushedDuringLoad.current?.push(alert);
    setAlerts((current) => upsertAlert(current, alert, filtersRef.current));
  }, []);

  // Pages, whenever the filters or the order change.
  const filtersKey = alertsQuery(filters);
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    pushedDuringLoad.current = [];
    api.alerts(alertsQuery(filters)).then(
      (page) => {
        if (cancelled) return;
        for (const alert of page.alerts) if (!known.current.has(alert.alertId)) known.current.set(alert.alertId, alert);
        setAlerts(firstPage(page.alerts, pushedDuringLoad.current ?? [], filters));
        pushedDuringLoad.current = null;
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        if (cancelled) return;
        pushedDuringLoad.current = null;
        setError(failure instanceof ApiError ? failure.message : String(failure));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filtersKey]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    setLoading(true);
    api.alerts(alertsQuery(filtersRef.current, nextCursor)).then(
      (page) => {
        for (const alert of page.alerts) if (!known.current.has(alert.alertId)) known.current.set(alert.alertId, alert);
        setAlerts((current) => appendPage(current, page.alerts, filtersRef.current));
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (failure: unknown) => {
        setError(failure instanceof ApiError ? failure.message : String(failure));
        setLoading(false);
      },
    );
  }, [nextCursor]);

  // The live stream, once for the whole session.
  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let lastEventId: string | undefined;
    let closed = false;

    const open = (after: string | undefined) => {
      if (closed) return;
      source = new EventSource(after ? `${STREAM_URL}?after=${encodeURIComponent(after)}` : STREAM_URL);
      source.onopen = () => setStream('live');
      source.addEventListener('alert', (event) => {
        const message = event as MessageEvent<string>;
        if (message.lastEventId) lastEventId = message.lastEventId;
        let alert: Alert;
        try {
          alert = JSON.parse(message.data) as Alert;
        } catch {
          return;
        }
        take(alert);
        for (const listener of listeners.current) listener(alert);
        setFresh((current) => new Set(current).add(alert.alertId));
        setTimeout(
          () =>
            setFresh((current) => {
              const next = new Set(current);
              next.delete(alert.alertId);
              return next;
            }),
          FRESH_MS,
        );
      });
      // The server is about to cut us off for being slow; EventSource reconnects with Last-Event-ID.
      source.addEventListener('overflow', () => setStream('reconnecting'));
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          setStream('offline');
          source.close();
          // Refused outright: signed out (the API client then shows sign-in), or a service is down for a moment.
          api.session().then(
            () => {
              retry = setTimeout(() => {
                setStream('reconnecting');
                open(lastEventId ?? after);
              }, RECONNECT_MS);
            },
            () => undefined,
          );
        } else {
          setStream('reconnecting');
        }
      };
    };

    // Start after the latest change there is: what came before, the pages show.
    api.alerts('?sort=updated&limit=1').then(
      (page) => open(page.alerts[0]?.cursor),
      () => open(undefined),
    );
    return () => {
      closed = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [take]);

  return {
    alerts,
    nextCursor,
    loading,
    error,
    stream,
    fresh,
    loadMore,
    latest: (alertId) => known.current.get(alertId),
    onPushed: (listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
    remember: take,
  };
}
