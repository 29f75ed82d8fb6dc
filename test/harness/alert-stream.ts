/**
 * A minimal Server-Sent Events client for tests: reads alerting's live stream
 * the way a browser's EventSource would, and hands events over as they arrive.
 */
import { SseParser, type SseEvent } from './sse-parser';

export type StreamEvent = SseEvent;

export interface AlertStream {
  /** Resolves with the next event matching `predicate`, or rejects after `timeoutMs`. */
  next(predicate?: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Everything received so far. */
  received: StreamEvent[];
  close(): void;
}

/** Opens the stream with an analyst's key; `lastEventId` resumes after that event, as a reconnecting browser does. */
export async function openAlertStream(baseUrl: string, analystKey: string, lastEventId?: string): Promise<AlertStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${analystKey}`, accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const response = await fetch(`${baseUrl}/v1/alerts/stream`, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);

  const received: StreamEvent[] = [];
  const waiters: { predicate: (event: StreamEvent) => boolean; resolve: (event: StreamEvent) => void }[] = [];
  let consumed = 0;
  const deliver = (event: StreamEvent) => {
    received.push(event);
    const index = waiters.findIndex((waiter) => waiter.predicate(event));
    if (index >= 0) {
      consumed = received.length;
      waiters.splice(index, 1)[0].resolve(event);
    }
  };

  void (async () => {
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        parser.push(decoder.decode(chunk, { stream: true })).forEach(deliver);
      }
    } catch {
      // aborted by close()
    }
  })();

  return {
    received,
    next(predicate = () => true, timeoutMs = 30_000) {
      const already = received.slice(consumed).find(predicate);
      if (already) {
        consumed = received.indexOf(already) + 1;
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching stream event within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ predicate, resolve: (event) => (clearTimeout(timer), resolve(event)) });
      });
    },
    close: () => controller.abort(),
  };
}
