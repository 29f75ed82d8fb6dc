/**
 * A minimal Server-Sent Events client for tests: reads alerting's live stream
 * the way a browser's EventSource would, and hands events over as they arrive.
 */
export interface StreamEvent {
  id?: string;
  event: string;
  data: string;
}

export interface AlertStream {
  /** Resolves with the next event matching `predicate`, or rejects after `timeoutMs`. */
  next(predicate?: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** Everything received so far. */
  received: StreamEvent[];
  /** Resolves when the server ends the stream (or it is closed). */
  ended: Promise<void>;
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

  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const event: StreamEvent = { event: 'message', data: '' };
          let hasData = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'id') event.id = value;
            else if (field === 'event') event.event = value;
            else if (field === 'data') {
              event.data += (hasData ? '\n' : '') + value;
              hasData = true;
            }
          }
          if (hasData) deliver(event);
        }
      }
    } catch {
      // aborted by close()
    }
  })();

  return {
    received,
    ended,
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
