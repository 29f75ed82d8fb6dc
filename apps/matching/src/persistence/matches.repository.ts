/**
 * Matches: one row per (record, dataset, entry), holding the latest outcome,
 * the entity the record belonged to, and, once it stops holding, when and why
 * it was retracted. Keyed by record, not entity, so that a second agency's
 * record joining an entity that already matched is still reported: that
 * agency must hear of the hit too.
 */
import { Injectable } from '@nestjs/common';
import type { FeatureEvidence } from '@crosscheck/resolution';
import { bulkInsert } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';

export interface MatchOutcome {
  entityId: string;
  dataset: string;
  entryId: string;
  recordId: string;
  /** What of the record matched: `record`, or one of a person's documents. */
  subject: string;
  score: number;
  level: 'hit' | 'possible';
  features: FeatureEvidence[];
  datasetVersion: number;
  /** The record version it was found on: a new version is news even with the same score. */
  recordVersion: number;
}

export interface LiveMatch {
  matchId: string;
  entityId: string;
  recordId: string;
  dataset: string;
  entryId: string;
}

interface MatchRow {
  match_id: string;
  entity_id: string;
  record_id: string;
  dataset: string;
  entry_id: string;
}

/** Postgres gives uuids back in lower case; the caller's may not be. */
const pairKey = (recordId: string, dataset: string, entryId: string) =>
  `${recordId.toLowerCase()}/${dataset}/${entryId}`;

const toLive = (row: MatchRow): LiveMatch => ({
  matchId: row.match_id,
  entityId: row.entity_id,
  recordId: row.record_id,
  dataset: row.dataset,
  entryId: row.entry_id,
});

const INSERT_MATCHES = bulkInsert<{ outcome: MatchOutcome; newMatchId: string }>('matches', {
  entity_id: ['uuid', ({ outcome }) => outcome.entityId],
  dataset: ['text', ({ outcome }) => outcome.dataset],
  entry_id: ['text', ({ outcome }) => outcome.entryId],
  match_id: ['uuid', ({ newMatchId }) => newMatchId],
  record_id: ['uuid', ({ outcome }) => outcome.recordId],
  subject: ['text', ({ outcome }) => outcome.subject],
  score: ['float8', ({ outcome }) => outcome.score],
  level: ['text', ({ outcome }) => outcome.level],
  features: ['jsonb', ({ outcome }) => outcome.features],
  dataset_version: ['bigint', ({ outcome }) => outcome.datasetVersion],
  record_version: ['int', ({ outcome }) => outcome.recordVersion],
});

@Injectable()
export class MatchesRepository {
  /**
   * Records outcomes in one statement; answers in the same order, for each the match id when it is new, changed in
   * level or score, or holds again after a retraction (then under a new id), and undefined when the same pair came
   * out the same again. One outcome per (record, dataset, entry). `republish` answers every live pair as news: the
   * entry changed in a way the outcome does not show (its dissemination or outside policy), and everyone alerted
   * must be re-evaluated as after a narrowing.
   */
  async record(
    manager: EntityManager,
    outcomes: { outcome: MatchOutcome; newMatchId: string }[],
    republish = false,
  ): Promise<(string | undefined)[]> {
    const rows = await INSERT_MATCHES.insert<{
      record_id: string;
      dataset: string;
      entry_id: string;
      match_id: string;
    }>(
      manager,
      outcomes,
      `ON CONFLICT (record_id, dataset, entry_id) DO UPDATE SET
         match_id = CASE WHEN matches.retracted_at IS NULL THEN matches.match_id ELSE EXCLUDED.match_id END,
         entity_id = EXCLUDED.entity_id, subject = EXCLUDED.subject, score = EXCLUDED.score, level = EXCLUDED.level,
         features = EXCLUDED.features, dataset_version = EXCLUDED.dataset_version, record_version = EXCLUDED.record_version, updated_at = now(),
         retracted_at = NULL, retraction_reason = NULL
       WHERE matches.retracted_at IS NOT NULL OR matches.level IS DISTINCT FROM EXCLUDED.level
         OR matches.score IS DISTINCT FROM EXCLUDED.score OR matches.entity_id IS DISTINCT FROM EXCLUDED.entity_id
         OR matches.record_version IS DISTINCT FROM EXCLUDED.record_version OR ${republish ? 'true' : 'false'}
       RETURNING record_id, dataset, entry_id, match_id`,
    );
    const news = new Map(rows.map((row) => [pairKey(row.record_id, row.dataset, row.entry_id), row.match_id]));
    return outcomes.map(({ outcome }) => news.get(pairKey(outcome.recordId, outcome.dataset, outcome.entryId)));
  }

  async liveOfRecord(manager: EntityManager, recordId: string): Promise<LiveMatch[]> {
    return this.liveOfRecords(manager, [recordId]);
  }

  async liveOfRecords(manager: EntityManager, recordIds: string[]): Promise<LiveMatch[]> {
    if (recordIds.length === 0) return [];
    const rows: MatchRow[] = await manager.query(
      'SELECT * FROM matches WHERE record_id = ANY($1::uuid[]) AND retracted_at IS NULL',
      [recordIds],
    );
    return rows.map(toLive);
  }

  async liveOfEntry(manager: EntityManager, dataset: string, entryId: string): Promise<LiveMatch[]> {
    const rows: MatchRow[] = await manager.query(
      'SELECT * FROM matches WHERE dataset = $1 AND entry_id = $2 AND retracted_at IS NULL',
      [dataset, entryId],
    );
    return rows.map(toLive);
  }

  /** Retracts live matches in one statement; answers each, in the same order, or undefined when it was not live. */
  async retract(
    manager: EntityManager,
    retractions: { match: LiveMatch; reason: string }[],
  ): Promise<(LiveMatch | undefined)[]> {
    if (retractions.length === 0) return [];
    // UPDATE ... RETURNING answers [rows, count] through TypeORM.
    const [rows]: [MatchRow[], number] = await manager.query(
      `UPDATE matches m SET retracted_at = now(), retraction_reason = r.reason, updated_at = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS r(record_id, dataset, entry_id, reason)
        WHERE m.record_id = r.record_id AND m.dataset = r.dataset AND m.entry_id = r.entry_id AND m.retracted_at IS NULL
        RETURNING m.*`,
      [
        retractions.map(({ match }) => match.recordId),
        retractions.map(({ match }) => match.dataset),
        retractions.map(({ match }) => match.entryId),
        retractions.map(({ reason }) => reason),
      ],
    );
    const retracted = new Map(rows.map((row) => [pairKey(row.record_id, row.dataset, row.entry_id), toLive(row)]));
    return retractions.map(({ match }) => retracted.get(pairKey(match.recordId, match.dataset, match.entryId)));
  }

  async moveEntities(manager: EntityManager, survivor: string, merged: string[]): Promise<void> {
    if (merged.length === 0) return;
    await manager.query('UPDATE matches SET entity_id = $1, updated_at = now() WHERE entity_id = ANY($2::uuid[])', [
      survivor,
      merged,
    ]);
  }
}
