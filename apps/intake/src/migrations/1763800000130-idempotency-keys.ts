import { MigrationInterface, QueryRunner } from 'typeorm';

/** Batches sent with an Idempotency-Key: the answer kept, to be given again for a retry. */
export class IdempotencyKeys1763800000130 implements MigrationInterface {
  name = 'IdempotencyKeys1763800000130';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotency_keys (
        agency       text NOT NULL,
        key          text NOT NULL,
        request_hash text NOT NULL,
        status       integer NOT NULL,
        response     jsonb NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agency, key)
      )`);
    await runner.query('CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
  }
}
