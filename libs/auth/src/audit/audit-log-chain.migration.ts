import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chains the audit log: each line carries the previous line's hash and its own
 * (audit-chain.ts). Lines already written keep no hash; the first chained line
 * seals them. Timestamped after AuditLogDetail, so it runs once the log has
 * every column it hashes, in every service.
 */
export class AuditLogChain1763800000910 implements MigrationInterface {
  name = 'AuditLogChain1763800000910';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text');
    // Every line from now on is chained, whoever writes it; NOT VALID leaves the lines before the chain as they are.
    await runner.query(`ALTER TABLE audit_log ADD CONSTRAINT audit_log_chained
                        CHECK (prev_hash IS NOT NULL AND hash IS NOT NULL) NOT VALID`);
    // One successor per line: a writer that read a stale newest line fails rather than fork the chain.
    await runner.query('CREATE UNIQUE INDEX audit_log_one_successor ON audit_log (prev_hash)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX audit_log_one_successor');
    await runner.query(
      'ALTER TABLE audit_log DROP CONSTRAINT audit_log_chained, DROP COLUMN hash, DROP COLUMN prev_hash',
    );
  }
}
