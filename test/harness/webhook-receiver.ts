/**
 * A webhook receiver on loopback for tests: records every delivery with its
 * raw body and headers, and answers with the status its plan says, so a test
 * can make it fail on purpose and then recover.
 */
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: any;
  answeredWith: number;
  at: number;
}

export interface WebhookReceiver {
  url(path?: string): string;
  received: ReceivedDelivery[];
  /** The status to answer on the given path from now on (200 unless said otherwise). */
  answer(path: string, status: number): void;
  /** Resolves once `count` deliveries to `path` match `predicate`. */
  waitFor(
    path: string,
    count: number,
    predicate?: (delivery: ReceivedDelivery) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

/** `now` stamps each delivery's `at` (a benchmark passes `performance.now`, the clock of its send times). */
export async function startWebhookReceiver({ now = Date.now }: { now?: () => number } = {}): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  const statuses = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = now();
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const status = statuses.get(path) ?? 200;
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      received.push({ path, headers: request.headers, rawBody, body, answeredWith: status, at });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'failing on purpose');
    });
  });
  // Alerting keeps its connections to a receiver open between deliveries.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (path, status) => statuses.set(path, status),
    async waitFor(path, count, predicate = () => true, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter((delivery) => delivery.path === path && predicate(delivery));
        if (matching.length >= count) return matching;
        if (Date.now() > deadline)
          throw new Error(`${matching.length} of ${count} deliveries to ${path} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
