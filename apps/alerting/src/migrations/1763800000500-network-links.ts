import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `network_link` alerts: dedup found a path between one of the agency's cases
 * and another agency's case (network.links.v1). Such an alert rests on no
 * match and names no reference entry, so those columns may be empty; the link
 * (both cases and the path as the agency may see it) is kept whole. One alert
 * per (link, subscription), or one without a subscription per (link, agency).
 * Subscriptions choose which kinds of alert they want (`kinds`: match,
 * network_link; none means both).
 */
export class NetworkLinks1763800000500 implements MigrationInterface {
  name = 'NetworkLinks1763800000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE alerts
        ALTER COLUMN match_id DROP NOT NULL,
        ALTER COLUMN dataset DROP NOT NULL,
        ALTER COLUMN entry_id DROP NOT NULL,
        ALTER COLUMN entry_owner DROP NOT NULL,
        ADD COLUMN link_id text,
        ADD COLUMN network_link jsonb,
        ADD CONSTRAINT alerts_match_or_link CHECK ((link_id IS NULL) = (dataset IS NOT NULL AND entry_id IS NOT NULL))`);
    await runner.query(`CREATE UNIQUE INDEX alerts_one_per_link
                        ON alerts (link_id, agency, (COALESCE(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid)))
                        WHERE link_id IS NOT NULL`);
    await runner.query(`ALTER TABLE subscriptions ADD COLUMN kinds text[] NOT NULL DEFAULT '{}'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE subscriptions DROP COLUMN kinds');
    await runner.query('DROP INDEX alerts_one_per_link');
    await runner.query('DELETE FROM alerts WHERE link_id IS NOT NULL');
    await runner.query(`
      ALTER TABLE alerts
        DROP CONSTRAINT alerts_match_or_link,
        DROP COLUMN network_link,
        DROP COLUMN link_id,
        ALTER COLUMN match_id SET NOT NULL,
        ALTER COLUMN dataset SET NOT NULL,
        ALTER COLUMN entry_id SET NOT NULL,
        ALTER COLUMN entry_owner SET NOT NULL`);
  }
}
