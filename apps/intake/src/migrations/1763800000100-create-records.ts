import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRecords1763800000100 implements MigrationInterface {
  name = 'CreateRecords1763800000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE records (
        record_id     uuid PRIMARY KEY,
        owner         text NOT NULL,
        external_ref  text NOT NULL,
        kind          text NOT NULL,
        version       integer NOT NULL,
        content       jsonb NOT NULL,
        content_hash  text NOT NULL,
        dissemination jsonb NOT NULL,
        reported_at   timestamptz NOT NULL,
        expires_at    timestamptz NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT records_owner_external_ref UNIQUE (owner, external_ref)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE records');
  }
}
