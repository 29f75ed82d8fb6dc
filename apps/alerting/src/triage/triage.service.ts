/**
 * Triage: an analyst moves an alert along its life, and every step is kept on
 * the alert (who, why, when) and written to the audit log. A false positive
 * silences the pair for the agency, all its alerts on it, until the data of
 * either side changes. The owner of the reference entry confirms or rejects
 * the hit, and every alert of the pair shows that decision.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { AuditLog, Caller } from '@crosscheck/auth';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { alertNotFound } from '../model/alert-query';
import { AlertStatus, HitOutcome, outcomeMayFollow, triageStepsFrom, TriageStatus } from '@crosscheck/alert-lifecycle';
import { Alert, AlertsRepository, OwnerDecision } from '../persistence/alerts.repository';
import { SuppressionsRepository } from '../persistence/suppressions.repository';

@Injectable()
export class TriageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
    private readonly suppressions: SuppressionsRepository,
    private readonly audit: AuditLog,
  ) {}

  async triage(caller: Caller, alertId: string, status: TriageStatus, reason: string): Promise<Alert> {
    return this.dataSource.transaction(async (manager) => {
      await this.alerts.lockChanges(manager);
      const alert = await this.alerts.find(manager, alertId, true);
      if (!alert || alert.agency !== caller.agency) throw alertNotFound();
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
      if (status === 'false_positive') triaged = await this.silencePair(manager, caller, alert, step);
      await this.audit.append(auditLine(caller, `alert.triage.${status}`, alert, reason), manager);
      return triaged;
    });
  }

  async decideAsOwner(
    caller: Caller,
    alertId: string,
    decision: OwnerDecision['decision'],
    reason: string,
  ): Promise<Alert> {
    return this.dataSource.transaction(async (manager) => {
      await this.alerts.lockChanges(manager);
      const alert = await this.alerts.find(manager, alertId, true);
      if (!alert || alert.agency !== caller.agency) throw alertNotFound();
      if (alert.entryOwner !== caller.agency) {
        throw new ApiError(
          HttpStatus.FORBIDDEN,
          'forbidden',
          `only ${alert.entryOwner}, the owner of reference entry ${alert.entryId}, can confirm or reject this hit`,
        );
      }
      const ownerDecision: OwnerDecision = { decision, reason, agency: caller.agency, at: new Date().toISOString() };
      await this.suppressions.recordOwnerDecision(manager, alert, ownerDecision, caller.keyId);
      await this.alerts.applyOwnerDecision(manager, alert.entityId, alert.dataset, alert.entryId, ownerDecision);
      await this.audit.append(auditLine(caller, `alert.owner.${decision}`, alert, reason), manager);
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
      const recorded = await this.alerts.recordOutcome(manager, alertId, {
        outcome,
        note: note ?? null,
        by: caller.keyId,
        at: new Date().toISOString(),
      });
      await this.audit.append(auditLine(caller, `alert.outcome.${outcome}`, alert, note ?? outcome), manager);
      return recorded;
    });
  }

  /** Every alert of this agency on the pair becomes a false positive, and the pair is silenced as its data stands. */
  private async silencePair(
    manager: EntityManager,
    caller: Caller,
    judged: Alert,
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
    detail: `alert ${alert.alertId} on ${alert.dataset}/${alert.entryId}: ${reason}`,
  };
}
