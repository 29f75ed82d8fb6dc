import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEntities1763800000200 implements MigrationInterface {
  name = 'CreateEntities1763800000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE entities (
        entity_id  uuid PRIMARY KEY,
        kind       text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE entity_members (
        record_id      uuid PRIMARY KEY,
        entity_id      uuid NOT NULL REFERENCES entities (entity_id),
        owner          text NOT NULL,
        record_version integer NOT NULL,
        blocking_key   text NOT NULL,
        facts          jsonb NOT NULL,
        joined_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX entity_members_entity ON entity_members (entity_id)');
    await runner.query('CREATE INDEX entity_members_blocking_key ON entity_members (blocking_key)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE entity_members');
    await runner.query('DROP TABLE entities');
  }
}
