/**
 * Checks a resolved record against the reference datasets that apply to it:
 * candidates by indexed name parts (never a scan), then scoring with the
 * evidence. A new or changed outcome is published on `matches.found.v1`; the
 * same pair with the same outcome publishes nothing.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { MatchFoundSchema, MatchLevel, RecordResolved, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { nameParts, personFactsOf, scorePersons } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { MatchingConfig } from '../matching.config';
import { ReferenceEntriesRepository } from '../reference-data/reference-entries.repository';
import { MatchesRepository } from './matches.repository';

export const NOTICES = 'notices';

@Injectable()
export class CheckEntityService {
  constructor(
    private readonly entries: ReferenceEntriesRepository,
    private readonly matches: MatchesRepository,
    private readonly outbox: Outbox,
    private readonly config: MatchingConfig,
  ) {}

  async check(transaction: EntityManager, event: RecordResolved): Promise<void> {
    const record = event.record;
    if (!record || record.body.case !== 'person') return;
    const facts = personFactsOf(record.body.value);
    const parts = [...new Set(facts.names.flatMap(nameParts))];
    for (const candidate of await this.entries.candidatesByNameParts(transaction, NOTICES, parts)) {
      const { score, features } = scorePersons(facts, candidate.facts);
      const level = this.level(score);
      if (!level) continue;
      const matchId = await this.matches.record(
        transaction,
        { entityId: event.entityId, dataset: NOTICES, entryId: candidate.entryId, recordId: record.recordId, score, level, features, datasetVersion: candidate.version },
        randomUUID(),
      );
      if (!matchId) continue;
      const entry = candidate.entry;
      await this.outbox.enqueue(transaction, {
        topic: Topics.matchesFound,
        key: event.entityId,
        schema: MatchFoundSchema,
        message: create(MatchFoundSchema, {
          matchId,
          entityId: event.entityId,
          recordId: record.recordId,
          recordKind: record.kind,
          recordOwner: record.owner,
          recordDissemination: record.dissemination,
          dataset: NOTICES,
          datasetVersion: BigInt(candidate.version),
          entryId: candidate.entryId,
          entryOwner: entry.owner,
          entryDissemination: entry.dissemination,
          noticeColour: entry.body.case === 'notice' ? entry.body.value.colour : undefined,
          score,
          level: level === 'hit' ? MatchLevel.HIT : MatchLevel.POSSIBLE,
          features,
          foundAt: timestampNow(),
        }),
      });
    }
  }

  private level(score: number): 'hit' | 'possible' | undefined {
    if (score >= this.config.MATCH_HIT_THRESHOLD) return 'hit';
    if (score >= this.config.MATCH_POSSIBLE_THRESHOLD) return 'possible';
    return undefined;
  }
}
