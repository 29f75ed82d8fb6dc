/**
 * Alerting's `alerts` table: one alert per (entity, reference entry,
 * subscription), and one hit notice (no subscription) per (entity, entry,
 * agency) for each side of a hit. `seq` moves on every change an agency should
 * hear of, and is what streams and their `Last-Event-ID` count.
 */
import { Injectable } from '@nestjs/common';
import type { JsonObject } from '@bufbuild/protobuf';
import type { FeatureEvidence } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import type { AlertStatus, HitOutcome, TriageStatus } from '@crosscheck/alert-lifecycle';
import type { Withheld } from '../model/hit-no-hit';
import type { MatchFacts } from '../model/match-facts';
import type { NetworkLinkFacts } from '../model/network-link-facts';

/**
 * `hit_no_hit`: the searching agency's alert on a restricted entry, without the entry.
 * `network_link`: one of the agency's cases is linked to another agency's through the network.
 */
export type AlertKind = 'alert' | 'hit_notice' | 'hit_no_hit' | 'network_link';

export interface TriageStep {
  status: TriageStatus;
  reason: string;
  by: string;
  at: string;
}

export interface OwnerDecision {
  decision: 'confirmed' | 'rejected';
  reason: string;
  agency: string;
  at: string;
  /** Agencies the owner disclosed the entry to for this hit (hit/no-hit searchers). */
  disclosedTo: string[];
}

/** What followed the hit, by whom and when. */
export interface RecordedOutcome {
  outcome: HitOutcome;
  note: string | null;
  by: string;
  at: string;
}

export interface Alert {
  alertId: string;
  seq: number;
  kind: AlertKind;
  agency: string;
  subscriptionId: string | null;
  subscriptionName: string | null;
  /** Null for a network link, which rests on no match and names no entry (nor dataset, nor entry owner). */
  matchId: string | null;
  liveMatchIds: string[];
  entityId: string;
  recordId: string;
  recordOwner: string;
  recordKind: string;
  dataset: string | null;
  datasetVersion: number;
  entryId: string | null;
  entryOwner: string | null;
  noticeColour: string | null;
  score: number;
  level: string;
  features: FeatureEvidence[];
  record: JsonObject | null;
  entry: JsonObject | null;
  recordDigest: string;
  entryDigest: string;
  status: AlertStatus;
  retractionReason: string | null;
  retractedAt: Date | null;
  triage: TriageStep[];
  ownerDecision: OwnerDecision | null;
  /** The side of the pair this agency may not see, left out of the alert. */
  withheld: Withheld | null;
  /** The reference both sides of a hit/no-hit quote; null for other alerts. */
  hitReference: string | null;
  instantCheck: boolean;
  probeCount: number;
  outcome: RecordedOutcome | null;
  traceId: string | null;
  spanId: string | null;
  raisedAt: Date;
  updatedAt: Date;
  /** For a network link: both cases and the path, as the agency may see them. */
  networkLink: NetworkLinkFacts | null;
}

/** What an alert shows of its pair beyond the facts: the side withheld from its agency, and the reference quoted. */
export interface AlertShape {
  kind: AlertKind;
  withheld: Withheld | null;
  hitReference: string | null;
  /** The entry the alert now names, when it changes (an owner disclosed the entry behind a reference). */
  entryId?: string;
}

/** The span a change was made in, so that later work on the alert (a webhook call) joins the record's trace. */
export interface TraceRef {
  traceId: string;
  spanId: string;
}

/** Who an alert is for: an agency, through one of its subscriptions or as a hit notice. */
export interface Audience {
  agency: string;
  kind: AlertKind;
  subscriptionId: string | null;
}

interface AlertRow {
  alert_id: string;
  seq: string;
  kind: AlertKind;
  agency: string;
  subscription_id: string | null;
  subscription_name: string | null;
  match_id: string | null;
  live_match_ids: string[];
  entity_id: string;
  record_id: string;
  record_owner: string;
  record_kind: string;
  dataset: string | null;
  dataset_version: string;
  entry_id: string | null;
  entry_owner: string | null;
  notice_colour: string | null;
  score: number;
  level: string;
  features: FeatureEvidence[];
  record: JsonObject | null;
  entry: JsonObject | null;
  record_digest: string;
  entry_digest: string;
  status: AlertStatus;
  retraction_reason: string | null;
  retracted_at: Date | null;
  triage: TriageStep[];
  owner_decision: OwnerDecision | null;
  withheld: Withheld | null;
  hit_reference: string | null;
  instant_check: boolean;
  probe_count: number;
  outcome: RecordedOutcome | null;
  trace_id: string | null;
  span_id: string | null;
  raised_at: Date;
  updated_at: Date;
  network_link: NetworkLinkFacts | null;
}

export const ALERTS_CHANNEL = 'crosscheck_alerts';

const SELECT_ALERTS = `SELECT a.*, s.name AS subscription_name FROM alerts a LEFT JOIN subscriptions s ON s.subscription_id = a.subscription_id`;

/** Held by every transaction that changes alerts; see `lockChanges`. */
const ALERT_CHANGES_LOCK = 730_400;

@Injectable()
export class AlertsRepository {
  /**
   * Taken first by every transaction that changes alerts, before any row lock,
   * and held until it commits: change positions (`seq`) are then taken in
   * commit order, so a stream that has read up to N never sees an N-1 commit
   * later and miss it. Alerting's writes are short; the order is worth it.
   */
  async lockChanges(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [ALERT_CHANGES_LOCK]);
  }

  /** Every agency's alerts on one (entity, entry) pair, locked for this transaction. */
  async ofPair(manager: EntityManager, entityId: string, dataset: string, entryId: string): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query(
      `${SELECT_ALERTS} WHERE a.entity_id = $1 AND a.dataset = $2 AND a.entry_id = $3 FOR UPDATE OF a`,
      [entityId, dataset, entryId],
    );
    return rows.map(toAlert);
  }

  /** Every agency's alerts on one network link, locked for this transaction. */
  async ofLink(manager: EntityManager, linkId: string): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query(`${SELECT_ALERTS} WHERE a.link_id = $1 FOR UPDATE OF a`, [linkId]);
    return rows.map(toAlert);
  }

  /** A new network link alert for the audience: its own case is the alert's record side; no match, no entry. */
  async insertNetworkLink(
    manager: EntityManager,
    alertId: string,
    audience: Audience,
    link: NetworkLinkFacts,
    trace: TraceRef | null,
  ): Promise<Alert> {
    const rows: AlertRow[] = await manager.query(
      `INSERT INTO alerts (alert_id, kind, agency, subscription_id, link_id, network_link, entity_id, record_id, record_owner,
                           record_kind, score, level, features, status, trace_id, span_id)
       VALUES ($1, 'network_link', $2, $3, $4, $5, $6, $7, $2, $8, $9, 'link', '[]', 'new', $10, $11)
       RETURNING *`,
      [
        alertId,
        audience.agency,
        audience.subscriptionId,
        link.linkId,
        JSON.stringify(link),
        link.ownCase.entityId,
        link.ownCase.recordId,
        link.ownCase.recordKind,
        link.score,
        trace?.traceId ?? null,
        trace?.spanId ?? null,
      ],
    );
    await notifyFeed(manager);
    return this.withSubscriptionName(manager, rows[0]);
  }

  /** Alerts resting on a match, locked for this transaction. */
  async ofMatch(manager: EntityManager, matchId: string): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query(`${SELECT_ALERTS} WHERE $1 = ANY(a.live_match_ids) FOR UPDATE OF a`, [
      matchId,
    ]);
    return rows.map(toAlert);
  }

  /** A new alert for the audience; `seq` is taken, so streams hear of it. */
  async insert(
    manager: EntityManager,
    alertId: string,
    audience: Audience,
    facts: MatchFacts,
    ownerDecision: OwnerDecision | null,
    trace: TraceRef | null,
    status: AlertStatus,
    shape: Omit<AlertShape, 'kind'> = { withheld: null, hitReference: null },
  ): Promise<Alert> {
    const columns = [
      ...FINDING_COLUMNS,
      'kind',
      'agency',
      'subscription_id',
      'entity_id',
      'dataset',
      'entry_id',
      'status',
      'owner_decision',
      'trace_id',
      'span_id',
      'withheld',
      'hit_reference',
    ];
    const rows: AlertRow[] = await manager.query(
      `INSERT INTO alerts (alert_id, match_id, live_match_ids, ${columns.join(', ')})
       VALUES ($1, $2, ARRAY[$2]::uuid[], ${columns.map((_, index) => `$${index + 3}`).join(', ')})
       RETURNING *`,
      [
        alertId,
        facts.matchId,
        ...findingValues(facts),
        audience.kind,
        audience.agency,
        audience.subscriptionId,
        facts.entityId,
        facts.dataset,
        facts.entryId,
        status,
        ownerDecision,
        trace?.traceId ?? null,
        trace?.spanId ?? null,
        shape.withheld,
        shape.hitReference,
      ],
    );
    await notifyFeed(manager);
    return toAlert(rows[0]);
  }

  /**
   * The alert now rests on this finding too. `announce` moves it in the
   * streams (a new `seq`); without it the newest match is kept quietly.
   */
  async refresh(
    manager: EntityManager,
    alertId: string,
    facts: MatchFacts,
    status: AlertStatus,
    announce: boolean,
    trace: TraceRef | null,
    shape?: AlertShape,
  ): Promise<Alert> {
    const last = 3 + FINDING_COLUMNS.length;
    // UPDATE and DELETE ... RETURNING answer [rows, count] through TypeORM, here and below.
    const [rows]: [AlertRow[], number] = await manager.query(
      `UPDATE alerts SET
         match_id = $2,
         live_match_ids = CASE WHEN $2 = ANY(live_match_ids) THEN live_match_ids ELSE array_append(live_match_ids, $2::uuid) END,
         ${FINDING_COLUMNS.map((column, index) => `${column} = $${index + 3}`).join(', ')},
         status = $${last}, retraction_reason = CASE WHEN $${last} = 'retracted' THEN retraction_reason END,
         retracted_at = CASE WHEN $${last} = 'retracted' THEN retracted_at END,
         trace_id = CASE WHEN $${last + 1} THEN $${last + 2} ELSE trace_id END,
         span_id = CASE WHEN $${last + 1} THEN $${last + 3} ELSE span_id END,
         updated_at = CASE WHEN $${last + 1} THEN now() ELSE updated_at END,
         seq = CASE WHEN $${last + 1} THEN nextval(pg_get_serial_sequence('alerts', 'seq')) ELSE seq END,
         kind = CASE WHEN $${last + 4} THEN $${last + 5} ELSE kind END,
         withheld = CASE WHEN $${last + 4} THEN $${last + 6} ELSE withheld END,
         hit_reference = COALESCE(hit_reference, $${last + 7}),
         entry_id = COALESCE($${last + 8}, entry_id)
       WHERE alert_id = $1
       RETURNING *`,
      [
        alertId,
        facts.matchId,
        ...findingValues(facts),
        status,
        announce,
        trace?.traceId ?? null,
        trace?.spanId ?? null,
        shape !== undefined,
        shape?.kind ?? null,
        shape?.withheld ?? null,
        shape?.hitReference ?? null,
        shape?.entryId ?? null,
      ],
    );
    if (announce) await notifyFeed(manager);
    return this.withSubscriptionName(manager, rows[0]);
  }

  /**
   * The match no longer holds: dropped from the alert, which is retracted once
   * no match holds it up. A retracted alert keeps its ids, status, reason and
   * triage, but no longer another agency's data: a withdrawn record, a removed
   * entry or a version that no longer matches is not readable through it. The
   * agency keeps what it owns; the explanation, which quotes both sides, goes
   * unless it owns both. An alert that other matches of its entity still hold
   * up drops the record it showed when that record's match is the one dropped
   * (until the next match fills it in again).
   */
  async dropMatch(
    manager: EntityManager,
    alertId: string,
    matchId: string,
    reason: string,
  ): Promise<{ alert: Alert; retracted: boolean }> {
    const [rows]: [(AlertRow & { retracted_now: boolean })[], number] = await manager.query(
      `WITH dropped AS (SELECT array_remove(live_match_ids, $2::uuid) AS ids FROM alerts WHERE alert_id = $1)
       UPDATE alerts SET
         live_match_ids = dropped.ids,
         status = CASE WHEN cardinality(dropped.ids) = 0 THEN 'retracted' ELSE status END,
         retraction_reason = CASE WHEN cardinality(dropped.ids) = 0 THEN $3 ELSE retraction_reason END,
         retracted_at = CASE WHEN cardinality(dropped.ids) = 0 THEN now() ELSE retracted_at END,
         record = CASE WHEN (cardinality(dropped.ids) = 0 OR match_id = $2) AND agency <> record_owner THEN NULL ELSE record END,
         entry = CASE WHEN cardinality(dropped.ids) = 0 AND agency <> entry_owner THEN NULL ELSE entry END,
         features = CASE WHEN (cardinality(dropped.ids) = 0 AND (agency <> record_owner OR agency <> entry_owner)) OR (match_id = $2 AND agency <> record_owner)
                         THEN '[]' ELSE features END,
         updated_at = CASE WHEN cardinality(dropped.ids) = 0 THEN now() ELSE updated_at END,
         seq = CASE WHEN cardinality(dropped.ids) = 0 THEN nextval(pg_get_serial_sequence('alerts', 'seq')) ELSE seq END
       FROM dropped WHERE alert_id = $1
       RETURNING alerts.*, cardinality(dropped.ids) = 0 AS retracted_now`,
      [alertId, matchId, reason],
    );
    if (rows[0].retracted_now) await notifyFeed(manager);
    return { alert: await this.withSubscriptionName(manager, rows[0]), retracted: rows[0].retracted_now };
  }

  /**
   * The agency may no longer see one side of the pair: the alert is retracted
   * and what it showed of both sides is removed from it.
   */
  async withdrawFromAudience(manager: EntityManager, alertId: string, reason: string): Promise<Alert> {
    const [rows]: [AlertRow[], number] = await manager.query(
      `UPDATE alerts SET status = 'retracted', retraction_reason = $2, retracted_at = now(), record = NULL, entry = NULL, features = '[]',
              live_match_ids = '{}', updated_at = now(), seq = nextval(pg_get_serial_sequence('alerts', 'seq'))
        WHERE alert_id = $1 RETURNING *`,
      [alertId, reason],
    );
    await notifyFeed(manager);
    return this.withSubscriptionName(manager, rows[0]);
  }

  /**
   * The network link no longer holds for the agency (dedup retracted it): the
   * alert is retracted with the reason, and keeps of the link only the two
   * agencies and its own case, not the other case's record or the path.
   */
  async retractLink(manager: EntityManager, alertId: string, reason: string): Promise<Alert> {
    const [rows]: [AlertRow[], number] = await manager.query(
      `UPDATE alerts SET status = 'retracted', retraction_reason = $2, retracted_at = now(),
              network_link = network_link || jsonb_build_object(
                'path', '[]'::jsonb, 'explanation', '',
                'otherCase', jsonb_build_object('agency', network_link->'otherCase'->'agency', 'caseRef', '', 'entityId', '',
                                                'recordId', '', 'externalRef', '', 'recordKind', network_link->'otherCase'->'recordKind')),
              updated_at = now(), seq = nextval(pg_get_serial_sequence('alerts', 'seq'))
        WHERE alert_id = $1 RETURNING *`,
      [alertId, reason],
    );
    await notifyFeed(manager);
    return this.withSubscriptionName(manager, rows[0]);
  }

  /** A triage step: the new status and the step appended to the alert's history. */
  async triage(manager: EntityManager, alertId: string, status: AlertStatus, step: TriageStep): Promise<Alert> {
    const [rows]: [AlertRow[], number] = await manager.query(
      `UPDATE alerts SET status = $2, triage = triage || $3::jsonb, updated_at = now(), seq = nextval(pg_get_serial_sequence('alerts', 'seq'))
        WHERE alert_id = $1 RETURNING *`,
      [alertId, status, JSON.stringify([step])],
    );
    await notifyFeed(manager);
    return this.withSubscriptionName(manager, rows[0]);
  }

  /** What followed the hit, on the agency's own alert; a later outcome replaces an earlier one. */
  async recordOutcome(manager: EntityManager, alertId: string, outcome: RecordedOutcome): Promise<Alert> {
    const [rows]: [AlertRow[], number] = await manager.query(
      `UPDATE alerts SET outcome = $2, updated_at = now(), seq = nextval(pg_get_serial_sequence('alerts', 'seq'))
        WHERE alert_id = $1 RETURNING *`,
      [alertId, JSON.stringify(outcome)],
    );
    await notifyFeed(manager);
    return this.withSubscriptionName(manager, rows[0]);
  }

  /** The owner's decision shown on every alert of the pair, whoever's, and on the searcher's alert under its reference. */
  async applyOwnerDecision(
    manager: EntityManager,
    entityId: string,
    dataset: string,
    entryId: string,
    decision: OwnerDecision,
    hitReference: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE alerts SET owner_decision = $4, updated_at = now(), seq = nextval(pg_get_serial_sequence('alerts', 'seq'))
        WHERE entity_id = $1 AND dataset = $2 AND (entry_id = $3 OR entry_id = $5)`,
      [entityId, dataset, entryId, decision, hitReference],
    );
    await notifyFeed(manager);
  }

  async find(manager: EntityManager, alertId: string, lock = false): Promise<Alert | undefined> {
    const rows: AlertRow[] = await manager.query(
      `${SELECT_ALERTS} WHERE a.alert_id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [alertId],
    );
    return rows[0] && toAlert(rows[0]);
  }

  /** Any query over alerts joined with their subscription's name; see alert-query.ts. */
  async select(manager: EntityManager, where: string, orderAndLimit: string, values: unknown[]): Promise<Alert[]> {
    const rows: AlertRow[] = await manager.query(`${SELECT_ALERTS} WHERE ${where} ${orderAndLimit}`, values);
    return rows.map(toAlert);
  }

  /** An agency's alerts after a stream position, oldest first. */
  async after(manager: EntityManager, agency: string, afterSeq: number, limit: number): Promise<Alert[]> {
    return this.select(manager, 'a.agency = $1 AND a.seq > $2', 'ORDER BY a.seq LIMIT $3', [agency, afterSeq, limit]);
  }

  /** All agencies' alerts after a stream position: what the live feed fans out. */
  async allAfter(manager: EntityManager, afterSeq: number, limit: number): Promise<Alert[]> {
    return this.select(manager, 'a.seq > $1', 'ORDER BY a.seq LIMIT $2', [afterSeq, limit]);
  }

  async highestSeq(manager: EntityManager): Promise<number> {
    const rows: { seq: string | null }[] = await manager.query('SELECT max(seq) AS seq FROM alerts');
    return Number(rows[0].seq ?? 0);
  }

  private async withSubscriptionName(manager: EntityManager, row: AlertRow): Promise<Alert> {
    if (!row.subscription_id) return toAlert({ ...row, subscription_name: null });
    const names: { name: string }[] = await manager.query('SELECT name FROM subscriptions WHERE subscription_id = $1', [
      row.subscription_id,
    ]);
    return toAlert({ ...row, subscription_name: names[0]?.name ?? null });
  }
}

/** What a finding says of the pair, as both the insert and the refresh bind it (from $3 on). */
const FINDING_COLUMNS = [
  'record_id',
  'record_owner',
  'record_kind',
  'dataset_version',
  'entry_owner',
  'notice_colour',
  'score',
  'level',
  'features',
  'record',
  'entry',
  'record_digest',
  'entry_digest',
  'instant_check',
  'probe_count',
] as const;

function findingValues(facts: MatchFacts): unknown[] {
  return [
    facts.recordId,
    facts.recordOwner,
    facts.recordKind,
    facts.datasetVersion,
    facts.entryOwner,
    facts.noticeColour,
    facts.score,
    facts.level,
    JSON.stringify(facts.features),
    facts.record,
    facts.entry,
    facts.recordDigest,
    facts.entryDigest,
    facts.instantCheck,
    facts.probeCount,
  ];
}

/** Wakes every alerting instance's live feed, once the transaction commits (NOTIFY is transactional and coalesced). */
async function notifyFeed(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT pg_notify('${ALERTS_CHANNEL}', '')`);
}

function toAlert(row: AlertRow): Alert {
  return {
    alertId: row.alert_id,
    seq: Number(row.seq),
    kind: row.kind,
    agency: row.agency,
    subscriptionId: row.subscription_id,
    subscriptionName: row.subscription_name ?? null,
    matchId: row.match_id,
    liveMatchIds: row.live_match_ids,
    entityId: row.entity_id,
    recordId: row.record_id,
    recordOwner: row.record_owner,
    recordKind: row.record_kind,
    dataset: row.dataset,
    datasetVersion: Number(row.dataset_version),
    entryId: row.entry_id,
    entryOwner: row.entry_owner,
    noticeColour: row.notice_colour,
    score: row.score,
    level: row.level,
    features: row.features,
    record: row.record,
    entry: row.entry,
    recordDigest: row.record_digest,
    entryDigest: row.entry_digest,
    status: row.status,
    retractionReason: row.retraction_reason,
    retractedAt: row.retracted_at,
    triage: row.triage,
    ownerDecision: row.owner_decision && { ...row.owner_decision, disclosedTo: row.owner_decision.disclosedTo ?? [] },
    withheld: row.withheld,
    hitReference: row.hit_reference,
    instantCheck: row.instant_check,
    probeCount: row.probe_count,
    outcome: row.outcome,
    traceId: row.trace_id,
    spanId: row.span_id,
    raisedAt: row.raised_at,
    updatedAt: row.updated_at,
    networkLink: row.network_link,
  };
}
