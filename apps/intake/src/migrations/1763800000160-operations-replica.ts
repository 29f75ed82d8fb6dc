import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's copy of the coordinated operations matching owns, fed by
 * `operations.v1`: what it needs to let only participants, within the period,
 * tag the records they share with an operation.
 */
export class OperationsReplica1763800000160 implements MigrationInterface {
  name = 'OperationsReplica1763800000160';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE operations (
        code         text PRIMARY KEY,
        starts_on    date NOT NULL,
        ends_on      date NOT NULL,
        participants text[] NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE operations');
  }
}
