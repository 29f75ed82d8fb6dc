/**
 * The analyst's ends of alerting, timed for bench/alerting.bench.ts: a live
 * stream reader (as test/harness/alert-stream.ts reads it, but calling back
 * with the arrival time of each alert, and reconnecting with Last-Event-ID if
 * alerting cuts a slow client off) and a loopback webhook receiver that checks
 * each delivery's signature and notes when it came. Times are
 * `performance.now()` of this process, the clock the load's send times use.
 */
import { verifyWebhookSignature } from '../../apps/alerting/src/webhooks/webhook-signature';
import { SseParser } from '../../test/harness/sse-parser';
import { startWebhookReceiver } from '../../test/harness/webhook-receiver';

export interface StreamedAlert {
  alertId: string;
  recordId: string;
  kind: string;
  status: string;
}

export interface TimedAlertStream {
  /** Times alerting cut the stream (overflow, restart) and it was reopened from the last event id. */
  readonly reconnects: number;
  close(): Promise<void>;
}

export async function openTimedAlertStream(
  baseUrl: string,
  analystKey: string,
  onAlert: (alert: StreamedAlert, at: number) => void,
): Promise<TimedAlertStream> {
  let reconnects = 0;
  let lastEventId: string | undefined;
  let closing = false;
  let controller = new AbortController();

  const connect = async () => {
    const headers: Record<string, string> = { authorization: `Bearer ${analystKey}`, accept: 'text/event-stream' };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const response = await fetch(`${baseUrl}/v1/alerts/stream`, { headers, signal: controller.signal });
    if (!response.ok || !response.body)
      throw new Error(`alert stream answered ${response.status}: ${await response.text().catch(() => '')}`);
    return response.body as unknown as AsyncIterable<Uint8Array>;
  };

  const read = async (body: AsyncIterable<Uint8Array>) => {
    const decoder = new TextDecoder();
    const parser = new SseParser();
    try {
      for await (const chunk of body) {
        const at = performance.now();
        for (const event of parser.push(decoder.decode(chunk, { stream: true }))) {
          if (event.id) lastEventId = event.id;
          if (event.event !== 'alert') continue;
          const alert = JSON.parse(event.data) as StreamedAlert;
          onAlert({ alertId: alert.alertId, recordId: alert.recordId, kind: alert.kind, status: alert.status }, at);
        }
      }
    } catch {
      // aborted by close(), or the connection dropped: handled below
    }
  };

  let body = await connect();
  const reading = (async () => {
    for (;;) {
      await read(body);
      if (closing) return;
      // Alerting ended the stream (a slow client is cut off): resume where it stopped, as EventSource would.
      reconnects++;
      for (;;) {
        if (closing) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
        try {
          controller = new AbortController();
          body = await connect();
          break;
        } catch {
          // alerting not answering yet: try again
        }
      }
    }
  })();

  return {
    get reconnects() {
      return reconnects;
    },
    async close() {
      closing = true;
      controller.abort();
      await reading;
    },
  };
}

export interface WebhookDelivery {
  event: string;
  alertId: string | undefined;
  /** The record the alert names when it is delivered: a later record of the same entity may have replaced the one that raised it. */
  recordId: string | undefined;
  at: number;
}

export interface TimedWebhookReceiver {
  url(path: string): string;
  /** The signing secret alerting gave when the webhook at `path` was registered. */
  expectSecret(path: string, secret: string): void;
  /** The deliveries received since the last call, their signatures checked. */
  take(): WebhookDelivery[];
  /** Deliveries whose signature did not verify with the path's secret (they are still answered 200 and counted). */
  readonly badSignatures: number;
  close(): Promise<void>;
}

/** test/harness's loopback receiver on this process's `performance.now()` clock, checking every signature. */
export async function startTimedWebhookReceiver(): Promise<TimedWebhookReceiver> {
  const receiver = await startWebhookReceiver({ now: () => performance.now() });
  const secrets = new Map<string, string>();
  let badSignatures = 0;
  return {
    url: (path) => receiver.url(path),
    expectSecret: (path, secret) => void secrets.set(path, secret),
    take: () =>
      receiver.received.splice(0).map(({ path, headers, rawBody, body, at }) => {
        const secret = secrets.get(path);
        const signature = headers['x-crosscheck-signature'];
        if (
          !secret ||
          !body ||
          !verifyWebhookSignature(secret, rawBody, Array.isArray(signature) ? signature[0] : signature)
        )
          badSignatures++;
        return { event: body?.event ?? '', alertId: body?.alert?.alertId, recordId: body?.alert?.recordId, at };
      }),
    get badSignatures() {
      return badSignatures;
    },
    close: () => receiver.close(),
  };
}
