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
import { Outbox } from '@crosscheck/messaging';
import { EntityManager } from 'typeorm';
import { LiveMatch, MatchesRepository } from '../check-entity/matches.repository';
import type { Finding } from './matcher';

@Injectable()
export class MatchEvents {
  constructor(
    private readonly matches: MatchesRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Records the finding; publishes it when it is news. Returns whether it was. */
  async found(transaction: EntityManager, record: SharedRecord, entityId: string, finding: Finding): Promise<boolean> {
    const { entry } = finding;
    const matchId = await this.matches.record(
      transaction,
      {
        entityId,
        dataset: finding.dataset,
        entryId: entry.entryId,
        recordId: record.recordId,
        subject: finding.subject,
        score: finding.score,
        level: finding.level,
        features: finding.features,
        datasetVersion: entry.version,
      },
      randomUUID(),
    );
    if (!matchId) return false;
    const body = entry.entry.body;
    await this.outbox.enqueue(transaction, {
      topic: Topics.matchesFound,
      key: entityId,
      schema: MatchFoundSchema,
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
    return true;
  }

  /** Retracts a live match and publishes why; nothing when it was already retracted. */
  async retracted(transaction: EntityManager, match: LiveMatch, reason: string): Promise<void> {
    const retracted = await this.matches.retract(transaction, match, reason);
    if (!retracted) return;
    await this.outbox.enqueue(transaction, {
      topic: Topics.matchesRetracted,
      key: retracted.entityId,
      schema: MatchRetractedSchema,
      message: create(MatchRetractedSchema, {
        matchId: retracted.matchId,
        entityId: retracted.entityId,
        entryId: retracted.entryId,
        dataset: retracted.dataset,
        recordId: retracted.recordId,
        reason,
        retractedAt: timestampNow(),
      }),
    });
  }
}
