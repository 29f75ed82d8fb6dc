import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each side's view of a network link rests on, so it can be checked
 * again: the shared values (`<attribute>:<value>`) and the records on the path
 * the side was told, and both cases as they were told. When a value grows
 * past the strong-edge limit, or a record on the path is withdrawn, the links
 * resting on it are searched again, and retracted (`retracted_at`) when no
 * path explains them any more; a retracted link may be told again later.
 * Links told before this migration have no path kept and are not re-checked.
 */
export class NetworkLinkPaths1763800000255 implements MigrationInterface {
  name = 'NetworkLinkPaths1763800000255';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE network_links
        ADD COLUMN own_case jsonb,
        ADD COLUMN other_case jsonb,
        ADD COLUMN path_values text[] NOT NULL DEFAULT '{}',
        ADD COLUMN path_records uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN retracted_at timestamptz`);
    await runner.query('CREATE INDEX network_links_path_values ON network_links USING gin (path_values)');
    await runner.query('CREATE INDEX network_links_path_records ON network_links USING gin (path_records)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX network_links_path_records');
    await runner.query('DROP INDEX network_links_path_values');
    await runner.query(`
      ALTER TABLE network_links
        DROP COLUMN retracted_at, DROP COLUMN path_records, DROP COLUMN path_values,
        DROP COLUMN other_case, DROP COLUMN own_case`);
  }
}
