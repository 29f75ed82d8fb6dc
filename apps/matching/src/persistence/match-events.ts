/**
 * Recording a finding or a retraction, and publishing it in the same
 * transaction: `matches.found.v1` when a match is new or changed (the same
 * pair with the same outcome publishes nothing), `matches.retracted.v1` when
 * it stops holding. Both keyed by entity.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { MatchFoundSchema, MatchLevel, MatchRetractedSchema, SharedRecord, Topics } from '@crosscheck/contracts';
import { Outbox, OutgoingEvent } from '@crosscheck/messaging';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import { LiveMatch, MatchesRepository } from './matches.repository';
import type { Finding } from '../model/matcher';

/** A finding about a record, and the trace of the message that caused it. */
export interface FoundMatch {
  record: SharedRecord;
  entityId: string;
  finding: Finding;
  traceContext?: Context;
}

@Injectable()
export class MatchEvents {
  constructor(
    private readonly matches: MatchesRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Records findings (one per record and entry), with one write for the matches and one for the events; publishes
   * those that are news and answers, in order, whether each was. `republish`: every finding is news (see
   * MatchesRepository.record).
   */
  async found(transaction: EntityManager, findings: FoundMatch[], republish = false): Promise<boolean[]> {
    const matchIds = await this.matches.record(
      transaction,
      findings.map(({ record, entityId, finding }) => ({
        outcome: {
          entityId,
          dataset: finding.dataset,
          entryId: finding.entry.entryId,
          recordId: record.recordId,
          subject: finding.subject,
          score: finding.score,
          level: finding.level,
          features: finding.features,
          datasetVersion: finding.entry.version,
          recordVersion: record.version,
        },
        newMatchId: randomUUID(),
      })),
      republish,
    );
    const events: OutgoingEvent[] = [];
    findings.forEach(({ record, entityId, finding, traceContext }, index) => {
      const matchId = matchIds[index];
      if (!matchId) return;
      const { entry } = finding;
      const body = entry.entry.body;
      events.push({
        topic: Topics.matchesFound,
        key: entityId,
        schema: MatchFoundSchema,
        traceContext,
        message: create(MatchFoundSchema, {
          matchId,
          entityId,
          recordId: record.recordId,
          recordKind: record.kind,
          recordOwner: record.owner,
          recordDissemination: record.dissemination,
          dataset: finding.dataset,
          datasetVersion: BigInt(entry.version),
          entryId: entry.entryId,
          entryOwner: entry.entry.owner,
          entryDissemination: entry.entry.dissemination,
          noticeColour: body.case === 'notice' ? body.value.colour : undefined,
          score: finding.score,
          level: finding.level === 'hit' ? MatchLevel.HIT : MatchLevel.POSSIBLE,
          features: finding.features,
          foundAt: timestampNow(),
          record,
          entry: entry.entry,
        }),
      });
    });
    await this.outbox.enqueue(transaction, ...events);
    return matchIds.map((matchId) => matchId !== undefined);
  }

  /** Retracts live matches, with one write for the matches and one for the events, and publishes why; nothing for a match already retracted. */
  async retracted(
    transaction: EntityManager,
    retractions: { match: LiveMatch; reason: string; traceContext?: Context }[],
  ): Promise<void> {
    const retracted = await this.matches.retract(transaction, retractions);
    const events: OutgoingEvent[] = [];
    retractions.forEach(({ reason, traceContext }, index) => {
      const match = retracted[index];
      if (!match) return;
      events.push({
        topic: Topics.matchesRetracted,
        key: match.entityId,
        schema: MatchRetractedSchema,
        traceContext,
        message: create(MatchRetractedSchema, {
          matchId: match.matchId,
          entityId: match.entityId,
          entryId: match.entryId,
          dataset: match.dataset,
          recordId: match.recordId,
          reason,
          retractedAt: timestampNow(),
        }),
      });
    });
    await this.outbox.enqueue(transaction, ...events);
  }
}
