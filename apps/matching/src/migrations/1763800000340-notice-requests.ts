import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notice and diffusion requests under review, and the quotas of pilot colours
 * (a total shared equally among the participating agencies).
 */
export class NoticeRequests1763800000340 implements MigrationInterface {
  name = 'NoticeRequests1763800000340';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE notice_requests (
        request_id       uuid PRIMARY KEY,
        requester        text NOT NULL,
        type             text NOT NULL,
        colour           text NOT NULL,
        request          jsonb NOT NULL,
        status           text NOT NULL DEFAULT 'pending',
        entry_id         text,
        reviewer         text,
        decision_reason  text,
        forbidden_ground text,
        decided_at       timestamptz,
        cancel_reason    text,
        cancelled_at     timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX notice_requests_requester ON notice_requests (requester, colour, status)');
    await runner.query('CREATE INDEX notice_requests_status ON notice_requests (status, created_at)');
    await runner.query(`
      CREATE TABLE notice_quotas (
        colour       text PRIMARY KEY,
        total        integer NOT NULL,
        participants text[] NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE notice_quotas');
    await runner.query('DROP TABLE notice_requests');
  }
}
