/**
 * Turns matches into alerts, and retractions into retracted alerts.
 *
 * Who hears of a match: every subscription whose filters it passes, and, as
 * INTERPOL's rules require, both sides of the hit (the agency that shared the
 * record and the owner of the reference entry) as a hit notice when none of
 * their subscriptions already alerts them. Nobody hears of a match unless
 * their agency may see both the record and the entry; an agency that may no
 * longer see one side has its alerts on the pair retracted and emptied.
 *
 * One alert per (entity, entry, subscription): a repeated match changes
 * nothing, an improved one updates the alert, a false positive stays silent
 * until either side's data changes. New alerts go out on `alerts.raised.v1`,
 * every change to the live streams, and to the subscription's webhook.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { trace } from '@opentelemetry/api';
import { AlertRaisedSchema, MatchFound, MatchLevel, MatchRetracted, Topics } from '@crosscheck/contracts';
import { maySee } from '@crosscheck/auth';
import { Outbox } from '@crosscheck/messaging';
import { EntityManager } from 'typeorm';
import { AlertEvent, onFinding } from '@crosscheck/alert-lifecycle';
import { Alert, AlertsRepository, Audience, TraceRef } from '../persistence/alerts.repository';
import { Subscription, SubscriptionsRepository } from '../persistence/subscriptions.repository';
import { SuppressionsRepository } from '../persistence/suppressions.repository';
import { WebhooksRepository } from '../persistence/webhooks.repository';
import { MatchFacts, matchFactsOf } from '../model/match-facts';

const NO_LONGER_VISIBLE = 'your agency may no longer see the record or the reference entry of this hit';

@Injectable()
export class RaiseAlertService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly outbox: Outbox,
  ) {}

  async raise(transaction: EntityManager, match: MatchFound): Promise<void> {
    const facts = matchFactsOf(match);
    await this.alerts.lockChanges(transaction);
    const mayKnow = (agency: string) =>
      maySee(agency, { owner: facts.recordOwner, dissemination: facts.recordDissemination }) &&
      maySee(agency, { owner: facts.entryOwner, dissemination: facts.entryDissemination });

    const existing = await this.alerts.ofPair(transaction, facts.entityId, facts.dataset, facts.entryId);
    const audiences = await this.audiencesOf(transaction, facts, mayKnow);
    const silencedFor = await this.silencedAgencies(transaction, facts);
    const ownerDecision = await this.suppressions.ownerDecisionOf(
      transaction,
      facts.entityId,
      facts.dataset,
      facts.entryId,
    );
    const span = trace.getActiveSpan()?.spanContext();
    const traceRef: TraceRef | null = span ? { traceId: span.traceId, spanId: span.spanId } : null;

    for (const { audience, webhookId } of audiences) {
      const current = existing.find((alert) => sameAudience(alert, audience));
      const outcome = onFinding(current, facts, silencedFor.has(audience.agency));
      if (outcome.write === 'nothing') continue;
      if (outcome.write === 'quietly') {
        await this.alerts.refresh(transaction, current!.alertId, facts, outcome.status, false, null);
        continue;
      }
      const alert = current
        ? await this.alerts.refresh(transaction, current.alertId, facts, outcome.status, true, traceRef)
        : await this.alerts.insert(transaction, randomUUID(), audience, facts, ownerDecision, traceRef, outcome.status);
      await this.announce(transaction, alert, outcome.event, webhookId, match);
    }

    for (const alert of existing) {
      if (alert.status !== 'retracted' && !mayKnow(alert.agency)) {
        const withdrawn = await this.alerts.withdrawFromAudience(transaction, alert.alertId, NO_LONGER_VISIBLE);
        await this.notifyWebhook(transaction, withdrawn, 'alert.retracted');
      }
    }
  }

  /** The match no longer holds: alerts that rested on it alone are retracted, with the reason. */
  async retract(transaction: EntityManager, retraction: MatchRetracted): Promise<void> {
    await this.alerts.lockChanges(transaction);
    for (const alert of await this.alerts.ofMatch(transaction, retraction.matchId)) {
      const { alert: changed, retracted } = await this.alerts.dropMatch(
        transaction,
        alert.alertId,
        retraction.matchId,
        retraction.reason || 'the match no longer holds',
      );
      if (retracted && alert.status !== 'retracted') await this.notifyWebhook(transaction, changed, 'alert.retracted');
    }
  }

  /**
   * Subscriptions the match passes, of agencies that may see both sides; then
   * a hit notice for each side of the hit that no subscription of its agency covers.
   */
  private async audiencesOf(
    transaction: EntityManager,
    facts: MatchFacts,
    mayKnow: (agency: string) => boolean,
  ): Promise<{ audience: Audience; webhookId: string | null }[]> {
    const subscribed = (await this.subscriptions.matching(transaction, facts)).filter((subscription) =>
      mayKnow(subscription.agency),
    );
    const audiences = subscribed.map(
      (subscription: Subscription): { audience: Audience; webhookId: string | null } => ({
        audience: { agency: subscription.agency, kind: 'alert', subscriptionId: subscription.subscriptionId },
        webhookId: subscription.webhookId,
      }),
    );
    const covered = new Set(subscribed.map((subscription) => subscription.agency));
    for (const party of new Set([facts.recordOwner, facts.entryOwner])) {
      if (!covered.has(party) && mayKnow(party))
        audiences.push({ audience: { agency: party, kind: 'hit_notice', subscriptionId: null }, webhookId: null });
    }
    return audiences;
  }

  /** Agencies that judged this pair a false positive, as both sides still stand; a changed side lifts the judgement. */
  private async silencedAgencies(transaction: EntityManager, facts: MatchFacts): Promise<Set<string>> {
    const silenced = new Set<string>();
    for (const suppression of await this.suppressions.ofPair(
      transaction,
      facts.entityId,
      facts.dataset,
      facts.entryId,
    )) {
      if (suppression.recordDigest === facts.recordDigest && suppression.entryDigest === facts.entryDigest)
        silenced.add(suppression.agency);
      else await this.suppressions.lift(transaction, suppression.agency, facts.entityId, facts.dataset, facts.entryId);
    }
    return silenced;
  }

  private async announce(
    transaction: EntityManager,
    alert: Alert,
    event: AlertEvent,
    webhookId: string | null,
    match: MatchFound,
  ): Promise<void> {
    if (event === 'alert.raised') {
      await this.outbox.enqueue(transaction, {
        topic: Topics.alertsRaised,
        key: alert.entityId,
        schema: AlertRaisedSchema,
        message: create(AlertRaisedSchema, {
          alertId: alert.alertId,
          matchId: alert.matchId,
          agency: alert.agency,
          entityId: alert.entityId,
          recordId: alert.recordId,
          dataset: alert.dataset,
          entryId: alert.entryId,
          score: alert.score,
          level: match.level === MatchLevel.HIT ? MatchLevel.HIT : MatchLevel.POSSIBLE,
          raisedAt: timestampNow(),
        }),
      });
    }
    if (webhookId)
      await this.webhooks.enqueue(transaction, {
        deliveryId: randomUUID(),
        webhookId,
        agency: alert.agency,
        alertId: alert.alertId,
        subscriptionId: alert.subscriptionId,
        event,
      });
  }

  /** A change to an alert its subscription's webhook should hear of (the subscription's current webhook). */
  private async notifyWebhook(transaction: EntityManager, alert: Alert, event: AlertEvent): Promise<void> {
    if (!alert.subscriptionId) return;
    const subscription = await this.subscriptions.find(transaction, alert.agency, alert.subscriptionId);
    if (subscription?.webhookId) {
      await this.webhooks.enqueue(transaction, {
        deliveryId: randomUUID(),
        webhookId: subscription.webhookId,
        agency: alert.agency,
        alertId: alert.alertId,
        subscriptionId: alert.subscriptionId,
        event,
      });
    }
  }
}

function sameAudience(alert: Alert, audience: Audience): boolean {
  return alert.agency === audience.agency && alert.subscriptionId === audience.subscriptionId;
}
