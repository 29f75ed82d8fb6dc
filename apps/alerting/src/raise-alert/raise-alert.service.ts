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
 * Hit/no-hit (model/hit-no-hit.ts): when the searching agency may not see the
 * entry but its owner chose hit/no-hit, the searcher gets a `hit_no_hit` alert
 * without the entry and the owner a hit notice (without the record if it may
 * not see it), both under one reference; webhooks of either agency hear of them.
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
import { Outbox } from '@crosscheck/messaging';
import { EntityManager } from 'typeorm';
import { AlertEvent, onFinding } from '@crosscheck/alert-lifecycle';
import { Alert, AlertShape, AlertsRepository, Audience, TraceRef } from '../persistence/alerts.repository';
import { Subscription, SubscriptionsRepository } from '../persistence/subscriptions.repository';
import { SuppressionsRepository } from '../persistence/suppressions.repository';
import { WebhooksRepository } from '../persistence/webhooks.repository';
import { WithheldFindingsRepository } from '../persistence/withheld-findings.repository';
import {
  factsShown,
  hitReferenceOf,
  PairReach,
  pairReach,
  restrictedNotices,
  searcherToldHitNoHit,
  Withheld,
} from '../model/hit-no-hit';
import { MatchFacts, matchFactsOf } from '../model/match-facts';

/** Who hears of a match, how (webhooks), and what of the pair is withheld from them. */
interface Hearing {
  audience: Audience;
  webhookIds: string[];
  withheld: Withheld | null;
}

const NO_LONGER_VISIBLE = 'your agency may no longer see the record or the reference entry of this hit';

@Injectable()
export class RaiseAlertService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly withheldFindings: WithheldFindingsRepository,
    private readonly outbox: Outbox,
  ) {}

  async raise(transaction: EntityManager, match: MatchFound): Promise<void> {
    const facts = matchFactsOf(match);
    await this.alerts.lockChanges(transaction);
    const ownerDecision = await this.suppressions.ownerDecisionOf(
      transaction,
      facts.entityId,
      facts.dataset,
      facts.entryId,
    );
    const reach = pairReach(facts, ownerDecision?.disclosedTo ?? []);
    const hearings = await this.hearingsOf(transaction, facts, reach);
    // The two sides of a restricted hit quote one reference; the searcher's missing side waits for the owner.
    const restricted = hearings.some((hearing) => hearing.withheld !== null);
    const reference = restricted ? hitReferenceOf(facts) : null;
    if (searcherToldHitNoHit(facts, reach)) await this.withheldFindings.keep(transaction, facts);
    // The pair's alerts, and the searcher's alert under the reference (one for all the owner's entries it hit).
    const existing = await this.alerts.ofPair(transaction, facts.entityId, facts.dataset, facts.entryId);
    const underReference = await this.alerts.ofPair(transaction, facts.entityId, facts.dataset, hitReferenceOf(facts));
    const silencedFor = await this.silencedAgencies(transaction, facts);
    const span = trace.getActiveSpan()?.spanContext();
    const traceRef: TraceRef | null = span ? { traceId: span.traceId, spanId: span.spanId } : null;

    for (const { audience, webhookIds, withheld } of hearings) {
      const current =
        (withheld === 'entry' ? underReference.find((alert) => sameAudience(alert, audience)) : undefined) ??
        existing.find((alert) => sameAudience(alert, audience));
      const shown = factsShown(facts, withheld, reference);
      // Under one reference, the strongest level of the entries behind it.
      if (withheld === 'entry' && current?.level === 'hit') shown.level = 'hit';
      const shape: AlertShape = {
        kind: audience.kind,
        withheld,
        hitReference: reference && [facts.recordOwner, facts.entryOwner].includes(audience.agency) ? reference : null,
      };
      const outcome = onFinding(current, shown, silencedFor.has(audience.agency));
      if (outcome.write === 'nothing') continue;
      if (outcome.write === 'quietly') {
        await this.alerts.refresh(transaction, current!.alertId, shown, outcome.status, false, null, shape);
        continue;
      }
      const alert = current
        ? await this.alerts.refresh(transaction, current.alertId, shown, outcome.status, true, traceRef, shape)
        : await this.alerts.insert(
            transaction,
            randomUUID(),
            audience,
            shown,
            ownerDecision,
            traceRef,
            outcome.status,
            shape,
          );
      await this.announce(transaction, alert, outcome.event, webhookIds, match);
    }

    for (const alert of [...existing, ...underReference]) {
      if (alert.status === 'retracted') continue;
      const stillHears = alert.subscriptionId
        ? reach.full(alert.agency)
        : hearings.some(({ audience }) => sameAudience(alert, audience)) ||
          (alert.withheld === null && reach.full(alert.agency));
      if (!stillHears) {
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
   * a hit notice for each side of the hit that no subscription of its agency
   * covers; then the restricted notices of hit/no-hit, to every receiver of
   * their agencies.
   */
  private async hearingsOf(transaction: EntityManager, facts: MatchFacts, reach: PairReach): Promise<Hearing[]> {
    const subscribed = (await this.subscriptions.matching(transaction, facts)).filter((subscription) =>
      reach.full(subscription.agency),
    );
    const hearings = subscribed.map((subscription: Subscription): Hearing => ({
      audience: { agency: subscription.agency, kind: 'alert', subscriptionId: subscription.subscriptionId },
      webhookIds: subscription.webhookId ? [subscription.webhookId] : [],
      withheld: null,
    }));
    const covered = new Set(subscribed.map((subscription) => subscription.agency));
    for (const party of new Set([facts.recordOwner, facts.entryOwner])) {
      if (!covered.has(party) && reach.full(party))
        hearings.push({
          audience: { agency: party, kind: 'hit_notice', subscriptionId: null },
          webhookIds: [],
          withheld: null,
        });
    }
    for (const { agency, withheld } of restrictedNotices(facts, reach)) {
      const webhookIds = (await this.webhooks.ofAgency(transaction, agency)).map((webhook) => webhook.webhookId);
      hearings.push({
        audience: { agency, kind: withheld === 'entry' ? 'hit_no_hit' : 'hit_notice', subscriptionId: null },
        webhookIds,
        withheld,
      });
    }
    return hearings;
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
    webhookIds: string[],
    match: MatchFound,
  ): Promise<void> {
    if (event === 'alert.raised') {
      await this.outbox.enqueue(transaction, {
        topic: Topics.alertsRaised,
        key: alert.entityId,
        schema: AlertRaisedSchema,
        message: create(AlertRaisedSchema, {
          alertId: alert.alertId,
          matchId: match.matchId,
          agency: alert.agency,
          entityId: alert.entityId,
          recordId: alert.recordId,
          dataset: match.dataset,
          entryId: alert.entryId ?? undefined,
          score: alert.score,
          level: match.level === MatchLevel.HIT ? MatchLevel.HIT : MatchLevel.POSSIBLE,
          raisedAt: timestampNow(),
        }),
      });
    }
    for (const webhookId of webhookIds)
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
    if (alert.withheld !== null) return this.webhooks.enqueueToAgency(transaction, alert, event);
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
