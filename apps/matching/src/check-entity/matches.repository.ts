/**
 * Matches: one row per (record, dataset, entry), holding the latest outcome and
 * the entity the record belonged to. Keyed by record, not entity, so that a
 * second agency's record joining an entity that already matched is still
 * reported: that agency must hear of the hit too.
 */
import { Injectable } from '@nestjs/common';
import type { FeatureEvidence } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';

export interface MatchOutcome {
  entityId: string;
  dataset: string;
  entryId: string;
  recordId: string;
  score: number;
  level: 'hit' | 'possible';
  features: FeatureEvidence[];
  datasetVersion: number;
}

@Injectable()
export class MatchesRepository {
  /**
   * Records the outcome; returns the match id when it is new or its level or
   * score changed, and undefined when the same pair came out the same again.
   */
  async record(manager: EntityManager, outcome: MatchOutcome, newMatchId: string): Promise<string | undefined> {
    const rows: { match_id: string }[] = await manager.query(
      `INSERT INTO matches (entity_id, dataset, entry_id, match_id, record_id, score, level, features, dataset_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (record_id, dataset, entry_id) DO UPDATE SET
         entity_id = EXCLUDED.entity_id, score = EXCLUDED.score, level = EXCLUDED.level, features = EXCLUDED.features,
         dataset_version = EXCLUDED.dataset_version, updated_at = now()
       WHERE matches.level IS DISTINCT FROM EXCLUDED.level OR matches.score IS DISTINCT FROM EXCLUDED.score
         OR matches.entity_id IS DISTINCT FROM EXCLUDED.entity_id
       RETURNING match_id`,
      [
        outcome.entityId,
        outcome.dataset,
        outcome.entryId,
        newMatchId,
        outcome.recordId,
        outcome.score,
        outcome.level,
        JSON.stringify(outcome.features),
        outcome.datasetVersion,
      ],
    );
    return rows[0]?.match_id;
  }
}
