/**
 * Triage (acknowledge, confirm, false positive) and, for the entry's owner, the data owner's decision (on a
 * hit/no-hit, optionally disclosing the entry to the searching agency); each with a reason.
 */
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { Alert } from '../api/types';
import { MAX_REASON, ownerMayDecide, reasonProblem, triageActions, type TriageAction } from './triage';

type Pending =
  { kind: 'triage'; action: TriageAction } | { kind: 'owner'; decision: 'confirmed' | 'rejected'; disclose?: boolean };

function problemOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_transition')
      return `${error.message} (someone may have triaged it meanwhile; the alert shows its current state).`;
    if (error.status === 403) return 'Your key may not do this.';
    return error.message;
  }
  return String(error);
}

export function TriagePanel({
  alert,
  agency,
  onChanged,
}: {
  alert: Alert;
  agency: string;
  onChanged: (alert: Alert) => void;
}) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const actions = triageActions(alert);
  const ownerDecides = ownerMayDecide(alert, agency);

  const choose = (next: Pending) => {
    setPending(next);
    setReason('');
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!pending) return;
    const invalid = reasonProblem(reason);
    if (invalid) return setProblem(invalid);
    setBusy(true);
    try {
      const updated =
        pending.kind === 'triage'
          ? await api.triage(alert.alertId, pending.action.status, reason.trim())
          : await api.ownerDecision(alert.alertId, pending.decision, reason.trim(), pending.disclose);
      setPending(null);
      setReason('');
      setProblem(null);
      onChanged(updated);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (actions.length === 0 && !ownerDecides) return null;
  const prompt =
    pending?.kind === 'triage'
      ? pending.action.prompt
      : pending?.decision === 'confirmed'
        ? 'Why do you, as the data owner, confirm this hit?'
        : 'Why do you, as the data owner, reject this hit?';
  const submitLabel =
    pending?.kind === 'triage'
      ? `Mark ${pending.action.label.toLowerCase()}`
      : pending?.disclose
        ? `Confirm and disclose to ${alert.hitNoHit?.searchingAgency}`
        : pending?.decision === 'confirmed'
          ? 'Confirm as data owner'
          : 'Reject as data owner';
  const mayDisclose = ownerDecides && alert.hitNoHit !== null && !alert.hitNoHit.disclosed;

  return (
    <section className="panel actions" aria-label="Triage">
      <div className="action-row">
        {actions.map((action) => (
          <button
            key={action.status}
            type="button"
            className={`action tone-${action.tone}${pending?.kind === 'triage' && pending.action.status === action.status ? ' chosen' : ''}`}
            onClick={() => choose({ kind: 'triage', action })}
          >
            {action.label}
          </button>
        ))}
        {ownerDecides && (
          <span className="owner-actions">
            <span className="muted">Your agency owns this entry:</span>
            <button
              type="button"
              className={`action tone-serious${pending?.kind === 'owner' && pending.decision === 'confirmed' && !pending.disclose ? ' chosen' : ''}`}
              onClick={() => choose({ kind: 'owner', decision: 'confirmed' })}
            >
              Confirm hit
            </button>
            {mayDisclose && (
              <button
                type="button"
                className={`action tone-serious${pending?.kind === 'owner' && pending.disclose ? ' chosen' : ''}`}
                onClick={() => choose({ kind: 'owner', decision: 'confirmed', disclose: true })}
              >
                Confirm and disclose to {alert.hitNoHit?.searchingAgency}
              </button>
            )}
            <button
              type="button"
              className={`action tone-dismiss${pending?.kind === 'owner' && pending.decision === 'rejected' ? ' chosen' : ''}`}
              onClick={() => choose({ kind: 'owner', decision: 'rejected' })}
            >
              Reject hit
            </button>
          </span>
        )}
      </div>
      {pending && (
        <form className="reason-form" onSubmit={submit}>
          <label htmlFor="triage-reason">{prompt}</label>
          <textarea
            id="triage-reason"
            name="reason"
            rows={3}
            maxLength={MAX_REASON + 200}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            autoFocus
          />
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <div className="form-buttons">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Saving…' : submitLabel}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)} disabled={busy}>
              Cancel
            </button>
            <span className="muted right">
              {reason.trim().length}/{MAX_REASON}
            </span>
          </div>
        </form>
      )}
    </section>
  );
}
