import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every message a consumer dead-lettered, as read from the `<topic>.dlq` topics, and what operators did with it. */
export class DeadLetters1763800000470 implements MigrationInterface {
  name = 'DeadLetters1763800000470';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dead_letters (
        dead_letter_id  bigserial PRIMARY KEY,
        dlq_topic       text NOT NULL,
        dlq_partition   integer NOT NULL,
        dlq_offset      bigint NOT NULL,
        topic           text NOT NULL,
        partition       integer NOT NULL,
        "offset"        bigint NOT NULL,
        message_key     bytea NOT NULL,
        value           bytea NOT NULL,
        headers         jsonb NOT NULL,
        message_id      text,
        trace_id        text,
        error           text NOT NULL,
        attempts        integer NOT NULL,
        consumer_group  text NOT NULL,
        failed_at       timestamptz NOT NULL,
        status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'replayed', 'discarded')),
        replays         integer NOT NULL DEFAULT 0,
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dead_letters_once UNIQUE (dlq_topic, dlq_partition, dlq_offset)
      )`);
    await runner.query('CREATE INDEX dead_letters_topic_failed_at ON dead_letters (topic, failed_at)');
    await runner.query('CREATE INDEX dead_letters_failed_at ON dead_letters (failed_at)');
    await runner.query(`
      CREATE TABLE dead_letter_actions (
        action_id       bigserial PRIMARY KEY,
        dead_letter_id  bigint NOT NULL REFERENCES dead_letters (dead_letter_id),
        action          text NOT NULL CHECK (action IN ('replay', 'discard')),
        agency          text NOT NULL,
        key_id          text NOT NULL,
        reason          text NOT NULL,
        trace_id        text,
        at              timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX dead_letter_actions_letter ON dead_letter_actions (dead_letter_id, action_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dead_letter_actions');
    await runner.query('DROP TABLE dead_letters');
  }
}
