/** Alerting's `alerts` table: one alert per (entity, reference entry, agency). */
import { Injectable } from '@nestjs/common';
import type { FeatureEvidence } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';

export interface Alert {
  alertId: string;
  seq: number;
  agency: string;
  matchId: string;
  entityId: string;
  recordId: string;
  recordOwner: string;
  dataset: string;
  entryId: string;
  entryOwner: string;
  noticeColour: string | null;
  score: number;
  level: string;
  features: FeatureEvidence[];
  status: string;
  traceId: string | null;
  raisedAt: Date;
  updatedAt: Date;
}

export type NewAlert = Omit<Alert, 'seq' | 'status' | 'raisedAt' | 'updatedAt'>;

interface AlertRow {
  alert_id: string;
  seq: string;
  agency: string;
  match_id: string;
  entity_id: string;
  record_id: string;
  record_owner: string;
  dataset: string;
  entry_id: string;
  entry_owner: string;
  notice_colour: string | null;
  score: number;
  level: string;
  features: FeatureEvidence[];
  status: string;
  trace_id: string | null;
  raised_at: Date;
  updated_at: Date;
}

export const ALERTS_CHANNEL = 'crosscheck_alerts';

@Injectable()
export class AlertsRepository {
  /**
   * Raises the alert, or updates it when the match improved or changed level.
   * Returns the alert when something changed, undefined when this was a repeat.
   */
  async raise(manager: EntityManager, alert: NewAlert): Promise<{ alert: Alert; created: boolean } | undefined> {
    const rows: (AlertRow & { created: boolean })[] = await manager.query(
      `INSERT INTO alerts (alert_id, agency, match_id, entity_id, record_id, record_owner, dataset, entry_id, entry_owner,
                           notice_colour, score, level, features, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (entity_id, dataset, entry_id, agency) DO UPDATE SET
         match_id = EXCLUDED.match_id, record_id = EXCLUDED.record_id, record_owner = EXCLUDED.record_owner, score = EXCLUDED.score, level = EXCLUDED.level,
         features = EXCLUDED.features, updated_at = now(), seq = nextval(pg_get_serial_sequence('alerts', 'seq'))
       WHERE alerts.score IS DISTINCT FROM EXCLUDED.score OR alerts.level IS DISTINCT FROM EXCLUDED.level
       RETURNING *, (xmax = 0) AS created`,
      [
        alert.alertId,
        alert.agency,
        alert.matchId,
        alert.entityId,
        alert.recordId,
        alert.recordOwner,
        alert.dataset,
        alert.entryId,
        alert.entryOwner,
        alert.noticeColour,
        alert.score,
        alert.level,
        JSON.stringify(alert.features),
        alert.traceId,
      ],
    );
    if (rows.length === 0) return undefined;
    // Wakes every alerting instance's live feed, once this transaction commits.
    await manager.query('SELECT pg_notify($1, $2)', [ALERTS_CHANNEL, rows[0].seq]);
    return { alert: toAlert(rows[0]), created: rows[0].created };
  }

  /** An agency's alerts after a stream position, oldest first. */
  async after(manager: EntityManager, agency: string, afterSeq: number, limit: number): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query('SELECT * FROM alerts WHERE agency = $1 AND seq > $2 ORDER BY seq LIMIT $3', [agency, afterSeq, limit]);
    return rows.map(toAlert);
  }

  /** All agencies' alerts after a stream position: what the live feed fans out. */
  async allAfter(manager: EntityManager, afterSeq: number, limit: number): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query('SELECT * FROM alerts WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
    return rows.map(toAlert);
  }

  /** An agency's alerts, newest first, before a stream position (the cursor). */
  async page(manager: EntityManager, agency: string, beforeSeq: number | undefined, limit: number): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query(
      'SELECT * FROM alerts WHERE agency = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3',
      [agency, beforeSeq ?? null, limit],
    );
    return rows.map(toAlert);
  }

  async highestSeq(manager: EntityManager): Promise<number> {
    const rows: { seq: string | null }[] = await manager.query('SELECT max(seq) AS seq FROM alerts');
    return Number(rows[0].seq ?? 0);
  }
}

function toAlert(row: AlertRow): Alert {
  return {
    alertId: row.alert_id,
    seq: Number(row.seq),
    agency: row.agency,
    matchId: row.match_id,
    entityId: row.entity_id,
    recordId: row.record_id,
    recordOwner: row.record_owner,
    dataset: row.dataset,
    entryId: row.entry_id,
    entryOwner: row.entry_owner,
    noticeColour: row.notice_colour,
    score: row.score,
    level: row.level,
    features: row.features,
    status: row.status,
    traceId: row.trace_id,
    raisedAt: row.raised_at,
    updatedAt: row.updated_at,
  };
}

export function alertView(alert: Alert) {
  const { seq, ...rest } = alert;
  return { ...rest, cursor: String(seq), raisedAt: alert.raisedAt.toISOString(), updatedAt: alert.updatedAt.toISOString() };
}
