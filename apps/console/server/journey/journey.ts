/**
 * A record's journey, put together from each service's own part (intake,
 * dedup, matching, alerting read APIs) without I/O: the steps it took, each
 * with its time, the time since the step before and a link to its trace, and,
 * for the first step that has not happened, where the record waits. Ids,
 * states and times only: no part carries a record's content.
 */

export interface IntakePart {
  record: {
    recordId: string;
    owner: string;
    externalRef: string;
    kind: string;
    version: number;
    createdAt: string;
    withdrawnAt: string | null;
  };
  changes: { action: string; at: string; traceId: string | null }[];
  outbox: { pending: number; oldestAt: string | null; topics: string[] };
}

export interface DedupPart {
  entityId: string | null;
  decision: string;
  score: number;
  recordVersion: number;
  resolvedAt: string;
}

export interface MatchingPart {
  entityId: string;
  recordVersion: number;
  checkedAt: string | null;
  datasets: { dataset: string; version: number }[];
  findings: { matchId: string; dataset: string; entryId: string; level: string; score: number; foundAt: string }[];
}

export interface AlertingPart {
  alerts: {
    alertId: string;
    agency: string;
    kind: string;
    level: string;
    dataset: string;
    entryId: string;
    status: string;
    raisedAt: string;
    retractedAt: string | null;
    traceId: string | null;
    webhookDeliveries: { pending: number; delivered: number; dead: number; lastDeliveredAt: string | null };
  }[];
  deadLetters: {
    deadLetterId: string;
    topic: string;
    partition: number;
    status: string;
    failedAt: string;
    error: string;
  }[];
}

/** What the console knows of a consumer that has not yet handled the record. */
export interface ConsumerState {
  service: string;
  /** Whether it answered its readiness probe. */
  ready: boolean;
  /** Its consumer lag per partition of the topic, from its metrics; empty when it did not answer. */
  lag: { partition: number; lag: number }[];
}

export type Waiting =
  | { where: 'outbox'; service: 'intake'; pending: number; since: string | null }
  | { where: 'dead_letter'; service: string; topic: string; deadLetterId: string; error: string; since: string }
  | { where: 'consumer'; service: string; topic: string; ready: boolean; lag: { partition: number; lag: number }[] };

export interface JourneyStep {
  step:
    'accepted' | 'updated' | 'withdrawn' | 'published' | 'resolved' | 'checked' | 'alert_raised' | 'alert_retracted';
  service: string;
  /** When it happened; null for a step whose time no service keeps (publication). */
  at: string | null;
  /** Milliseconds since the step before, when both times are known. */
  durationMs: number | null;
  traceUrl: string | null;
  /** Ids and outcomes of the step: entity and decision, datasets and findings, alert and deliveries. */
  detail: Record<string, unknown>;
}

export interface Journey {
  record: { recordId: string; owner: string; externalRef: string; kind: string; version: number };
  steps: JourneyStep[];
  /** The step not taken yet and where the record waits for it; null when the journey is complete. */
  waiting: ({ step: JourneyStep['step'] } & Waiting) | null;
}

export interface JourneyParts {
  intake: IntakePart;
  dedup?: DedupPart;
  matching?: MatchingPart;
  alerting?: AlertingPart;
  /** The state of the consumer the record waits for, when it waits for one. */
  consumer?: (service: string) => ConsumerState | undefined;
}

const CHANGE_STEPS: Record<string, JourneyStep['step']> = {
  'record.share': 'accepted',
  'record.share-batch': 'accepted',
  'record.update': 'updated',
  'record.withdraw': 'withdrawn',
};

/** The topic each consumer reads the record from, and the service that writes it. */
export const WAITS_ON = {
  resolved: { service: 'dedup', topic: 'records.received.v1' },
  checked: { service: 'matching', topic: 'records.resolved.v1' },
  alert_raised: { service: 'alerting', topic: 'matches.found.v1' },
} as const;

export function assembleJourney(parts: JourneyParts, zipkinUiUrl: string): Journey {
  const link = (traceId: string | null | undefined) => (traceId ? `${zipkinUiUrl}/traces/${traceId}` : null);
  const { intake } = parts;
  const steps: Omit<JourneyStep, 'durationMs'>[] = [];
  let trace: string | null = null;
  for (const change of intake.changes) {
    trace = change.traceId ?? trace;
    steps.push({
      step: CHANGE_STEPS[change.action] ?? 'accepted',
      service: 'intake',
      at: change.at,
      traceUrl: link(change.traceId),
      detail: { action: change.action },
    });
  }
  const finish = (waiting: Journey['waiting']): Journey => ({
    record: {
      recordId: intake.record.recordId,
      owner: intake.record.owner,
      externalRef: intake.record.externalRef,
      kind: intake.record.kind,
      version: intake.record.version,
    },
    steps: withDurations(steps),
    waiting,
  });

  if (intake.outbox.pending > 0)
    return finish({
      step: 'published',
      where: 'outbox',
      service: 'intake',
      pending: intake.outbox.pending,
      since: intake.outbox.oldestAt,
    });
  steps.push({ step: 'published', service: 'intake', at: null, traceUrl: link(trace), detail: {} });

  const { dedup, matching, alerting } = parts;
  if (!dedup || dedup.recordVersion < intake.record.version) return finish(waitFor('resolved', parts));
  steps.push({
    step: 'resolved',
    service: 'dedup',
    at: dedup.resolvedAt,
    traceUrl: link(trace),
    detail: {
      entityId: dedup.entityId,
      decision: dedup.decision,
      score: dedup.score,
      recordVersion: dedup.recordVersion,
    },
  });
  if (intake.record.withdrawnAt) return finish(null);

  if (!matching || matching.recordVersion < intake.record.version) return finish(waitFor('checked', parts));
  steps.push({
    step: 'checked',
    service: 'matching',
    at: matching.checkedAt,
    traceUrl: link(trace),
    detail: {
      datasets: matching.datasets,
      findings: matching.findings.map(({ dataset, entryId, level, score }) => ({ dataset, entryId, level, score })),
    },
  });
  if (matching.findings.length === 0) return finish(null);

  const alerts = alerting?.alerts ?? [];
  if (alerts.length === 0) return finish(waitFor('alert_raised', parts));
  for (const alert of alerts) {
    const ids = {
      alertId: alert.alertId,
      agency: alert.agency,
      kind: alert.kind,
      dataset: alert.dataset,
      entryId: alert.entryId,
    };
    steps.push({
      step: 'alert_raised',
      service: 'alerting',
      at: alert.raisedAt,
      traceUrl: link(alert.traceId ?? trace),
      detail: { ...ids, level: alert.level, status: alert.status, webhookDeliveries: alert.webhookDeliveries },
    });
    if (alert.retractedAt)
      steps.push({
        step: 'alert_retracted',
        service: 'alerting',
        at: alert.retractedAt,
        traceUrl: link(alert.traceId ?? trace),
        detail: ids,
      });
  }
  return finish(null);
}

/** Where a record waits for a consumer: a dead letter of it on the consumer's topic, or the consumer itself. */
function waitFor(step: keyof typeof WAITS_ON, parts: JourneyParts): Journey['waiting'] {
  const { service, topic } = WAITS_ON[step];
  const letter = parts.alerting?.deadLetters.find((dead) => dead.topic === topic && dead.status === 'pending');
  if (letter)
    return {
      step,
      where: 'dead_letter',
      service,
      topic,
      deadLetterId: letter.deadLetterId,
      error: letter.error,
      since: letter.failedAt,
    };
  const consumer = parts.consumer?.(service);
  return { step, where: 'consumer', service, topic, ready: consumer?.ready ?? false, lag: consumer?.lag ?? [] };
}

function withDurations(steps: Omit<JourneyStep, 'durationMs'>[]): JourneyStep[] {
  let previous: string | null = null;
  return steps.map((step) => {
    const durationMs = step.at && previous ? Math.max(0, Date.parse(step.at) - Date.parse(previous)) : null;
    if (step.at) previous = step.at;
    return { ...step, durationMs };
  });
}

/** Consumer lag per partition of one topic, from a service's Prometheus text (`crosscheck_consumer_lag`). */
export function consumerLagOf(metrics: string, topic: string): { partition: number; lag: number }[] {
  const lag: { partition: number; lag: number }[] = [];
  for (const line of metrics.split('\n')) {
    const match = /^crosscheck_consumer_lag\{([^}]*)\} ([0-9.e+-]+)$/.exec(line.trim());
    if (!match) continue;
    const labels = Object.fromEntries(
      [...match[1].matchAll(/(\w+)="([^"]*)"/g)].map(([, name, value]) => [name, value]),
    );
    if (labels.topic === topic) lag.push({ partition: Number(labels.partition), lag: Number(match[2]) });
  }
  return lag.sort((a, b) => a.partition - b.partition);
}
