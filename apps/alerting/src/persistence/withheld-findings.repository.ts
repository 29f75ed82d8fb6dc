/**
 * The full facts of hit/no-hit pairs: what the searching agency was not shown,
 * kept (as the latest finding) until the entry's owner discloses it to them.
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MatchFacts } from '../model/match-facts';

@Injectable()
export class WithheldFindingsRepository {
  async keep(manager: EntityManager, facts: MatchFacts): Promise<void> {
    await manager.query(
      `INSERT INTO withheld_findings (entity_id, dataset, entry_id, facts) VALUES ($1, $2, $3, $4)
       ON CONFLICT (entity_id, dataset, entry_id) DO UPDATE SET facts = EXCLUDED.facts, updated_at = now()`,
      [facts.entityId, facts.dataset, facts.entryId, JSON.stringify(facts)],
    );
  }

  async of(
    manager: EntityManager,
    entityId: string,
    dataset: string,
    entryId: string,
  ): Promise<MatchFacts | undefined> {
    const rows: { facts: MatchFacts }[] = await manager.query(
      'SELECT facts FROM withheld_findings WHERE entity_id = $1 AND dataset = $2 AND entry_id = $3',
      [entityId, dataset, entryId],
    );
    return rows[0]?.facts;
  }
}
