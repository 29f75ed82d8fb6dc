import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record version a match was last found on. A new version of the record
 * (its data or its dissemination changed) makes the match news again even with
 * the same score, so that alerting can follow: show the new data, or withdraw
 * the alert from agencies that may no longer see the record.
 */
export class MatchesRecordVersion1763800000320 implements MigrationInterface {
  name = 'MatchesRecordVersion1763800000320';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE matches ADD COLUMN record_version integer NOT NULL DEFAULT 0');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE matches DROP COLUMN record_version');
  }
}
