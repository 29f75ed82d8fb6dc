import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every dataset, candidates by blocking keys, the records matching has seen
 * (so a new reference entry can be checked against them: retro-hits), and
 * matches that can be retracted.
 */
export class MatchEveryDataset1763800000310 implements MigrationInterface {
  name = 'MatchEveryDataset1763800000310';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX reference_entries_name_parts');
    await runner.query(
      `ALTER TABLE reference_entries DROP COLUMN name_parts, ADD COLUMN kind text NOT NULL DEFAULT 'person'`,
    );
    // No foreign keys on the key tables: they are written in bulk by loads, and kept in step by the code that writes entries.
    await runner.query(`
      CREATE TABLE reference_keys (
        dataset  text NOT NULL,
        key      text NOT NULL,
        entry_id text NOT NULL,
        PRIMARY KEY (dataset, key, entry_id)
      )`);
    await runner.query('CREATE INDEX reference_keys_entry ON reference_keys (dataset, entry_id)');
    await runner.query(`
      CREATE TABLE checked_records (
        record_id     uuid PRIMARY KEY,
        entity_id     uuid NOT NULL,
        version       integer NOT NULL,
        kind          text NOT NULL,
        owner         text NOT NULL,
        dissemination jsonb NOT NULL,
        facts         jsonb NOT NULL,
        record        bytea NOT NULL,
        left_at       timestamptz
      )`);
    await runner.query(`
      CREATE TABLE record_keys (
        dataset   text NOT NULL,
        key       text NOT NULL,
        record_id uuid NOT NULL,
        PRIMARY KEY (dataset, key, record_id)
      )`);
    await runner.query('CREATE INDEX record_keys_record ON record_keys (record_id)');
    await runner.query(`
      ALTER TABLE matches
        ADD COLUMN subject           text NOT NULL DEFAULT 'record',
        ADD COLUMN retracted_at      timestamptz,
        ADD COLUMN retraction_reason text`);
    await runner.query('CREATE INDEX matches_entry ON matches (dataset, entry_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX matches_entry');
    await runner.query(
      'ALTER TABLE matches DROP COLUMN subject, DROP COLUMN retracted_at, DROP COLUMN retraction_reason',
    );
    await runner.query('DROP TABLE record_keys');
    await runner.query('DROP TABLE checked_records');
    await runner.query('DROP TABLE reference_keys');
    await runner.query(
      `ALTER TABLE reference_entries DROP COLUMN kind, ADD COLUMN name_parts text[] NOT NULL DEFAULT '{}'`,
    );
    await runner.query('CREATE INDEX reference_entries_name_parts ON reference_entries USING gin (name_parts)');
  }
}
