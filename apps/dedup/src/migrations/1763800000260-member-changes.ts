import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which transaction last wrote each member row (`written_by`, set by a
 * trigger on every insert and update, whichever statement makes it), so a
 * batch that read its candidates before taking its key locks can ask, once it
 * holds them, what changed since it read (resolve-batch.service.ts,
 * persistence/member-changes.ts): the rows written by transactions its
 * snapshot did not see. The index keeps that question to the recent rows.
 */
export class MemberChanges1763800000260 implements MigrationInterface {
  name = 'MemberChanges1763800000260';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE entity_members ADD COLUMN written_by xid8');
    await runner.query(`
      CREATE FUNCTION entity_members_written_by() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.written_by := pg_current_xact_id();
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER entity_members_written_by BEFORE INSERT OR UPDATE ON entity_members
        FOR EACH ROW EXECUTE FUNCTION entity_members_written_by()`);
    await runner.query('CREATE INDEX entity_members_written_by ON entity_members (written_by)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX entity_members_written_by');
    await runner.query('DROP TRIGGER entity_members_written_by ON entity_members');
    await runner.query('DROP FUNCTION entity_members_written_by()');
    await runner.query('ALTER TABLE entity_members DROP COLUMN written_by');
  }
}
