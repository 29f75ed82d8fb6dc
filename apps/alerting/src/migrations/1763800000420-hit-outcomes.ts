import { MigrationInterface, QueryRunner } from 'typeorm';

/** What followed a hit (arrested, located, seized...), recorded on the alert by the agency that acted. */
export class HitOutcomes1763800000420 implements MigrationInterface {
  name = 'HitOutcomes1763800000420';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE alerts ADD COLUMN outcome jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE alerts DROP COLUMN outcome');
  }
}
