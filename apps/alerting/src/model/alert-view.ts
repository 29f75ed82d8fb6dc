/**
 * An alert as every path out shows it: the API, the live stream and webhooks
 * say the same thing. An alert that withholds one side of its pair (hit/no-hit)
 * has the same fields, with that side's ids, data, explanation and, for an
 * entry, its score and colour empty, and says in `hitNoHit` whom to contact
 * quoting which reference.
 */
import { HIT_NO_HIT_ACTION } from '@crosscheck/auth';
import type { Alert } from '../persistence/alerts.repository';

export function alertView(alert: Alert) {
  const noEntry = alert.withheld === 'entry';
  const noRecord = alert.withheld === 'record';
  return {
    alertId: alert.alertId,
    cursor: String(alert.seq),
    kind: alert.kind,
    agency: alert.agency,
    subscriptionId: alert.subscriptionId,
    subscriptionName: alert.subscriptionName,
    status: alert.status,
    retraction: alert.retractedAt ? { reason: alert.retractionReason, at: alert.retractedAt.toISOString() } : null,
    ownerDecision: alert.ownerDecision,
    outcome: alert.outcome,
    triage: alert.triage,
    matchId: noEntry || noRecord ? null : alert.matchId,
    entityId: noRecord ? null : alert.entityId,
    recordId: noRecord ? null : alert.recordId,
    recordOwner: alert.recordOwner,
    recordKind: alert.recordKind,
    dataset: alert.dataset,
    datasetVersion: noEntry ? null : alert.datasetVersion,
    entryId: noEntry ? null : alert.entryId,
    entryOwner: alert.entryOwner,
    noticeColour: noEntry ? null : alert.noticeColour,
    score: noEntry ? null : alert.score,
    level: alert.level,
    features: alert.withheld ? [] : alert.features,
    record: noRecord ? null : alert.record,
    entry: noEntry ? null : alert.entry,
    hitNoHit: alert.hitReference ? hitNoHitView(alert) : null,
    /** A network link: both cases, the path edge by edge, and the path in words (dedup searched it as this agency may see it). */
    networkLink: alert.networkLink,
    traceId: alert.traceId,
    raisedAt: alert.raisedAt.toISOString(),
    updatedAt: alert.updatedAt.toISOString(),
  };
}

/**
 * What each side of a hit/no-hit is told: the reference, who searched and who
 * owns the entry, when, and what to do. The searcher learns nothing of the
 * probe alarm; the owner sees it.
 */
function hitNoHitView(alert: Alert) {
  const owner = alert.agency === alert.entryOwner;
  return {
    reference: alert.hitReference,
    searchingAgency: alert.recordOwner,
    ownerAgency: alert.entryOwner,
    instantCheck: alert.instantCheck,
    at: alert.raisedAt.toISOString(),
    action: owner
      ? `A restricted entry of yours was hit by ${alert.recordOwner}: confirm, disclose or dismiss; they will quote this reference`
      : HIT_NO_HIT_ACTION,
    disclosed: alert.ownerDecision?.disclosedTo.includes(alert.recordOwner) ?? false,
    probeAlarm: owner && alert.probeCount > 0 ? { answers: alert.probeCount } : null,
  };
}

export type AlertView = ReturnType<typeof alertView>;
