import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agencies' own parts of the reference datasets. An entry an agency
 * contributed names it (`contributor`; NULL for what the dataset's owner
 * loads), and each agency's part is versioned on its own (`reference_parts`),
 * as the loader versions the dataset. A dataset can hold contributions before
 * its owner ever loads it, so entries no longer need a `reference_datasets` row.
 */
export class ReferenceContributions1763800000330 implements MigrationInterface {
  name = 'ReferenceContributions1763800000330';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE reference_entries DROP CONSTRAINT IF EXISTS reference_entries_dataset_fkey');
    await runner.query('ALTER TABLE reference_entries ADD COLUMN contributor text, ADD COLUMN entry_ref text');
    await runner.query(
      'CREATE UNIQUE INDEX reference_entries_contributed ON reference_entries (dataset, contributor, entry_ref) WHERE contributor IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE reference_parts (
        dataset    text NOT NULL,
        agency     text NOT NULL,
        version    bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (dataset, agency)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE reference_parts');
    await runner.query('DROP INDEX reference_entries_contributed');
    await runner.query('ALTER TABLE reference_entries DROP COLUMN contributor, DROP COLUMN entry_ref');
    await runner.query(
      'ALTER TABLE reference_entries ADD CONSTRAINT reference_entries_dataset_fkey FOREIGN KEY (dataset) REFERENCES reference_datasets (dataset)',
    );
  }
}
