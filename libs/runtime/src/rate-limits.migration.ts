import { MigrationInterface, QueryRunner } from 'typeorm';

/** The counters of rate-limits.ts, in the shape rate-limiter-flexible's Postgres store reads and writes: one row per agency and route class. */
export class CreateRateLimits1765000000000 implements MigrationInterface {
  name = 'CreateRateLimits1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE rate_limits (
        key    varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rate_limits');
  }
}
