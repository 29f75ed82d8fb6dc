/**
 * `npm run reference:load -- --file <notices.ndjson> [--dataset notices] [--owner IPSG]`
 * Loads reference data into matching's schema; the matching service's outbox
 * relay then publishes the changes.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@crosscheck/runtime';
import { Outbox, CreateOutboxAndInbox1763800000000 } from '@crosscheck/messaging';
import { openDatabase } from '@crosscheck/persistence';
import { ReferenceLoaderConfig } from './reference-loader.config';
import { matchingMigrations } from '../migrations';
import { loadNotices } from './load-notices';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, dataset: { type: 'string', default: 'notices' }, owner: { type: 'string', default: 'IPSG' } },
  });
  if (!values.file) throw new Error('--file is required');
  if (values.dataset !== 'notices') throw new Error('--dataset: only "notices" can be loaded so far');
  const config = loadConfig(ReferenceLoaderConfig);
  const dataSource = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: 'matching-loader',
    migrations: [CreateOutboxAndInbox1763800000000, ...matchingMigrations],
  });
  try {
    const summary = await loadNotices(dataSource, new Outbox({ databaseSchema: config.DATABASE_SCHEMA }), values.file, values.dataset, values.owner!);
    process.stdout.write(
      `${summary.dataset} v${summary.version}: ${summary.added} added, ${summary.modified} changed, ${summary.unchanged} unchanged, ${summary.rejected.length} rejected\n`,
    );
    for (const { line, reason } of summary.rejected) process.stdout.write(`  line ${line}: ${reason}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`reference load failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
