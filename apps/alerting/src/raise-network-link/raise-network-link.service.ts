/**
 * Turns network links (dedup's `network.links.v1`) into `network_link` alerts.
 *
 * dedup sends each agency its own view of a link, with the path searched as
 * that agency may see it, and sends nothing to an agency that may not see a
 * path: so the message is the agency's to read, and alerting adds no other
 * side to it. The agency hears of it through every subscription of its own
 * the link passes (subscriptions.repository.ts says which), each with its
 * webhook, or, when none does, as one alert without a subscription: both
 * agencies of a link always hear of it, as both sides of a hit do.
 *
 * One live alert per (link, subscription) or (link, agency): a redelivered or
 * repeated link changes nothing. A link dedup retracts for the agency (the
 * message with `retracted_at`: no path explains it any more) has the agency's
 * alerts on it retracted, as a match's are, with a webhook notice; told again
 * later, it raises new alerts.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { NetworkLinkFound } from '@crosscheck/contracts';
import { EntityManager } from 'typeorm';
import { networkLinkFactsOf } from '../model/network-link-facts';
import { AlertsRepository, Audience, TraceRef } from '../persistence/alerts.repository';
import { SubscriptionsRepository } from '../persistence/subscriptions.repository';
import { WebhooksRepository } from '../persistence/webhooks.repository';

/** Said when dedup's message gives no reason of its own (one sent before dedup gave reasons). */
const LINK_NO_LONGER_HOLDS =
  'no path of strong or declared edges your agency may see links the two cases any more (a shared value became common, or a record on the path was withdrawn)';

@Injectable()
export class RaiseNetworkLinkService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly webhooks: WebhooksRepository,
  ) {}

  /** The agency's alerts on a retracted link: retracted with dedup's reason, each subscription's webhook told. */
  async retract(transaction: EntityManager, message: NetworkLinkFound): Promise<void> {
    await this.alerts.lockChanges(transaction);
    for (const alert of await this.alerts.ofLink(transaction, message.linkId)) {
      if (alert.agency !== message.agency || alert.status === 'retracted') continue;
      const retracted = await this.alerts.retractLink(
        transaction,
        alert.alertId,
        message.retractionReason || LINK_NO_LONGER_HOLDS,
      );
      if (!retracted.subscriptionId) continue;
      const subscription = await this.subscriptions.find(transaction, retracted.agency, retracted.subscriptionId);
      if (subscription?.webhookId)
        await this.webhooks.enqueue(transaction, {
          deliveryId: randomUUID(),
          webhookId: subscription.webhookId,
          agency: retracted.agency,
          alertId: retracted.alertId,
          subscriptionId: retracted.subscriptionId,
          event: 'alert.retracted',
        });
    }
  }

  async raise(transaction: EntityManager, message: NetworkLinkFound): Promise<void> {
    const link = networkLinkFactsOf(message);
    await this.alerts.lockChanges(transaction);
    const existing = await this.alerts.ofLink(transaction, link.linkId);
    const subscribed = await this.subscriptions.matchingNetworkLink(transaction, link);
    const hearings: { audience: Audience; webhookId: string | null }[] =
      subscribed.length > 0
        ? subscribed.map((subscription) => ({
            audience: { agency: link.agency, kind: 'network_link', subscriptionId: subscription.subscriptionId },
            webhookId: subscription.webhookId,
          }))
        : [{ audience: { agency: link.agency, kind: 'network_link', subscriptionId: null }, webhookId: null }];
    const span = trace.getActiveSpan()?.spanContext();
    const traceRef: TraceRef | null = span ? { traceId: span.traceId, spanId: span.spanId } : null;

    for (const { audience, webhookId } of hearings) {
      const told = existing.some(
        (alert) =>
          alert.agency === audience.agency &&
          alert.subscriptionId === audience.subscriptionId &&
          alert.status !== 'retracted',
      );
      if (told) continue;
      const alert = await this.alerts.insertNetworkLink(transaction, randomUUID(), audience, link, traceRef);
      if (webhookId)
        await this.webhooks.enqueue(transaction, {
          deliveryId: randomUUID(),
          webhookId,
          agency: alert.agency,
          alertId: alert.alertId,
          subscriptionId: alert.subscriptionId,
          event: 'alert.raised',
        });
    }
  }
}
