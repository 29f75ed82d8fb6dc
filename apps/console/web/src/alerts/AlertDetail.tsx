/** One alert, opened: what hit what, the two sides side by side, why it matched, the entity, triage and its history. */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Alert } from '../api/types';
import { datasetLabel, enumLabel, statusLabel } from '../format/labels';
import { entryBody, headline } from '../format/record-view';
import { NoticeChip, StatusBadge, When } from '../ui/chips';
import { EntityPanel } from './EntityPanel';
import { Explanation } from './Explanation';
import { NetworkLinkPath } from './NetworkLinkPath';
import { SideBySide } from './SideBySide';
import { TriagePanel } from './TriagePanel';

export function AlertDetail({
  alertId,
  known,
  onPushed,
  agency,
  zipkinUrl,
  onChanged,
  onClose,
}: {
  alertId: string;
  known: Alert | undefined;
  onPushed: (listener: (alert: Alert) => void) => () => void;
  agency: string;
  zipkinUrl: string;
  onChanged: (alert: Alert) => void;
  onClose: () => void;
}) {
  const [alert, setAlert] = useState<Alert | undefined>(known);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setAlert(known);
    setProblem(null);
    let cancelled = false;
    // The list's copy shows at once; the service's answer is the authority.
    api.alert(alertId).then(
      (fetched) => !cancelled && setAlert(fetched),
      (error: unknown) =>
        !cancelled &&
        setProblem(
          error instanceof ApiError && error.status === 404
            ? 'This alert does not exist, or is not your agency’s.'
            : String((error as Error).message ?? error),
        ),
    );
    const unsubscribe = onPushed((pushed) => pushed.alertId === alertId && setAlert(pushed));
    return () => {
      cancelled = true;
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [alertId]);

  if (!alert) {
    return (
      <div className="detail-empty">
        {problem ? <p className="banner error">{problem}</p> : <p className="muted">Loading…</p>}
      </div>
    );
  }

  const link = alert.networkLink;
  const subject = link
    ? `Link between your case ${link.ownCase.caseRef} and ${
        link.otherCase.caseRef
          ? `${link.otherCase.agency}’s case ${link.otherCase.caseRef}`
          : `a case of ${link.otherCase.agency}`
      }`
    : headline(alert.record ?? undefined) || headline(entryBody(alert.entry));
  const changed = (updated: Alert) => {
    setAlert(updated);
    onChanged(updated);
  };

  return (
    <article className="detail" aria-labelledby="alert-title" data-alert-id={alert.alertId}>
      <header className="detail-head">
        <div className="detail-title-row">
          <button type="button" className="link back" onClick={onClose} aria-label="Close the alert">
            ←
          </button>
          <h1 id="alert-title">{subject}</h1>
          <StatusBadge status={alert.status} />
        </div>
        <div className="detail-facts">
          {link ? (
            <NetworkLinkFacts
              link={link}
              agency={agency}
              subscription={alert.subscriptionName ?? alert.subscriptionId}
            />
          ) : (
            <MatchFacts alert={alert} agency={agency} />
          )}
          <span className="fact">
            <span className="fact-label">Raised</span>
            <When at={alert.raisedAt} />
            {alert.updatedAt !== alert.raisedAt && (
              <span className="muted">
                {' '}
                · updated <When at={alert.updatedAt} />
              </span>
            )}
          </span>
          {alert.traceId && zipkinUrl && (
            <a
              className="trace-link"
              href={`${zipkinUrl}/traces/${alert.traceId}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              View trace in Zipkin ↗
            </a>
          )}
        </div>
      </header>

      {alert.retraction && (
        <p className="banner retracted" role="status">
          <strong>Retracted</strong> <When at={alert.retraction.at} />: {alert.retraction.reason}
        </p>
      )}
      {alert.hitNoHit && <HitNoHitBanner hitNoHit={alert.hitNoHit} />}
      {alert.ownerDecision && (
        <p className={`banner owner-${alert.ownerDecision.decision}`} role="status">
          <strong>
            Data owner {alert.ownerDecision.agency}{' '}
            {alert.ownerDecision.decision === 'confirmed' ? 'confirmed' : 'rejected'} this hit
          </strong>{' '}
          <When at={alert.ownerDecision.at} />: {alert.ownerDecision.reason}
        </p>
      )}

      <TriagePanel alert={alert} agency={agency} onChanged={changed} />

      <div className="detail-grid">
        {alert.networkLink ? (
          <NetworkLinkPath link={alert.networkLink} retraction={alert.retraction} />
        ) : (
          <>
            <SideBySide alert={alert} />
            <Explanation alert={alert} />
          </>
        )}
      </div>

      <div className="detail-grid">
        {alert.recordId && <EntityPanel recordId={alert.recordId} agency={agency} />}
        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <ol className="history">
            <li>
              <span className="history-status">Raised</span> <When at={alert.raisedAt} />
              <span className="muted">
                {' '}
                ·{' '}
                {link
                  ? `network link to ${link.otherCase.agency}`
                  : `${enumLabel(alert.record?.kind) || alert.recordKind} against ${alert.entryId ?? alert.hitNoHit?.reference ?? ''}`}
              </span>
            </li>
            {alert.triage.map((step, index) => (
              <li key={index}>
                <StatusBadge status={step.status} /> <When at={step.at} />{' '}
                <span className="muted">by key {step.by}</span>
                <p className="history-reason">{step.reason}</p>
              </li>
            ))}
            {alert.ownerDecision && (
              <li>
                <span className="history-status">Owner {alert.ownerDecision.decision}</span>{' '}
                <When at={alert.ownerDecision.at} /> <span className="muted">by {alert.ownerDecision.agency}</span>
                <p className="history-reason">{alert.ownerDecision.reason}</p>
              </li>
            )}
            {alert.retraction && (
              <li>
                <span className="history-status">{statusLabel('retracted')}</span> <When at={alert.retraction.at} />
                <p className="history-reason">{alert.retraction.reason}</p>
              </li>
            )}
          </ol>
        </section>
      </div>
    </article>
  );
}

/** A hit on restricted data: whom to contact quoting which reference, and for the owner, any probe alarm. */
function HitNoHitBanner({ hitNoHit }: { hitNoHit: NonNullable<Alert['hitNoHit']> }) {
  return (
    <p className="banner hit-no-hit" role="status">
      <strong>
        {hitNoHit.instantCheck ? 'Instant check' : 'Shared record'} by {hitNoHit.searchingAgency}, entry of{' '}
        {hitNoHit.ownerAgency}, reference <span className="entry-id">{hitNoHit.reference}</span>
        {hitNoHit.disclosed && ' (disclosed)'}
      </strong>{' '}
      <When at={hitNoHit.at} />: {hitNoHit.action}
      {hitNoHit.probeAlarm && (
        <>
          {' '}
          <strong>Probe alarm:</strong> {hitNoHit.searchingAgency} drew {hitNoHit.probeAlarm.answers} answers on this
          entry within the probe window.
        </>
      )}
    </p>
  );
}

/** What a hit's alert is about: the entry, its dataset, the owners of both sides, and how the agency heard of it. */
function MatchFacts({ alert, agency }: { alert: Alert; agency: string }) {
  return (
    <>
      {alert.noticeColour && <NoticeChip colour={alert.noticeColour} />}
      <span className="fact">
        <span className="fact-label">Entry</span>
        <strong className="entry-id">{alert.entryId ?? 'withheld by its owner'}</strong>
      </span>
      <span className="fact">
        <span className="fact-label">Dataset</span>
        {datasetLabel(alert.dataset)}{' '}
        {alert.datasetVersion !== null && <span className="muted">v{alert.datasetVersion}</span>}
      </span>
      <span className="fact">
        <span className="fact-label">Owners</span>
        record <span className={`agency-tag${alert.recordOwner === agency ? ' own' : ''}`}>
          {alert.recordOwner}
        </span>{' '}
        entry <span className={`agency-tag${alert.entryOwner === agency ? ' own' : ''}`}>{alert.entryOwner}</span>
      </span>
      <span className="fact">
        <span className="fact-label">{alert.kind === 'alert' ? 'Subscription' : 'Hit notice'}</span>
        {alert.kind === 'alert' ? (alert.subscriptionName ?? alert.subscriptionId) : 'to both parties of the hit'}
      </span>
    </>
  );
}

/** What a network link's alert is about: the two agencies' cases, and the subscription it came through. */
function NetworkLinkFacts({
  link,
  agency,
  subscription,
}: {
  link: NonNullable<Alert['networkLink']>;
  agency: string;
  subscription: string | null;
}) {
  return (
    <>
      <span className="fact">
        <span className="fact-label">Network link</span>
        <span className={`agency-tag${link.ownCase.agency === agency ? ' own' : ''}`}>{link.ownCase.agency}</span>{' '}
        {link.ownCase.caseRef} ↔ <span className="agency-tag">{link.otherCase.agency}</span>{' '}
        {link.otherCase.caseRef || 'case no longer shown'}
      </span>
      <span className="fact">
        <span className="fact-label">Subscription</span>
        {subscription ?? 'none: told to your agency'}
      </span>
    </>
  );
}
