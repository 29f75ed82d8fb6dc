import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordinated operations, and the instant checks made for them: one row per
 * dataset a check was run against, and one per hit, so that an operation's
 * report is counted from what was done rather than kept as counters.
 */
export class Operations1763800000350 implements MigrationInterface {
  name = 'Operations1763800000350';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE operations (
        code         text PRIMARY KEY,
        name         text NOT NULL,
        starts_on    date NOT NULL,
        ends_on      date NOT NULL,
        coordinator  text NOT NULL,
        participants text[] NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE operation_checks (
        check_id  uuid NOT NULL,
        operation text NOT NULL REFERENCES operations (code),
        agency    text NOT NULL,
        dataset   text NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (check_id, dataset)
      )`);
    await runner.query('CREATE INDEX operation_checks_operation ON operation_checks (operation, checked_at)');
    await runner.query(`
      CREATE TABLE operation_hits (
        check_id           uuid NOT NULL,
        operation          text NOT NULL REFERENCES operations (code),
        agency             text NOT NULL,
        dataset            text NOT NULL,
        entry_id           text NOT NULL,
        level              text NOT NULL,
        notice_colour      text,
        entry_owner        text NOT NULL,
        entry_dissemination jsonb NOT NULL,
        checked_at         timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (check_id, dataset, entry_id)
      )`);
    await runner.query('CREATE INDEX operation_hits_operation ON operation_hits (operation, checked_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE operation_hits');
    await runner.query('DROP TABLE operation_checks');
    await runner.query('DROP TABLE operations');
  }
}
