import { createAuditLog } from '@crosscheck/auth';
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
    await createAuditLog(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
    await runner.query('DROP FUNCTION audit_log_is_append_only');
    await runner.query('DROP TABLE api_keys');
    await runner.query('DROP TABLE agencies');
  }
}
