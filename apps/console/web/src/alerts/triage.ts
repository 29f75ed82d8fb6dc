/** What an analyst may do with an alert next, by its life-cycle: new → acknowledged → confirmed | false_positive. */
import { triageStepsFrom, type TriageStatus } from '@crosscheck/alert-lifecycle';
import type { Alert } from '../api/types';

export type { TriageStatus };

export interface TriageAction {
  status: TriageStatus;
  label: string;
  /** Asked with the reason box open. */
  prompt: string;
  tone: 'neutral' | 'serious' | 'dismiss';
}

const ACTIONS: Record<TriageStatus, TriageAction> = {
  acknowledged: {
    status: 'acknowledged',
    label: 'Acknowledge',
    prompt: 'Why are you taking this alert on? (e.g. “checking with the border post”)',
    tone: 'neutral',
  },
  confirmed: {
    status: 'confirmed',
    label: 'Confirm',
    prompt: 'What confirms this is the same person or object?',
    tone: 'serious',
  },
  false_positive: {
    status: 'false_positive',
    label: 'False positive',
    prompt: 'Why is this not a match? The same pair will not alert again until either side’s data changes.',
    tone: 'dismiss',
  },
};

/**
 * The steps alerting's life-cycle allows from the alert's status (the same table the API enforces); a
 * hit/no-hit cannot be judged a false positive by an agency that has not seen the entry.
 */
export function triageActions(alert: Alert): TriageAction[] {
  return triageStepsFrom(alert.status)
    .filter((status) => !(alert.kind === 'hit_no_hit' && status === 'false_positive'))
    .map((status) => ACTIONS[status]);
}

/** The data owner decides on hits on its own entries, once, unless the alert was retracted. */
export function ownerMayDecide(alert: Alert, agency: string): boolean {
  return alert.entryOwner === agency && alert.ownerDecision === null && alert.status !== 'retracted';
}

export const MAX_REASON = 1000;

export function reasonProblem(reason: string): string | undefined {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return 'Give a reason; it goes into the audit log with your key.';
  if (trimmed.length > MAX_REASON) return `At most ${MAX_REASON} characters (${trimmed.length} now).`;
  return undefined;
}
