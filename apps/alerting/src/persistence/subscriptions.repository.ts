/** Alerting's `subscriptions` table: an agency's standing interest in hits and network links. */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { MatchFacts } from '../model/match-facts';
import type { NetworkLinkFacts } from '../model/network-link-facts';

export interface Subscription {
  subscriptionId: string;
  agency: string;
  name: string;
  datasets: string[];
  noticeColours: string[];
  recordKinds: string[];
  countries: string[];
  minScore: number | null;
  levels: string[];
  /** `match`, `network_link`; none means both. */
  kinds: string[];
  webhookId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What an analyst sets on a subscription (the HTTP body, once validated); a missing filter means "any". */
export interface SubscriptionTerms {
  name: string;
  datasets?: string[];
  noticeColours?: string[];
  recordKinds?: string[];
  countries?: string[];
  minScore?: number;
  levels?: string[];
  kinds?: string[];
  webhookId?: string | null;
}

interface SubscriptionRow {
  subscription_id: string;
  agency: string;
  name: string;
  datasets: string[];
  notice_colours: string[];
  record_kinds: string[];
  countries: string[];
  min_score: number | null;
  levels: string[];
  kinds: string[];
  webhook_id: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class SubscriptionsRepository {
  async create(
    manager: EntityManager,
    subscriptionId: string,
    agency: string,
    createdBy: string,
    body: SubscriptionTerms,
  ): Promise<Subscription> {
    const rows: SubscriptionRow[] = await manager.query(
      `INSERT INTO subscriptions (subscription_id, agency, name, datasets, notice_colours, record_kinds, countries, min_score, levels, webhook_id, kinds, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING *`,
      [subscriptionId, agency, ...columnsOf(body), createdBy],
    );
    return toSubscription(rows[0]);
  }

  async replace(
    manager: EntityManager,
    agency: string,
    subscriptionId: string,
    body: SubscriptionTerms,
  ): Promise<Subscription | undefined> {
    // UPDATE and DELETE ... RETURNING answer [rows, count] through TypeORM, here and below.
    const [rows]: [SubscriptionRow[], number] = await manager.query(
      `UPDATE subscriptions SET name = $3, datasets = $4, notice_colours = $5, record_kinds = $6, countries = $7, min_score = $8, levels = $9,
              webhook_id = $10, kinds = $11, updated_at = now()
        WHERE agency = $1 AND subscription_id = $2 RETURNING *`,
      [agency, subscriptionId, ...columnsOf(body)],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async delete(manager: EntityManager, agency: string, subscriptionId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await manager.query(
      'DELETE FROM subscriptions WHERE agency = $1 AND subscription_id = $2 RETURNING subscription_id',
      [agency, subscriptionId],
    );
    return rows.length > 0;
  }

  async find(manager: EntityManager, agency: string, subscriptionId: string): Promise<Subscription | undefined> {
    const rows: SubscriptionRow[] = await manager.query(
      'SELECT * FROM subscriptions WHERE agency = $1 AND subscription_id = $2',
      [agency, subscriptionId],
    );
    return rows[0] && toSubscription(rows[0]);
  }

  async ofAgency(manager: EntityManager, agency: string): Promise<Subscription[]> {
    const rows: SubscriptionRow[] = await manager.query(
      'SELECT * FROM subscriptions WHERE agency = $1 ORDER BY created_at, subscription_id',
      [agency],
    );
    return rows.map(toSubscription);
  }

  /** Every subscription, of any agency, whose filters this match passes. Who may see it is decided by the caller. */
  async matching(manager: EntityManager, facts: MatchFacts): Promise<Subscription[]> {
    const rows: SubscriptionRow[] = await manager.query(
      `SELECT * FROM subscriptions
        WHERE (cardinality(datasets) = 0 OR $1 = ANY(datasets))
          AND (cardinality(notice_colours) = 0 OR $2::text = ANY(notice_colours))
          AND (cardinality(record_kinds) = 0 OR $3 = ANY(record_kinds))
          AND (cardinality(countries) = 0 OR countries && $4::text[])
          AND (min_score IS NULL OR $5 >= min_score)
          AND (cardinality(levels) = 0 OR $6 = ANY(levels))
          AND (cardinality(kinds) = 0 OR 'match' = ANY(kinds))
        ORDER BY agency, created_at, subscription_id`,
      [facts.dataset, facts.noticeColour, facts.recordKind, facts.countries, facts.score, facts.level],
    );
    return rows.map(toSubscription);
  }

  /**
   * The agency's subscriptions whose filters a network link passes: those of
   * hits (datasets, notice colours, levels) must be empty; record kinds are of
   * its own case, countries the two agencies, the score the weakest edge's.
   */
  async matchingNetworkLink(manager: EntityManager, link: NetworkLinkFacts): Promise<Subscription[]> {
    const rows: SubscriptionRow[] = await manager.query(
      `SELECT * FROM subscriptions
        WHERE agency = $1
          AND (cardinality(kinds) = 0 OR 'network_link' = ANY(kinds))
          AND cardinality(datasets) = 0 AND cardinality(notice_colours) = 0 AND cardinality(levels) = 0
          AND (cardinality(record_kinds) = 0 OR $2 = ANY(record_kinds))
          AND (cardinality(countries) = 0 OR countries && $3::text[])
          AND (min_score IS NULL OR $4 >= min_score)
        ORDER BY created_at, subscription_id`,
      [link.agency, link.ownCase.recordKind, [link.ownCase.agency, link.otherCase.agency], link.score],
    );
    return rows.map(toSubscription);
  }
}

function columnsOf(body: SubscriptionTerms): unknown[] {
  return [
    body.name,
    body.datasets ?? [],
    body.noticeColours ?? [],
    body.recordKinds ?? [],
    body.countries ?? [],
    body.minScore ?? null,
    body.levels ?? [],
    body.webhookId ?? null,
    body.kinds ?? [],
  ];
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    subscriptionId: row.subscription_id,
    agency: row.agency,
    name: row.name,
    datasets: row.datasets,
    noticeColours: row.notice_colours,
    recordKinds: row.record_kinds,
    countries: row.countries,
    minScore: row.min_score,
    levels: row.levels,
    kinds: row.kinds,
    webhookId: row.webhook_id,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
