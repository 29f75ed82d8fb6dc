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

/**
 * The counters kept out of the WAL. Every request of an agency updates the same row, so each one waited
 * for the previous one's commit to reach the disk: one WAL flush per request, in a queue. A commit that
 * touched only unlogged tables does not wait for a flush. What it gives up is harmless: after a crash
 * Postgres empties the table, which starts every agency on a fresh window, and replicas do not see it.
 */
export class UnloggedRateLimits1765000000001 implements MigrationInterface {
  name = 'UnloggedRateLimits1765000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE rate_limits SET UNLOGGED');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE rate_limits SET LOGGED');
  }
}
