import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAgenciesAndAudit1763800000110 implements MigrationInterface {
  name = 'CreateAgenciesAndAudit1763800000110';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE agencies (
        code        text PRIMARY KEY,
        name        text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE api_keys (
        key_id       text PRIMARY KEY,
        agency_code  text NOT NULL REFERENCES agencies (code),
        roles        text[] NOT NULL,
        secret_hash  text NOT NULL,
        label        text NOT NULL DEFAULT '',
        created_at   timestamptz NOT NULL DEFAULT now(),
        revoked_at   timestamptz,
        replaced_by  text REFERENCES api_keys (key_id)
      )`);
    await runner.query('CREATE INDEX api_keys_agency ON api_keys (agency_code)');
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

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_is_append_only');
    await runner.query('DROP TABLE api_keys');
    await runner.query('DROP TABLE agencies');
  }
}
