import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReferenceAndMatches1763800000300 implements MigrationInterface {
  name = 'CreateReferenceAndMatches1763800000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE reference_datasets (
        dataset       text PRIMARY KEY,
        owner         text NOT NULL,
        dissemination jsonb NOT NULL,
        version       bigint NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE reference_entries (
        dataset       text NOT NULL REFERENCES reference_datasets (dataset),
        entry_id      text NOT NULL,
        version       bigint NOT NULL,
        notice_colour integer NOT NULL DEFAULT 0,
        facts         jsonb NOT NULL,
        name_parts    text[] NOT NULL,
        entry         bytea NOT NULL,
        PRIMARY KEY (dataset, entry_id)
      )`);
    await runner.query('CREATE INDEX reference_entries_name_parts ON reference_entries USING gin (name_parts)');
    await runner.query(`
      CREATE TABLE matches (
        entity_id       uuid NOT NULL,
        dataset         text NOT NULL,
        entry_id        text NOT NULL,
        match_id        uuid NOT NULL UNIQUE,
        record_id       uuid NOT NULL,
        score           double precision NOT NULL,
        level           text NOT NULL,
        features        jsonb NOT NULL,
        dataset_version bigint NOT NULL,
        found_at        timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (record_id, dataset, entry_id)
      )`);
    await runner.query('CREATE INDEX matches_entity ON matches (entity_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE matches');
    await runner.query('DROP TABLE reference_entries');
    await runner.query('DROP TABLE reference_datasets');
  }
}
