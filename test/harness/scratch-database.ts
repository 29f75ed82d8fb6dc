/**
 * A test file's own database on the real Postgres, migrated by the migrations
 * the test names (a service's own), and dropped when the file's tests end.
 * Call it at the top of the file: it registers its beforeAll and afterAll.
 */
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@crosscheck/infra';
import { openDatabase } from '@crosscheck/persistence';
import { DataSource } from 'typeorm';
import { testInfrastructure } from './infrastructure';

type Migrations = Parameters<typeof openDatabase>[0]['migrations'];

export interface ScratchDatabase {
  /** Open from the file's first beforeAll on. */
  readonly dataSource: DataSource;
}

export function scratchDatabase(label: string, options: { schema: string; migrations: Migrations }): ScratchDatabase {
  const infrastructure = testInfrastructure();
  const databaseName = `cc_test_${label.replace(/-/g, '_')}_${randomBytes(3).toString('hex')}`;
  let dataSource: DataSource | undefined;
  beforeAll(async () => {
    const url = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
    dataSource = await openDatabase({ url, applicationName: `${label}-test`, ...options });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(infrastructure.postgresAdminUrl, databaseName);
  });
  return {
    get dataSource(): DataSource {
      if (!dataSource) throw new Error(`${label}: the scratch database is open only inside the tests`);
      return dataSource;
    },
  };
}
