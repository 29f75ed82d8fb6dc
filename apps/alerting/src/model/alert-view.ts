/** An alert as every path out shows it: the API, the live stream and webhooks say the same thing. */
import type { Alert } from '../persistence/alerts.repository';

export function alertView(alert: Alert) {
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
    matchId: alert.matchId,
    entityId: alert.entityId,
    recordId: alert.recordId,
    recordOwner: alert.recordOwner,
    recordKind: alert.recordKind,
    dataset: alert.dataset,
    datasetVersion: alert.datasetVersion,
    entryId: alert.entryId,
    entryOwner: alert.entryOwner,
    noticeColour: alert.noticeColour,
    score: alert.score,
    level: alert.level,
    features: alert.features,
    record: alert.record,
    entry: alert.entry,
    traceId: alert.traceId,
    raisedAt: alert.raisedAt.toISOString(),
    updatedAt: alert.updatedAt.toISOString(),
  };
}

export type AlertView = ReturnType<typeof alertView>;
