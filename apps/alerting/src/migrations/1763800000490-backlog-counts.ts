import { MigrationInterface, QueryRunner } from 'typeorm';

/** The pipeline health page counts pending dead letters and dead webhook deliveries at every scrape; these keep it cheap. */
export class BacklogCounts1763800000490 implements MigrationInterface {
  name = 'BacklogCounts1763800000490';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX dead_letters_pending ON dead_letters (topic) WHERE status = 'pending'`);
    await runner.query(
      `CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (delivery_id) WHERE status = 'dead'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX webhook_deliveries_dead');
    await runner.query('DROP INDEX dead_letters_pending');
  }
}
