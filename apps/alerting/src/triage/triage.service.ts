/**
 * Triage: an analyst moves an alert along its life, and every step is kept on
 * the alert (who, why, when) and written to the audit log. A false positive
 * silences the pair for the agency, all its alerts on it, until the data of
 * either side changes. The owner of the reference entry confirms or rejects
 * the hit, and every alert of the pair shows that decision. An outcome (what
 * followed the hit) goes out on `alerts.outcomes.v1` too, so that whoever found
 * the hit (an operation's report in matching) counts it from its own data.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { trace } from '@opentelemetry/api';
import { AuditLog, Caller } from '@crosscheck/auth';
import { AlertOutcomeRecordedSchema, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { alertNotFound } from '../model/alert-query';
import { AlertStatus, HitOutcome, outcomeMayFollow, triageStepsFrom, TriageStatus } from '@crosscheck/alert-lifecycle';
import { Alert, AlertsRepository, OwnerDecision } from '../persistence/alerts.repository';
import { SuppressionsRepository } from '../persistence/suppressions.repository';
import { WebhooksRepository } from '../persistence/webhooks.repository';
import { WithheldFindingsRepository } from '../persistence/withheld-findings.repository';

@Injectable()
export class TriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly withheldFindings: WithheldFindingsRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async triage(caller: Caller, alertId: string, status: TriageStatus, reason: string): Promise<Alert> {
    return this.dataSource.transaction(async (manager) => {
      await this.alerts.lockChanges(manager);
      const alert = await this.alerts.find(manager, alertId, true);
      if (!alert || alert.agency !== caller.agency) throw alertNotFound();
      // Only the owner has seen both sides of a hit/no-hit; its decision is the judgement.
      if (alert.withheld === 'entry' && status === 'false_positive')
        throw new ApiError(
          HttpStatus.CONFLICT,
          'invalid_transition',
          'status: a hit/no-hit cannot be judged a false positive without the entry; ask its owner, quoting the reference',
          [{ field: 'status', rule: 'hitNoHit', message: 'only the entry’s owner judges a hit/no-hit' }],
        );
      if (!triageStepsFrom(alert.status).includes(status)) {
        const open = triageStepsFrom(alert.status);
        throw new ApiError(
          HttpStatus.CONFLICT,
          'invalid_transition',
          `status: an alert that is ${alert.status} cannot become ${status}${open.length ? `; it can become ${open.join(' or ')}` : ''}`,
          [{ field: 'status', rule: 'transition', message: `cannot go from ${alert.status} to ${status}` }],
        );
      }
      const step = { status, reason, by: caller.keyId, at: new Date().toISOString() };
      let triaged = await this.alerts.triage(manager, alert.alertId, status, step);
      // A network link is told once per case pair: judging it a false positive is all there is to silence.
      if (status === 'false_positive' && alert.dataset !== null && alert.entryId !== null)
        triaged = await this.silencePair(
          manager,
          caller,
          { ...alert, dataset: alert.dataset, entryId: alert.entryId },
          step,
        );
      await this.audit.append(auditLine(caller, `alert.triage.${status}`, alert, reason), manager);
      return triaged;
    });
  }

  /**
   * The owner's decision, on every alert of the pair. `disclose` shows the
   * entry, for this hit alone, to the agencies told of it without the entry
   * (hit/no-hit): their alerts become full hit notices. Both sides' streams and
   * the searchers' receivers hear of the decision; the audit log keeps it.
   */
  async decideAsOwner(
    caller: Caller,
    alertId: string,
    decision: OwnerDecision['decision'],
    reason: string,
    disclose = false,
  ): Promise<Alert> {
    return this.dataSource.transaction(async (manager) => {
      await this.alerts.lockChanges(manager);
      const alert = await this.alerts.find(manager, alertId, true);
      if (!alert || alert.agency !== caller.agency) throw alertNotFound();
      if (alert.dataset === null || alert.entryId === null)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'not_a_hit',
          'decision: a network link names no reference entry, so it has no owner’s decision',
          [{ field: 'decision', rule: 'hit', message: 'only a hit on a reference entry has an owner’s decision' }],
        );
      if (alert.entryOwner !== caller.agency) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'forbidden',
          `only ${alert.entryOwner}, the owner of reference entry ${alert.entryId}, can confirm or reject this hit`,
        );
      }
      const pair = await this.alerts.ofPair(manager, alert.entityId, alert.dataset, alert.entryId);
      const underReference = alert.hitReference
        ? await this.alerts.ofPair(manager, alert.entityId, alert.dataset, alert.hitReference)
        : [];
      const toldWithoutEntry = [...pair, ...underReference].filter((told) => told.withheld === 'entry');
      const disclosedTo = disclose ? [...new Set(toldWithoutEntry.map((told) => told.agency))] : [];
      if (disclose && disclosedTo.length === 0)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'nothing_to_disclose',
          'disclose: no agency was told of this hit without the entry',
          [{ field: 'disclose', rule: 'hitNoHitPair', message: 'no agency was told of this hit without the entry' }],
        );
      const decided: OwnerDecision = {
        decision,
        reason,
        agency: caller.agency,
        at: new Date().toISOString(),
        disclosedTo,
      };
      await this.suppressions.recordOwnerDecision(manager, alert, decided, caller.keyId);
      const ownerDecision = (await this.suppressions.ownerDecisionOf(
        manager,
        alert.entityId,
        alert.dataset,
        alert.entryId,
      ))!;
      await this.alerts.applyOwnerDecision(
        manager,
        alert.entityId,
        alert.dataset,
        alert.entryId,
        ownerDecision,
        alert.hitReference,
      );
      const facts = disclose
        ? await this.withheldFindings.of(manager, alert.entityId, alert.dataset, alert.entryId)
        : undefined;
      for (const told of toldWithoutEntry) {
        if (facts && disclosedTo.includes(told.agency))
          await this.alerts.refresh(manager, told.alertId, facts, told.status, true, null, {
            kind: 'hit_notice',
            withheld: null,
            hitReference: told.hitReference,
            entryId: facts.entryId,
          });
        await this.webhooks.enqueueToAgency(manager, told, 'alert.updated');
      }
      await this.audit.append(auditLine(caller, `alert.owner.${decision}`, alert, reason), manager);
      if (disclosedTo.length > 0)
        await this.audit.append(
          auditLine(
            caller,
            'alert.owner.disclosed',
            alert,
            `entry disclosed for this hit to ${disclosedTo.join(', ')}`,
          ),
          manager,
        );
      return (await this.alerts.find(manager, alertId))!;
    });
  }

  /** What followed the hit: one more step of the alert's life, on an alert someone looked at, audited. */
  async recordOutcome(caller: Caller, alertId: string, outcome: HitOutcome, note: string | undefined): Promise<Alert> {
    return this.dataSource.transaction(async (manager) => {
      await this.alerts.lockChanges(manager);
      const alert = await this.alerts.find(manager, alertId, true);
      if (!alert || alert.agency !== caller.agency) throw alertNotFound();
      if (!outcomeMayFollow(alert.status))
        throw new ApiError(
          HttpStatus.CONFLICT,
          'invalid_transition',
          `outcome: an alert that is ${alert.status} has no outcome; acknowledge or confirm it first`,
          [{ field: 'outcome', rule: 'transition', message: `cannot follow an alert that is ${alert.status}` }],
        );
      const at = new Date();
      const recorded = await this.alerts.recordOutcome(manager, alertId, {
        outcome,
        note: note ?? null,
        by: caller.keyId,
        at: at.toISOString(),
      });
      // The note stays with the alert: free text may name people. Only a hit's outcome is told to matching (for
      // operation reports); a network link rests on no match.
      if (alert.matchId !== null && alert.dataset !== null)
        await this.outbox.enqueue(manager, {
          topic: Topics.alertsOutcomes,
          key: alert.entityId,
          schema: AlertOutcomeRecordedSchema,
          message: create(AlertOutcomeRecordedSchema, {
            alertId,
            agency: alert.agency,
            entityId: alert.entityId,
            matchIds: [...new Set([alert.matchId, ...alert.liveMatchIds])],
            dataset: alert.dataset,
            outcome,
            recordedAt: timestampFromDate(at),
          }),
        });
      await this.audit.append(auditLine(caller, `alert.outcome.${outcome}`, alert, note ?? outcome), manager);
      return recorded;
    });
  }

  /** Every alert of this agency on the pair becomes a false positive, and the pair is silenced as its data stands. */
  private async silencePair(
    manager: EntityManager,
    caller: Caller,
    judged: Alert & { dataset: string; entryId: string },
    step: { status: TriageStatus; reason: string; by: string; at: string },
  ): Promise<Alert> {
    await this.suppressions.silence(manager, judged, caller.keyId, step.reason);
    for (const alert of await this.alerts.ofPair(manager, judged.entityId, judged.dataset, judged.entryId)) {
      const open: AlertStatus[] = ['new', 'acknowledged'];
      if (alert.agency === caller.agency && alert.alertId !== judged.alertId && open.includes(alert.status)) {
        await this.alerts.triage(manager, alert.alertId, 'false_positive', {
          ...step,
          reason: `${step.reason} (with alert ${judged.alertId})`,
        });
      }
    }
    return (await this.alerts.find(manager, judged.alertId))!;
  }
}

function auditLine(caller: Caller, action: string, alert: Alert, reason: string) {
  return {
    agency: caller.agency,
    keyId: caller.keyId,
    action,
    recordIds: [alert.recordId],
    outcome: 'ok' as const,
    status: 200,
    traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
    detail: `alert ${alert.alertId} on ${alert.networkLink ? `network link ${alert.networkLink.linkId}` : `${alert.dataset}/${alert.entryId}`}: ${reason}`,
  };
}
