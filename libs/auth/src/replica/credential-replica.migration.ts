import { MigrationInterface, QueryRunner } from 'typeorm';

/** A service's own copy of the API keys intake issues, fed by `identity.keys.v1`. */
export class CreateCredentialReplica1763800000050 implements MigrationInterface {
  name = 'CreateCredentialReplica1763800000050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE credentials (
        key_id          text PRIMARY KEY,
        agency          text NOT NULL,
        roles           text[] NOT NULL,
        secret_hash     text NOT NULL,
        revoked         boolean NOT NULL,
        agency_disabled boolean NOT NULL,
        changed_at      timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE credentials');
  }
}
