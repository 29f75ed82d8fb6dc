/**
 * Seeds alerting's tables as if alerting had raised alerts itself, for
 * benchmarks that need a large store present; the service never calls it.
 * alerting owns it because it owns the tables: a benchmark hands it the rows.
 */
import type { Client } from 'pg';

/** An alert for `agency`, owner of each record, on its hit on a notice of IPSG; ids pair up by position. */
export async function seedNoticeAlerts(
  db: Pick<Client, 'query'>,
  alerts: {
    agency: string;
    alertId: string[];
    matchId: string[];
    recordId: string[];
    entityId: string[];
    entryId: string[];
  },
): Promise<void> {
  await db.query(
    `INSERT INTO alerting.alerts (alert_id, agency, match_id, entity_id, record_id, record_owner, dataset, entry_id,
                                  entry_owner, score, level, features, live_match_ids)
     SELECT a.alert_id, $6, a.match_id, a.entity_id, a.record_id, $6, 'notices', a.entry_id, 'IPSG', 0.95, 'hit', '[]',
            ARRAY[a.match_id]
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) AS a (alert_id, match_id, record_id, entity_id, entry_id)`,
    [alerts.alertId, alerts.matchId, alerts.recordId, alerts.entityId, alerts.entryId, alerts.agency],
  );
}
