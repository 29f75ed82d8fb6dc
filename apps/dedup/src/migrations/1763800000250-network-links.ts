import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The links between two agencies' cases that dedup has told each side of
 * (network.links.v1): one row per (pair of cases, agency told), so the same
 * pair linked again is not announced again, while a side that could not be
 * told at first (the path went through data it may not see) still hears of
 * it once a path it may see appears.
 */
export class NetworkLinks1763800000250 implements MigrationInterface {
  name = 'NetworkLinks1763800000250';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE network_links (
        link_id  text NOT NULL,
        agency   text NOT NULL,
        found_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (link_id, agency)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE network_links');
  }
}
