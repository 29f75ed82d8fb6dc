import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log's table: append-only, whatever the application does. Every service that serves shared data has one. */
export async function createAuditLog(runner: QueryRunner): Promise<void> {
  await runner.query(`
    CREATE TABLE audit_log (
      id         bigserial PRIMARY KEY,
      at         timestamptz NOT NULL DEFAULT now(),
      agency     text,
      key_id     text,
      action     text NOT NULL,
      record_ids text[] NOT NULL DEFAULT '{}',
      outcome    text NOT NULL,
      status     integer NOT NULL,
      trace_id   text
    )`);
  await runner.query('CREATE INDEX audit_log_agency_at ON audit_log (agency, at)');
  // Append-only, whatever the application does: rows can be added, never changed or removed.
  await runner.query(`
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
  await runner.query(`CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
                      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
  await runner.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);
}

export class CreateAuditLog1763800000060 implements MigrationInterface {
  name = 'CreateAuditLog1763800000060';

  async up(runner: QueryRunner): Promise<void> {
    await createAuditLog(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_is_append_only');
  }
}

/**
 * Why a change was made, beside who made it: triage reasons and the data
 * owner's decisions. Free text the caller wrote for the record, not data
 * taken from shared records. Timestamped after every service's own tables, so
 * it runs once the audit log exists, whichever migration created it.
 */
export class AuditLogDetail1763800000900 implements MigrationInterface {
  name = 'AuditLogDetail1763800000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE audit_log ADD COLUMN detail text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE audit_log DROP COLUMN detail');
  }
}
