/**
 * The life of an alert, as pure decisions: what a match, seen again or anew,
 * does to an agency's alert on that pair, and which triage steps an analyst
 * may take. `new → acknowledged → confirmed | false_positive`; a retracted
 * alert rises again when its pair matches again; a false positive stays
 * silent until the data of either side changes.
 */

export const ALERT_STATUSES = ['new', 'acknowledged', 'confirmed', 'false_positive', 'retracted'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const TRIAGE_STATUSES = ['acknowledged', 'confirmed', 'false_positive'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

const TRIAGE_STEPS: Record<AlertStatus, readonly TriageStatus[]> = {
  new: ['acknowledged', 'confirmed', 'false_positive'],
  acknowledged: ['confirmed', 'false_positive'],
  confirmed: [],
  false_positive: [],
  retracted: [],
};

/** The triage steps open from a status; empty when the alert's life is over (or paused, for a retraction). */
export function triageStepsFrom(status: AlertStatus): readonly TriageStatus[] {
  return TRIAGE_STEPS[status];
}

/** What followed a hit, as the agency that acted on it records it (an operation's report counts them). */
export const HIT_OUTCOMES = [
  'arrested',
  'located',
  'seized',
  'victim_identified',
  'no_action',
  'false_positive',
] as const;
export type HitOutcome = (typeof HIT_OUTCOMES)[number];

/**
 * An outcome follows a hit someone looked at: an acknowledged or confirmed alert. A new one has not been
 * looked at; a false positive or a retracted alert had nothing to act on.
 */
export function outcomeMayFollow(status: AlertStatus): boolean {
  return status === 'acknowledged' || status === 'confirmed';
}

export type AlertEvent = 'alert.raised' | 'alert.updated' | 'alert.reopened' | 'alert.retracted';

/** What the alert on one pair looks like now, as far as a new finding cares. */
export interface CurrentAlert {
  status: AlertStatus;
  score: number;
  level: string;
  recordDigest: string;
  entryDigest: string;
}

export interface IncomingFinding {
  score: number;
  level: string;
  recordDigest: string;
  entryDigest: string;
}

export type FindingOutcome =
  /** Store it and tell the agency (event), with this status. */
  | { write: 'store'; status: AlertStatus; event: AlertEvent }
  /** Store the newest match quietly: nothing the agency needs to hear again. */
  | { write: 'quietly'; status: AlertStatus }
  /** Nothing to store: the agency silenced this pair. */
  | { write: 'nothing' };

/**
 * A finding for an agency's alert on a pair. `silenced` says the agency marked
 * the pair a false positive and neither side has changed since.
 */
export function onFinding(
  current: CurrentAlert | undefined,
  finding: IncomingFinding,
  silenced: boolean,
): FindingOutcome {
  if (!current) return silenced ? { write: 'nothing' } : { write: 'store', status: 'new', event: 'alert.raised' };
  if (silenced) return { write: 'quietly', status: current.status === 'retracted' ? 'false_positive' : current.status };
  if (current.status === 'retracted') return { write: 'store', status: 'new', event: 'alert.raised' };
  // Not silenced any more, so either side changed since it was judged a false positive.
  if (current.status === 'false_positive') return { write: 'store', status: 'new', event: 'alert.reopened' };
  const changed =
    current.score !== finding.score ||
    current.level !== finding.level ||
    current.recordDigest !== finding.recordDigest ||
    current.entryDigest !== finding.entryDigest;
  return changed
    ? { write: 'store', status: current.status, event: 'alert.updated' }
    : { write: 'quietly', status: current.status };
}
