/**
 * Sends webhook deliveries. Woken through a PgListener by NOTIFY when a delivery
 * commits (and by its poll, for retries that come due and for NOTIFYs lost
 * while reconnecting), it
 * claims due deliveries with a lease, POSTs each signed alert to its receiver,
 * and records the outcome: delivered on a 2xx, retried with backoff and jitter
 * otherwise, dead-lettered after `WEBHOOK_MAX_ATTEMPTS`. Every alerting
 * instance runs one; `FOR UPDATE SKIP LOCKED` keeps them from sending a
 * delivery twice at once. Every call goes through the guarded transport, so a
 * receiver on an address the target rules refuse fails for good, with why.
 */
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { databaseUrlOf, PgListener } from '@crosscheck/persistence';
import { DataSource } from 'typeorm';
import { AlertingConfig } from '../alerting.config';
import { alertView } from '../model/alert-view';
import { Alert, AlertsRepository } from '../persistence/alerts.repository';
import { retryDelayMs } from './retry-backoff';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature';
import { ReceiverTimeoutError, TargetRefusedError, WebhookTransport } from './webhook-transport';
import { DELIVERIES_CHANNEL, DueDelivery, WebhooksRepository } from '../persistence/webhooks.repository';

const POLL_MS = 500;
/** A sender that died mid-call leaves its delivery due again after this. */
const LEASE_MARGIN_MS = 10_000;

type CallOutcome = { ok: true; status: number } | { ok: false; status: number | null; error: string; final: boolean };

@Injectable()
export class WebhookDispatcher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly tracer = trace.getTracer('crosscheck.webhooks');
  private readonly inFlight = new Set<Promise<void>>();
  private readonly transport: WebhookTransport;
  private readonly listener: PgListener;

  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhooksRepository,
    private readonly alerts: AlertsRepository,
    private readonly config: AlertingConfig,
  ) {
    this.transport = new WebhookTransport(config.webhookTargets());
    this.listener = new PgListener({
      name: 'alerting-webhooks',
      connection: { connectionString: databaseUrlOf(dataSource) },
      channels: [DELIVERIES_CHANNEL],
      pollMs: POLL_MS,
      logger: this.logger,
      onWake: () => this.claimAndSend(),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    await Promise.allSettled([...this.inFlight]);
    this.transport.close();
  }

  /**
   * Claims what is due, as far as the concurrency allows. The listener never runs two claims at once and
   * claims again after one that was woken meanwhile, or that filled every free slot.
   */
  private async claimAndSend(): Promise<void> {
    const room = this.config.WEBHOOK_CONCURRENCY - this.inFlight.size;
    if (room <= 0) return;
    try {
      const leaseMs = this.config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS;
      const due = await this.webhooks.claimDue(this.dataSource.manager, room, leaseMs);
      for (const delivery of due) this.track(this.send(delivery));
      if (due.length === room) this.listener.wake();
    } catch (error) {
      this.logger.warn(`claiming webhook deliveries failed: ${(error as Error).message}`);
    }
  }

  /** A finished send frees a slot, so it wakes the listener (a no-op once it has stopped). */
  private track(sending: Promise<void>): void {
    this.inFlight.add(sending);
    void sending.finally(() => {
      this.inFlight.delete(sending);
      this.listener.wake();
    });
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const alert = await this.alerts.find(this.dataSource.manager, delivery.alertId).catch(() => undefined);
    const span = this.tracer.startSpan(
      'webhook deliver',
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'crosscheck.delivery_id': delivery.deliveryId,
          'crosscheck.alert_id': delivery.alertId,
          'crosscheck.webhook.event': delivery.event,
          'crosscheck.webhook.attempt': delivery.attempts,
        },
      },
      alert ? parentOf(alert) : ROOT_CONTEXT,
    );
    try {
      const outcome =
        alert && alert.agency === delivery.agency
          ? await this.call(delivery, alert)
          : { ok: false as const, status: null, error: 'the alert no longer exists', final: true };
      span.setAttribute('http.response.status_code', outcome.status ?? 0);
      if (outcome.ok) {
        await this.webhooks.markDelivered(this.dataSource.manager, delivery.deliveryId, outcome.status);
        return;
      }
      span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.error });
      const exhausted = outcome.final || delivery.attempts >= this.config.WEBHOOK_MAX_ATTEMPTS;
      const retryIn = exhausted
        ? undefined
        : retryDelayMs(
            { baseMs: this.config.WEBHOOK_BACKOFF_BASE_MS, maxMs: this.config.WEBHOOK_BACKOFF_MAX_MS },
            delivery.attempts,
          );
      await this.webhooks.markFailed(
        this.dataSource.manager,
        delivery.deliveryId,
        outcome.status,
        outcome.error,
        retryIn,
      );
      if (exhausted)
        this.logger.warn(
          `webhook delivery ${delivery.deliveryId} dead-lettered after ${delivery.attempts} attempts: ${outcome.error}`,
        );
    } catch (error) {
      // The outcome could not be written; the lease runs out and the delivery is tried again.
      this.logger.warn(`recording webhook delivery ${delivery.deliveryId} failed: ${(error as Error).message}`);
    } finally {
      span.end();
    }
  }

  private async call(delivery: DueDelivery, alert: Alert): Promise<CallOutcome> {
    const body = JSON.stringify({ deliveryId: delivery.deliveryId, event: delivery.event, alert: alertView(alert) });
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'crosscheck-webhooks/1',
      'x-crosscheck-delivery': delivery.deliveryId,
      'x-crosscheck-event': delivery.event,
      [SIGNATURE_HEADER]: signWebhook(delivery.secret, body, Math.floor(Date.now() / 1000)),
    };
    try {
      const status = await this.transport.post(new URL(delivery.url), headers, body, this.config.WEBHOOK_TIMEOUT_MS);
      if (status >= 200 && status < 300) return { ok: true, status };
      return { ok: false, status, error: `the receiver answered ${status}`, final: false };
    } catch (error) {
      // A refused target stays refused: trying again would only probe it again.
      if (error instanceof TargetRefusedError) return { ok: false, status: null, error: error.message, final: true };
      if (error instanceof ReceiverTimeoutError) return { ok: false, status: null, error: error.message, final: false };
      const { message, code } = error as NodeJS.ErrnoException;
      return {
        ok: false,
        status: null,
        error: code && !message.includes(code) ? `${message} (${code})` : message,
        final: false,
      };
    }
  }
}

/** The delivery is a child of the span that raised or last changed the alert, so it shows in the record's trace. */
function parentOf(alert: Alert) {
  if (!alert.traceId || !alert.spanId) return ROOT_CONTEXT;
  return trace.setSpanContext(context.active(), {
    traceId: alert.traceId,
    spanId: alert.spanId,
    traceFlags: TraceFlags.SAMPLED,
    isRemote: true,
  });
}
