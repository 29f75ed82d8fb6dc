/**
 * Loading reference data for a benchmark as an operator would: the loader CLI
 * from dist/ against the benchmark's database; and dropping the loads'
 * reference.changed events (through matching's seed module) before matching
 * starts, since no record is shared in these benchmarks, so retro-checks have
 * nothing to find, and relaying the events would compete with the checks for the machine.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { paths } from '@crosscheck/infra';
import { Client } from 'pg';
import { discardOutbox } from '../../apps/matching/src/persistence/matching.seed';
import type { BenchContext } from './environment';

/** The loader CLI as an operator runs it. */
export const LOADER = path.join(
  paths.REPO_ROOT,
  'dist',
  'apps',
  'matching',
  'src',
  'load-reference',
  'load-reference.cli.js',
);

/**
 * Writes `entries` (reference lines) to an NDJSON file of the run's own, removed when it ends, and loads
 * them into `dataset` (a full load: what they do not list goes); the loader's last line of output.
 */
export async function loadReferenceEntries(
  context: BenchContext,
  databaseUrl: string,
  dataset: string,
  entries: readonly unknown[],
): Promise<string> {
  const directory = mkdtempSync(path.join(tmpdir(), `crosscheck-bench-${dataset}-`));
  context.defer(`remove the ${dataset} file`, async () => rmSync(directory, { recursive: true, force: true }));
  const file = path.join(directory, `${dataset}.ndjson`);
  writeFileSync(file, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  const { stdout } = await promisify(execFile)(process.execPath, [LOADER, '--dataset', dataset, '--file', file], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim().split('\n').slice(-1)[0] ?? '';
}

/** Drops every event waiting in matching's outbox; how many. */
export async function discardLoadEvents(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await discardOutbox(client);
  } finally {
    await client.end();
  }
}
