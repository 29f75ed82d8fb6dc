/**
 * Turns a match into alerts. Both sides of a hit hear of it, as INTERPOL's
 * rules require: the agency that shared the record and the owner of the
 * reference entry, each only if it may see the other side's data. New alerts
 * are published on `alerts.raised.v1` and pushed to open streams.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { trace } from '@opentelemetry/api';
import { AlertRaisedSchema, MatchFound, MatchLevel, NoticeColour, Topics } from '@crosscheck/contracts';
import { disseminationFromContract, maySee } from '@crosscheck/auth';
import { Outbox } from '@crosscheck/messaging';
import { EntityManager } from 'typeorm';
import { AlertsRepository } from '../alerts/alerts.repository';

@Injectable()
export class RaiseAlertService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly outbox: Outbox,
  ) {}

  async raise(transaction: EntityManager, match: MatchFound): Promise<void> {
    const record = { owner: match.recordOwner, dissemination: disseminationFromContract(match.recordDissemination) };
    const entry = { owner: match.entryOwner, dissemination: disseminationFromContract(match.entryDissemination) };
    const recipients = new Set<string>();
    if (maySee(match.recordOwner, entry)) recipients.add(match.recordOwner);
    if (maySee(match.entryOwner, record)) recipients.add(match.entryOwner);

    for (const agency of recipients) {
      const raised = await this.alerts.raise(transaction, {
        alertId: randomUUID(),
        agency,
        matchId: match.matchId,
        entityId: match.entityId,
        recordId: match.recordId,
        recordOwner: match.recordOwner,
        dataset: match.dataset,
        entryId: match.entryId,
        entryOwner: match.entryOwner,
        noticeColour: match.noticeColour ? NoticeColour[match.noticeColour].toLowerCase() : null,
        score: match.score,
        level: match.level === MatchLevel.HIT ? 'hit' : 'possible',
        features: match.features.map(({ feature, score, weight, detail }) => ({ feature, score, weight, detail })),
        traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
      });
      if (!raised?.created) continue;
      await this.outbox.enqueue(transaction, {
        topic: Topics.alertsRaised,
        key: match.entityId,
        schema: AlertRaisedSchema,
        message: create(AlertRaisedSchema, {
          alertId: raised.alert.alertId,
          matchId: match.matchId,
          agency,
          entityId: match.entityId,
          recordId: match.recordId,
          dataset: match.dataset,
          entryId: match.entryId,
          score: match.score,
          level: match.level,
          raisedAt: timestampNow(),
        }),
      });
    }
  }
}
