/**
 * Matches: one row per (record, dataset, entry), holding the latest outcome,
 * the entity the record belonged to, and, once it stops holding, when and why
 * it was retracted. Keyed by record, not entity, so that a second agency's
 * record joining an entity that already matched is still reported: that
 * agency must hear of the hit too.
 */
import { Injectable } from '@nestjs/common';
import type { FeatureEvidence } from '@crosscheck/resolution';
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

const toLive = (row: MatchRow): LiveMatch => ({ matchId: row.match_id, entityId: row.entity_id, recordId: row.record_id, dataset: row.dataset, entryId: row.entry_id });

@Injectable()
export class MatchesRepository {
  /**
   * Records the outcome; returns the match id when it is new, changed in level
   * or score, or holds again after a retraction (then under a new id), and
   * undefined when the same pair came out the same again.
   */
  async record(manager: EntityManager, outcome: MatchOutcome, newMatchId: string): Promise<string | undefined> {
    const rows: { match_id: string }[] = await manager.query(
      `INSERT INTO matches (entity_id, dataset, entry_id, match_id, record_id, subject, score, level, features, dataset_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (record_id, dataset, entry_id) DO UPDATE SET
         match_id = CASE WHEN matches.retracted_at IS NULL THEN matches.match_id ELSE EXCLUDED.match_id END,
         entity_id = EXCLUDED.entity_id, subject = EXCLUDED.subject, score = EXCLUDED.score, level = EXCLUDED.level,
         features = EXCLUDED.features, dataset_version = EXCLUDED.dataset_version, updated_at = now(),
         retracted_at = NULL, retraction_reason = NULL
       WHERE matches.retracted_at IS NOT NULL OR matches.level IS DISTINCT FROM EXCLUDED.level
         OR matches.score IS DISTINCT FROM EXCLUDED.score OR matches.entity_id IS DISTINCT FROM EXCLUDED.entity_id
       RETURNING match_id`,
      [
        outcome.entityId,
        outcome.dataset,
        outcome.entryId,
        newMatchId,
        outcome.recordId,
        outcome.subject,
        outcome.score,
        outcome.level,
        JSON.stringify(outcome.features),
        outcome.datasetVersion,
      ],
    );
    return rows[0]?.match_id;
  }

  async liveOfRecord(manager: EntityManager, recordId: string): Promise<LiveMatch[]> {
    const rows: MatchRow[] = await manager.query('SELECT * FROM matches WHERE record_id = $1 AND retracted_at IS NULL', [recordId]);
    return rows.map(toLive);
  }

  async liveOfEntry(manager: EntityManager, dataset: string, entryId: string): Promise<LiveMatch[]> {
    const rows: MatchRow[] = await manager.query('SELECT * FROM matches WHERE dataset = $1 AND entry_id = $2 AND retracted_at IS NULL', [dataset, entryId]);
    return rows.map(toLive);
  }

  /** Retracts a live match; returns it, or undefined when it was not live. */
  async retract(manager: EntityManager, match: LiveMatch, reason: string): Promise<LiveMatch | undefined> {
    // UPDATE ... RETURNING answers [rows, count] through TypeORM.
    const [rows]: [MatchRow[], number] = await manager.query(
      `UPDATE matches SET retracted_at = now(), retraction_reason = $4, updated_at = now()
        WHERE record_id = $1 AND dataset = $2 AND entry_id = $3 AND retracted_at IS NULL RETURNING *`,
      [match.recordId, match.dataset, match.entryId, reason],
    );
    return rows[0] && toLive(rows[0]);
  }

  async moveEntities(manager: EntityManager, survivor: string, merged: string[]): Promise<void> {
    if (merged.length === 0) return;
    await manager.query('UPDATE matches SET entity_id = $1, updated_at = now() WHERE entity_id = ANY($2::uuid[])', [survivor, merged]);
  }
}
