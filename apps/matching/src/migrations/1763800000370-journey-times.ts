import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each record was last checked, for its journey, and its matches found
 * by record. The database stamps the time on every write of the row, so that
 * every path that checks a record keeps it without having to remember.
 */
export class JourneyTimes1763800000370 implements MigrationInterface {
  name = 'JourneyTimes1763800000370';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE checked_records ADD COLUMN checked_at timestamptz');
    await runner.query(`
      CREATE FUNCTION stamp_checked_at() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.checked_at := clock_timestamp(); RETURN NEW; END $$`);
    await runner.query(`
      CREATE TRIGGER checked_records_checked_at BEFORE INSERT OR UPDATE ON checked_records
        FOR EACH ROW EXECUTE FUNCTION stamp_checked_at()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER checked_records_checked_at ON checked_records');
    await runner.query('DROP FUNCTION stamp_checked_at()');
    await runner.query('ALTER TABLE checked_records DROP COLUMN checked_at');
  }
}
