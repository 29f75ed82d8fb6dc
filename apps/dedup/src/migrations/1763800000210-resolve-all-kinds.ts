import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entities for every record kind, merges that redirect, records that leave,
 * candidate lookup by many blocking keys, and possible duplicates kept for review.
 */
export class ResolveAllKinds1763800000210 implements MigrationInterface {
  name = 'ResolveAllKinds1763800000210';

  async up(runner: QueryRunner): Promise<void> {
    // An entity merged into another keeps its row and points at the survivor, so its id still resolves.
    await runner.query('ALTER TABLE entities ADD COLUMN merged_into uuid REFERENCES entities (entity_id)');
    await runner.query('DROP INDEX entity_members_blocking_key');
    await runner.query(`
      ALTER TABLE entity_members
        DROP COLUMN blocking_key,
        ALTER COLUMN entity_id DROP NOT NULL,
        ADD COLUMN kind          text NOT NULL DEFAULT 'person',
        ADD COLUMN dissemination jsonb NOT NULL DEFAULT '{"scope":"all"}',
        ADD COLUMN record        bytea,
        ADD COLUMN decision      text NOT NULL DEFAULT 'new_entity',
        ADD COLUMN score         real NOT NULL DEFAULT 0,
        ADD COLUMN explanation   jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN withdrawn_at  timestamptz`);
    // A withdrawn record keeps its row (entity_id NULL) as a tombstone, so a late copy of it is ignored.
    await runner.query(`
      CREATE TABLE member_keys (
        key       text NOT NULL,
        record_id uuid NOT NULL REFERENCES entity_members (record_id) ON DELETE CASCADE,
        PRIMARY KEY (key, record_id)
      )`);
    await runner.query('CREATE INDEX member_keys_record ON member_keys (record_id)');
    await runner.query(`
      CREATE TABLE possible_duplicates (
        record_id   uuid NOT NULL REFERENCES entity_members (record_id) ON DELETE CASCADE,
        entity_id   uuid NOT NULL REFERENCES entities (entity_id),
        score       real NOT NULL,
        explanation jsonb NOT NULL,
        PRIMARY KEY (record_id, entity_id)
      )`);
    await runner.query('CREATE INDEX possible_duplicates_entity ON possible_duplicates (entity_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE possible_duplicates');
    await runner.query('DROP TABLE member_keys');
    await runner.query(`
      ALTER TABLE entity_members
        DROP COLUMN kind, DROP COLUMN dissemination, DROP COLUMN record, DROP COLUMN decision,
        DROP COLUMN score, DROP COLUMN explanation, DROP COLUMN withdrawn_at,
        ADD COLUMN blocking_key text NOT NULL DEFAULT ''`);
    await runner.query('CREATE INDEX entity_members_blocking_key ON entity_members (blocking_key)');
    await runner.query('ALTER TABLE entities DROP COLUMN merged_into');
  }
}
