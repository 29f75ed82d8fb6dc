import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What followed an operation's hits: each hit keeps the match it became, and
 * each outcome alerting reports on an alert resting on one of those matches is
 * kept (the latest per alert), so the report counts outcomes from data too.
 * A checked record keeps the operation its owner shared it for, so the report
 * finds the entities that link participants' cases.
 */
export class OperationOutcomesAndRecords1763800000380 implements MigrationInterface {
  name = 'OperationOutcomesAndRecords1763800000380';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE operation_hits ADD COLUMN match_id uuid');
    await runner.query('CREATE UNIQUE INDEX operation_hits_match ON operation_hits (match_id)');
    await runner.query(`
      CREATE TABLE operation_outcomes (
        alert_id    uuid PRIMARY KEY,
        operation   text NOT NULL REFERENCES operations (code),
        agency      text NOT NULL,
        match_id    uuid NOT NULL,
        outcome     text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX operation_outcomes_operation ON operation_outcomes (operation)');
    await runner.query('ALTER TABLE checked_records ADD COLUMN operation text');
    await runner.query(
      'CREATE INDEX checked_records_operation ON checked_records (operation, entity_id) WHERE operation IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX checked_records_operation');
    await runner.query('ALTER TABLE checked_records DROP COLUMN operation');
    await runner.query('DROP TABLE operation_outcomes');
    await runner.query('DROP INDEX operation_hits_match');
    await runner.query('ALTER TABLE operation_hits DROP COLUMN match_id');
  }
}
