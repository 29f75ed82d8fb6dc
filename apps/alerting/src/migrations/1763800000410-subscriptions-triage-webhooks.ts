import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions, triage, suppression, the data owner's decision and webhook
 * delivery. Alerts become one per (entity, reference entry, subscription),
 * with hit notices (no subscription) for the sharing agency and the owner.
 */
export class SubscriptionsTriageWebhooks1763800000410 implements MigrationInterface {
  name = 'SubscriptionsTriageWebhooks1763800000410';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE webhooks (
        webhook_id  uuid PRIMARY KEY,
        agency      text NOT NULL,
        url         text NOT NULL,
        description text NOT NULL DEFAULT '',
        -- Kept to sign deliveries; shown to the agency once, when registered.
        secret      text NOT NULL,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX webhooks_agency ON webhooks (agency)');

    await runner.query(`
      CREATE TABLE subscriptions (
        subscription_id uuid PRIMARY KEY,
        agency          text NOT NULL,
        name            text NOT NULL,
        datasets        text[] NOT NULL DEFAULT '{}',
        notice_colours  text[] NOT NULL DEFAULT '{}',
        record_kinds    text[] NOT NULL DEFAULT '{}',
        countries       text[] NOT NULL DEFAULT '{}',
        min_score       double precision,
        levels          text[] NOT NULL DEFAULT '{}',
        webhook_id      uuid REFERENCES webhooks (webhook_id) ON DELETE SET NULL,
        created_by      text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX subscriptions_agency ON subscriptions (agency)');

    await runner.query(`
      ALTER TABLE alerts
        DROP CONSTRAINT alerts_one_per_pair,
        ADD COLUMN kind                 text NOT NULL DEFAULT 'hit_notice',
        ADD COLUMN subscription_id      uuid,
        ADD COLUMN record_kind          text NOT NULL DEFAULT 'person',
        ADD COLUMN dataset_version      bigint NOT NULL DEFAULT 0,
        ADD COLUMN record               jsonb,
        ADD COLUMN entry                jsonb,
        ADD COLUMN record_digest        text NOT NULL DEFAULT '',
        ADD COLUMN entry_digest         text NOT NULL DEFAULT '',
        ADD COLUMN live_match_ids       uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN retraction_reason    text,
        ADD COLUMN retracted_at         timestamptz,
        ADD COLUMN triage               jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN owner_decision       jsonb,
        -- The span that raised or last changed the alert: webhook deliveries join its trace.
        ADD COLUMN span_id              text`);
    await runner.query('UPDATE alerts SET live_match_ids = ARRAY[match_id]');
    // One alert per (entity, entry, subscription); a hit notice is the row without a subscription.
    await runner.query(`CREATE UNIQUE INDEX alerts_one_per_audience
                        ON alerts (entity_id, dataset, entry_id, agency, (COALESCE(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid)))`);
    await runner.query('CREATE INDEX alerts_agency_raised ON alerts (agency, raised_at DESC, alert_id)');
    await runner.query('CREATE INDEX alerts_pair ON alerts (entity_id, dataset, entry_id)');
    await runner.query('CREATE INDEX alerts_live_matches ON alerts USING gin (live_match_ids)');

    // A false positive silences the pair for the agency until either side's data changes.
    await runner.query(`
      CREATE TABLE suppressions (
        agency        text NOT NULL,
        entity_id     uuid NOT NULL,
        dataset       text NOT NULL,
        entry_id      text NOT NULL,
        record_digest text NOT NULL,
        entry_digest  text NOT NULL,
        alert_id      uuid NOT NULL,
        suppressed_by text NOT NULL,
        reason        text NOT NULL,
        suppressed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency, entity_id, dataset, entry_id)
      )`);

    // The reference entry's owner confirms or rejects a hit before anyone acts on it; every alert of the pair shows it.
    await runner.query(`
      CREATE TABLE owner_decisions (
        entity_id  uuid NOT NULL,
        dataset    text NOT NULL,
        entry_id   text NOT NULL,
        decision   text NOT NULL,
        reason     text NOT NULL,
        agency     text NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entity_id, dataset, entry_id)
      )`);

    await runner.query(`
      CREATE TABLE webhook_deliveries (
        delivery_id     uuid PRIMARY KEY,
        webhook_id      uuid NOT NULL REFERENCES webhooks (webhook_id) ON DELETE CASCADE,
        agency          text NOT NULL,
        alert_id        uuid NOT NULL,
        subscription_id uuid,
        event           text NOT NULL,
        status          text NOT NULL DEFAULT 'pending',
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_status     integer,
        last_error      text,
        resent_from     uuid,
        created_at      timestamptz NOT NULL DEFAULT now(),
        delivered_at    timestamptz,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await runner.query(
      'CREATE INDEX webhook_deliveries_agency ON webhook_deliveries (agency, created_at DESC, delivery_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE webhook_deliveries');
    await runner.query('DROP TABLE owner_decisions');
    await runner.query('DROP TABLE suppressions');
    await runner.query('DROP INDEX alerts_one_per_audience');
    await runner.query('DROP TABLE subscriptions');
    await runner.query('DROP TABLE webhooks');
  }
}
