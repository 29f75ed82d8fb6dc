import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hit/no-hit: an alert may withhold one side of its pair from its agency
 * (`withheld`: entry or record) and carries the reference both sides quote;
 * instant checks reach the owner as alerts; the owner's decision may disclose
 * the entry to agencies; the pair's full facts wait in `withheld_findings`
 * until the owner discloses them.
 */
export class HitNoHit1763800000460 implements MigrationInterface {
  name = 'HitNoHit1763800000460';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE alerts
        ADD COLUMN withheld      text CHECK (withheld IN ('entry', 'record')),
        ADD COLUMN hit_reference text,
        ADD COLUMN instant_check boolean NOT NULL DEFAULT false,
        ADD COLUMN probe_count   integer NOT NULL DEFAULT 0`);
    await runner.query(`ALTER TABLE owner_decisions ADD COLUMN disclosed_to text[] NOT NULL DEFAULT '{}'`);
    await runner.query(`
      CREATE TABLE withheld_findings (
        entity_id  uuid NOT NULL,
        dataset    text NOT NULL,
        entry_id   text NOT NULL,
        facts      jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entity_id, dataset, entry_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE withheld_findings');
    await runner.query('ALTER TABLE owner_decisions DROP COLUMN disclosed_to');
    await runner.query(
      'ALTER TABLE alerts DROP COLUMN withheld, DROP COLUMN hit_reference, DROP COLUMN instant_check, DROP COLUMN probe_count',
    );
  }
}
