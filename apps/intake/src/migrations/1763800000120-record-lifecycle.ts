import { MigrationInterface, QueryRunner } from 'typeorm';

/** Normalised identifiers for lookups, withdrawal, and the indexes listing and retention use. */
export class RecordLifecycle1763800000120 implements MigrationInterface {
  name = 'RecordLifecycle1763800000120';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE records
        ADD COLUMN identifier_normalized text,
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawal_reason text`);
    await runner.query(
      'CREATE INDEX records_identifier ON records (identifier_normalized) WHERE identifier_normalized IS NOT NULL',
    );
    await runner.query('CREATE INDEX records_listing ON records (created_at DESC, record_id DESC)');
    await runner.query('CREATE INDEX records_owner_listing ON records (owner, created_at DESC, record_id DESC)');
    await runner.query('CREATE INDEX records_expiring ON records (expires_at) WHERE withdrawn_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX records_expiring, records_owner_listing, records_listing, records_identifier');
    await runner.query(
      'ALTER TABLE records DROP COLUMN withdrawal_reason, DROP COLUMN withdrawn_at, DROP COLUMN identifier_normalized',
    );
  }
}
