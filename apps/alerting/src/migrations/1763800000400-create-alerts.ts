import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAlerts1763800000400 implements MigrationInterface {
  name = 'CreateAlerts1763800000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE alerts (
        alert_id      uuid PRIMARY KEY,
        seq           bigserial NOT NULL UNIQUE,
        agency        text NOT NULL,
        match_id      uuid NOT NULL,
        entity_id     uuid NOT NULL,
        record_id     uuid NOT NULL,
        record_owner  text NOT NULL,
        dataset       text NOT NULL,
        entry_id      text NOT NULL,
        entry_owner   text NOT NULL,
        notice_colour text,
        score         double precision NOT NULL,
        level         text NOT NULL,
        features      jsonb NOT NULL,
        status        text NOT NULL DEFAULT 'new',
        trace_id      text,
        raised_at     timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alerts_one_per_pair UNIQUE (entity_id, dataset, entry_id, agency)
      )`);
    await runner.query('CREATE INDEX alerts_agency_seq ON alerts (agency, seq)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE alerts');
  }
}
