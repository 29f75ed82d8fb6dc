/**
 * The one way a crosscheck service reaches Postgres: a TypeORM DataSource bound
 * to the service's own schema (via search_path, so migrations and queries use
 * plain table names), migrated under an advisory lock, never `synchronize`d.
 */
import { Client } from 'pg';
import { DataSource, EntitySchema, MixedList } from 'typeorm';

export interface DatabaseOptions {
  url: string;
  /** The schema this service owns. */
  schema: string;
  applicationName: string;
  migrations: MixedList<Function>;
  entities?: MixedList<Function | string | EntitySchema>;
  migrate?: boolean;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DataSource> {
  await createSchema(options.url, options.schema);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    applicationName: options.applicationName,
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${options.schema}` },
  });
  await dataSource.initialize();
  if (options.migrate ?? true) await migrate(dataSource, options.schema);
  return dataSource;
}

async function createSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } catch (error) {
    // Two instances creating the same schema at once: one wins, the other sees a duplicate.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

async function migrate(dataSource: DataSource, schema: string): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const lockKey = `crosscheck.migrations.${schema}`;
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    await runner.release();
  }
}

/** The URL a DataSource from `openDatabase` was opened with, for a connection of one's own (a LISTEN). */
export function databaseUrlOf(dataSource: DataSource): string {
  const { url } = dataSource.driver.options as { url?: string };
  if (!url) throw new Error('the DataSource was not opened with a URL');
  return url;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
