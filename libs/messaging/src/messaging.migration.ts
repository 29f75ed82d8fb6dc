/**
 * The outbox and inbox tables every service keeps in its own schema. Each app
 * lists this migration first in its migrations.
 */
import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboxAndInbox1763800000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        id            bigserial PRIMARY KEY,
        message_id    uuid NOT NULL DEFAULT gen_random_uuid(),
        topic         text NOT NULL,
        message_key   text NOT NULL,
        schema        text NOT NULL,
        payload       bytea NOT NULL,
        trace_context jsonb,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE inbox (
        consumer     text NOT NULL,
        message_id   text NOT NULL,
        topic        text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
    await runner.query(`CREATE INDEX inbox_processed_at ON inbox (processed_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
    await runner.query('DROP TABLE outbox');
  }
}
