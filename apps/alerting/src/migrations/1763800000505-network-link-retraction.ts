import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A network link can be retracted (dedup's network.links.v1 with
 * `retracted_at`) and told again later through a new path: one live alert per
 * (link, subscription) or (link, agency), retracted ones aside.
 */
export class NetworkLinkRetraction1763800000505 implements MigrationInterface {
  name = 'NetworkLinkRetraction1763800000505';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX alerts_one_per_link');
    await runner.query(`CREATE UNIQUE INDEX alerts_one_per_link
                        ON alerts (link_id, agency, (COALESCE(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid)))
                        WHERE link_id IS NOT NULL AND status <> 'retracted'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX alerts_one_per_link');
    await runner.query(`DELETE FROM alerts WHERE link_id IS NOT NULL AND status = 'retracted'`);
    await runner.query(`CREATE UNIQUE INDEX alerts_one_per_link
                        ON alerts (link_id, agency, (COALESCE(subscription_id, '00000000-0000-0000-0000-000000000000'::uuid)))
                        WHERE link_id IS NOT NULL`);
  }
}
