/**
 * Alerting's `webhooks` (an agency's registered receivers) and
 * `webhook_deliveries` (one row per call to make: written in the same
 * transaction as the alert change it reports, so no delivery is lost; claimed
 * with a lease, so a crashed sender's calls are picked up again).
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AlertEvent } from '@crosscheck/alert-lifecycle';

export interface Webhook {
  webhookId: string;
  agency: string;
  url: string;
  description: string;
  createdBy: string;
  createdAt: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export interface Delivery {
  deliveryId: string;
  webhookId: string;
  agency: string;
  alertId: string;
  subscriptionId: string | null;
  event: AlertEvent;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  resentFrom: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** A claimed delivery, with what the sender needs to make the call. */
export interface DueDelivery extends Delivery {
  url: string;
  secret: string;
}

interface WebhookRow {
  webhook_id: string;
  agency: string;
  url: string;
  description: string;
  secret: string;
  created_by: string;
  created_at: Date;
}

interface DeliveryRow {
  delivery_id: string;
  webhook_id: string;
  agency: string;
  alert_id: string;
  subscription_id: string | null;
  event: AlertEvent;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  resent_from: string | null;
  created_at: Date;
  delivered_at: Date | null;
  url?: string;
  secret?: string;
}

export const DELIVERIES_CHANNEL = 'crosscheck_webhook_deliveries';

@Injectable()
export class WebhooksRepository {
  async register(
    manager: EntityManager,
    webhook: { webhookId: string; agency: string; url: string; description: string; secret: string; createdBy: string },
  ): Promise<Webhook> {
    const rows: WebhookRow[] = await manager.query(
      'INSERT INTO webhooks (webhook_id, agency, url, description, secret, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [webhook.webhookId, webhook.agency, webhook.url, webhook.description, webhook.secret, webhook.createdBy],
    );
    return toWebhook(rows[0]);
  }

  async find(manager: EntityManager, agency: string, webhookId: string): Promise<Webhook | undefined> {
    const rows: WebhookRow[] = await manager.query('SELECT * FROM webhooks WHERE agency = $1 AND webhook_id = $2', [
      agency,
      webhookId,
    ]);
    return rows[0] && toWebhook(rows[0]);
  }

  async ofAgency(manager: EntityManager, agency: string): Promise<Webhook[]> {
    const rows: WebhookRow[] = await manager.query(
      'SELECT * FROM webhooks WHERE agency = $1 ORDER BY created_at, webhook_id',
      [agency],
    );
    return rows.map(toWebhook);
  }

  async delete(manager: EntityManager, agency: string, webhookId: string): Promise<boolean> {
    // UPDATE and DELETE ... RETURNING answer [rows, count] through TypeORM, here and below.
    const [rows]: [unknown[], number] = await manager.query(
      'DELETE FROM webhooks WHERE agency = $1 AND webhook_id = $2 RETURNING webhook_id',
      [agency, webhookId],
    );
    return rows.length > 0;
  }

  /**
   * A change to an alert without a subscription that the agency must hear of
   * (a hit/no-hit alert, an owner's restricted notice): one call to each of the
   * agency's receivers, in the caller's transaction.
   */
  async enqueueToAgency(
    manager: EntityManager,
    alert: { agency: string; alertId: string },
    event: AlertEvent,
  ): Promise<void> {
    for (const webhook of await this.ofAgency(manager, alert.agency)) {
      await this.enqueue(manager, {
        deliveryId: randomUUID(),
        webhookId: webhook.webhookId,
        agency: alert.agency,
        alertId: alert.alertId,
        subscriptionId: null,
        event,
      });
    }
  }

  /** A call to make, in the caller's transaction; the sender is woken once it commits. */
  async enqueue(
    manager: EntityManager,
    delivery: {
      deliveryId: string;
      webhookId: string;
      agency: string;
      alertId: string;
      subscriptionId: string | null;
      event: AlertEvent;
      resentFrom?: string;
    },
  ): Promise<Delivery> {
    const rows: DeliveryRow[] = await manager.query(
      `INSERT INTO webhook_deliveries (delivery_id, webhook_id, agency, alert_id, subscription_id, event, resent_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        delivery.deliveryId,
        delivery.webhookId,
        delivery.agency,
        delivery.alertId,
        delivery.subscriptionId,
        delivery.event,
        delivery.resentFrom ?? null,
      ],
    );
    await manager.query(`SELECT pg_notify('${DELIVERIES_CHANNEL}', '')`);
    return toDelivery(rows[0]);
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs`: each attempt is counted
   * as it starts, and a sender that dies mid-call leaves it due again once the
   * lease runs out.
   */
  async claimDue(manager: EntityManager, limit: number, leaseMs: number): Promise<DueDelivery[]> {
    const [rows]: [DeliveryRow[], number] = await manager.query(
      `WITH due AS (
         SELECT delivery_id FROM webhook_deliveries
          WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2 / 1000.0), updated_at = now()
         FROM due, webhooks w
        WHERE d.delivery_id = due.delivery_id AND w.webhook_id = d.webhook_id
       RETURNING d.*, w.url, w.secret`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({ ...toDelivery(row), url: row.url!, secret: row.secret! }));
  }

  async markDelivered(manager: EntityManager, deliveryId: string, status: number): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries SET status = 'delivered', last_status = $2, last_error = NULL, delivered_at = now(), updated_at = now() WHERE delivery_id = $1`,
      [deliveryId, status],
    );
  }

  /** A failed attempt: tried again after `retryInMs`, or dead-lettered when `retryInMs` is undefined. */
  async markFailed(
    manager: EntityManager,
    deliveryId: string,
    status: number | null,
    error: string,
    retryInMs: number | undefined,
  ): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries SET
         status = CASE WHEN $4::double precision IS NULL THEN 'dead' ELSE 'pending' END,
         next_attempt_at = CASE WHEN $4::double precision IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $4 / 1000.0) END,
         last_status = $2, last_error = $3, updated_at = now()
       WHERE delivery_id = $1`,
      [deliveryId, status, error.slice(0, 500), retryInMs ?? null],
    );
  }

  /** Deliveries still to make and given up on, across every agency: counts only, for operators' health page. */
  async backlog(manager: EntityManager): Promise<{ pending: number; dead: number }> {
    const rows: { pending: string; dead: string }[] = await manager.query(
      `SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending') AS pending,
              (SELECT count(*) FROM webhook_deliveries WHERE status = 'dead') AS dead`,
    );
    return { pending: Number(rows[0].pending), dead: Number(rows[0].dead) };
  }

  async findDelivery(manager: EntityManager, agency: string, deliveryId: string): Promise<Delivery | undefined> {
    const rows: DeliveryRow[] = await manager.query(
      'SELECT * FROM webhook_deliveries WHERE agency = $1 AND delivery_id = $2',
      [agency, deliveryId],
    );
    return rows[0] && toDelivery(rows[0]);
  }

  /** The delivery log, newest first; `before` is the last delivery of the previous page. */
  async deliveries(
    manager: EntityManager,
    agency: string,
    filter: { status?: DeliveryStatus; webhookId?: string; alertId?: string; before?: string },
    limit: number,
  ): Promise<Delivery[]> {
    const rows: DeliveryRow[] = await manager.query(
      `SELECT * FROM webhook_deliveries
        WHERE agency = $1 AND ($2::text IS NULL OR status = $2) AND ($3::uuid IS NULL OR webhook_id = $3) AND ($4::uuid IS NULL OR alert_id = $4)
          AND ($5::uuid IS NULL OR (created_at, delivery_id) < (SELECT created_at, delivery_id FROM webhook_deliveries WHERE delivery_id = $5))
        ORDER BY created_at DESC, delivery_id DESC LIMIT $6`,
      [agency, filter.status ?? null, filter.webhookId ?? null, filter.alertId ?? null, filter.before ?? null, limit],
    );
    return rows.map(toDelivery);
  }
}

function toWebhook(row: WebhookRow): Webhook {
  return {
    webhookId: row.webhook_id,
    agency: row.agency,
    url: row.url,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    deliveryId: row.delivery_id,
    webhookId: row.webhook_id,
    agency: row.agency,
    alertId: row.alert_id,
    subscriptionId: row.subscription_id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    resentFrom: row.resent_from,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}
