import { MigrationInterface, QueryRunner } from 'typeorm';

/** A record's journey starts from its audit lines (when it was accepted, under which trace): find them by record id. */
export class JourneyLookups1763800000140 implements MigrationInterface {
  name = 'JourneyLookups1763800000140';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX audit_log_record_ids ON audit_log USING gin (record_ids)');
    await runner.query('CREATE INDEX outbox_message_key ON outbox (message_key)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX outbox_message_key');
    await runner.query('DROP INDEX audit_log_record_ids');
  }
}
