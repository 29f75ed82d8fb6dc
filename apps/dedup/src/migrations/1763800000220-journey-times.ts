import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each record was last resolved, for its journey. The database stamps it on
 * every write of the member row, so that every path that resolves a record (one
 * at a time, in batches, a withdrawal) keeps it without having to remember.
 */
export class JourneyTimes1763800000220 implements MigrationInterface {
  name = 'JourneyTimes1763800000220';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE entity_members ADD COLUMN resolved_at timestamptz');
    await runner.query('UPDATE entity_members SET resolved_at = joined_at');
    await runner.query(`
      CREATE FUNCTION stamp_resolved_at() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.resolved_at := clock_timestamp(); RETURN NEW; END $$`);
    await runner.query(`
      CREATE TRIGGER entity_members_resolved_at BEFORE INSERT OR UPDATE ON entity_members
        FOR EACH ROW EXECUTE FUNCTION stamp_resolved_at()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER entity_members_resolved_at ON entity_members');
    await runner.query('DROP FUNCTION stamp_resolved_at()');
    await runner.query('ALTER TABLE entity_members DROP COLUMN resolved_at');
  }
}
