import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hit/no-hit answers per (searching agency, restricted entry) within a probe
 * window: what makes a flood of probes against one restricted entry visible.
 */
export class HitNoHitProbes1763800000360 implements MigrationInterface {
  name = 'HitNoHitProbes1763800000360';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE hit_no_hit_probes (
        agency       text NOT NULL,
        dataset      text NOT NULL,
        entry_id     text NOT NULL,
        window_start timestamptz NOT NULL DEFAULT now(),
        answers      integer NOT NULL DEFAULT 1,
        alarmed_at   timestamptz,
        PRIMARY KEY (agency, dataset, entry_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE hit_no_hit_probes');
  }
}
