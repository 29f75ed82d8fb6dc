import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit lines written inside a caller's transaction wait here until they are
 * chained (audit-chain.writer.ts): the line commits with the work it records,
 * but the chain's lock is taken by the chainer, for many lines at once, rather
 * than by every request through its own commit. A line keeps its
 * transaction's time (`queued_at`) as its time in the chain.
 */
export class AuditPending1763800000920 implements MigrationInterface {
  name = 'AuditPending1763800000920';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE audit_pending (
         id        bigserial PRIMARY KEY,
         entry     jsonb NOT NULL,
         queued_at timestamptz NOT NULL DEFAULT now()
       )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_pending');
  }
}
