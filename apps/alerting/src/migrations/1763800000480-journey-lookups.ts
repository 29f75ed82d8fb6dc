import { MigrationInterface, QueryRunner } from 'typeorm';

/** A record's journey looks up its alerts, their deliveries and its dead letters by record, alert and key. */
export class JourneyLookups1763800000480 implements MigrationInterface {
  name = 'JourneyLookups1763800000480';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX alerts_record ON alerts (record_id)');
    await runner.query('CREATE INDEX webhook_deliveries_alert ON webhook_deliveries (alert_id)');
    await runner.query('CREATE INDEX dead_letters_key ON dead_letters (message_key)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX dead_letters_key');
    await runner.query('DROP INDEX webhook_deliveries_alert');
    await runner.query('DROP INDEX alerts_record');
  }
}
