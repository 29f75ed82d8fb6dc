/**
 * What analysts decided about pairs: `suppressions` (an agency judged the pair
 * a false positive, as both sides' data stood) and `owner_decisions` (the
 * reference entry's owner confirmed or rejected the hit).
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Alert, OwnerDecision } from './alerts.repository';

export interface Suppression {
  agency: string;
  recordDigest: string;
  entryDigest: string;
}

@Injectable()
export class SuppressionsRepository {
  async silence(manager: EntityManager, alert: Alert, by: string, reason: string): Promise<void> {
    await manager.query(
      `INSERT INTO suppressions (agency, entity_id, dataset, entry_id, record_digest, entry_digest, alert_id, suppressed_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (agency, entity_id, dataset, entry_id) DO UPDATE SET
         record_digest = EXCLUDED.record_digest, entry_digest = EXCLUDED.entry_digest, alert_id = EXCLUDED.alert_id,
         suppressed_by = EXCLUDED.suppressed_by, reason = EXCLUDED.reason, suppressed_at = now()`,
      [
        alert.agency,
        alert.entityId,
        alert.dataset,
        alert.entryId,
        alert.recordDigest,
        alert.entryDigest,
        alert.alertId,
        by,
        reason,
      ],
    );
  }

  /** The agencies that silenced the pair, with the data they judged. */
  async ofPair(manager: EntityManager, entityId: string, dataset: string, entryId: string): Promise<Suppression[]> {
    const rows: { agency: string; record_digest: string; entry_digest: string }[] = await manager.query(
      'SELECT agency, record_digest, entry_digest FROM suppressions WHERE entity_id = $1 AND dataset = $2 AND entry_id = $3',
      [entityId, dataset, entryId],
    );
    return rows.map((row) => ({ agency: row.agency, recordDigest: row.record_digest, entryDigest: row.entry_digest }));
  }

  /** Either side changed since the agency judged the pair: it hears of the pair again. */
  async lift(
    manager: EntityManager,
    agency: string,
    entityId: string,
    dataset: string,
    entryId: string,
  ): Promise<void> {
    await manager.query(
      'DELETE FROM suppressions WHERE agency = $1 AND entity_id = $2 AND dataset = $3 AND entry_id = $4',
      [agency, entityId, dataset, entryId],
    );
  }

  async recordOwnerDecision(manager: EntityManager, alert: Alert, decision: OwnerDecision, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO owner_decisions (entity_id, dataset, entry_id, decision, reason, agency, decided_by, disclosed_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (entity_id, dataset, entry_id) DO UPDATE SET
         decision = EXCLUDED.decision, reason = EXCLUDED.reason, agency = EXCLUDED.agency, decided_by = EXCLUDED.decided_by, decided_at = now(),
         disclosed_to = ARRAY(SELECT DISTINCT unnest(owner_decisions.disclosed_to || EXCLUDED.disclosed_to) ORDER BY 1)`,
      [
        alert.entityId,
        alert.dataset,
        alert.entryId,
        decision.decision,
        decision.reason,
        decision.agency,
        by,
        decision.disclosedTo,
      ],
    );
  }

  async ownerDecisionOf(
    manager: EntityManager,
    entityId: string,
    dataset: string,
    entryId: string,
  ): Promise<OwnerDecision | null> {
    const rows: {
      decision: OwnerDecision['decision'];
      reason: string;
      agency: string;
      decided_at: Date;
      disclosed_to: string[];
    }[] = await manager.query(
      'SELECT decision, reason, agency, decided_at, disclosed_to FROM owner_decisions WHERE entity_id = $1 AND dataset = $2 AND entry_id = $3',
      [entityId, dataset, entryId],
    );
    return rows[0]
      ? {
          decision: rows[0].decision,
          reason: rows[0].reason,
          agency: rows[0].agency,
          at: rows[0].decided_at.toISOString(),
          disclosedTo: rows[0].disclosed_to,
        }
      : null;
  }
}
