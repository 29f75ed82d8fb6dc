/**
 * The demo reference data `npm start` seeds: thousands of notices of every colour in many scripts,
 * SLTD documents, stolen vehicles, firearms and works of art from the seeded generator in
 * test/data/reference-generator, and the hand-written demo Red Notices the demo record matches.
 *
 * Demo data only goes into a dataset that has never been loaded, and only adds: it never removes,
 * replaces or mixes with entries an operator loaded. An operator's own full load of a dataset
 * replaces its demo entries, and from then on this step leaves that dataset alone.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { writeReferenceFiles, type ReferenceCounts } from '../../test/data/reference-generator';
import { REPO_ROOT } from './paths';
import type { LogFn } from './proc';

export const DEMO_RED_NOTICES = path.join(REPO_ROOT, 'test', 'data', 'reference', 'demo-red-notices.ndjson');
const LOADER = path.join(REPO_ROOT, 'dist', 'apps', 'matching', 'src', 'load-reference', 'load-reference.cli.js');
const DEMO_SEED = 20261122;

export interface DemoReferenceOptions {
  databaseUrl: string;
  /** Where the generated files are written (and left, for people to look at or load elsewhere). */
  outDir: string;
  /** Fewer entries than the demo's thousands, for tests. */
  counts?: Partial<ReferenceCounts>;
  /** matching's schema, as its DATABASE_SCHEMA says. */
  schema?: string;
  say?: LogFn;
}

export interface DemoReference {
  /** Datasets that had never been loaded and now hold the demo entries. */
  seeded: string[];
  /** Datasets loaded before, left as they were. */
  leftAlone: string[];
  /** A stolen vehicle of the generated SMV file, to try an instant check with. */
  demoVin: string;
}

export async function seedDemoReferenceData(options: DemoReferenceOptions): Promise<DemoReference> {
  const say = options.say ?? (() => undefined);
  const loadedBefore = await datasetsLoadedBefore(options.databaseUrl, options.schema ?? 'matching');
  const written = await writeReferenceFiles({ seed: DEMO_SEED, outDir: options.outDir, ...options.counts });
  const result: DemoReference = {
    seeded: [],
    leftAlone: [],
    demoVin: firstVin(written.find(({ dataset }) => dataset === 'smv')!.file),
  };
  for (const { dataset, file } of written) {
    if (loadedBefore.has(dataset)) {
      result.leftAlone.push(dataset);
      say(`  ${dataset}: loaded before, left as it is (demo data only goes into a dataset never loaded)`);
      continue;
    }
    say(`  ${await addEntries(options, dataset, file)}`);
    if (dataset === 'notices') say(`  ${await addEntries(options, dataset, DEMO_RED_NOTICES)}`);
    result.seeded.push(dataset);
  }
  return result;
}

/** Datasets with a version: whatever loaded them, an operator or an earlier start. */
async function datasetsLoadedBefore(databaseUrl: string, schema: string): Promise<Set<string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = `${client.escapeIdentifier(schema)}.reference_datasets`;
    const { rows } = await client.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [table]);
    if (!rows[0].exists) return new Set();
    const loaded = await client.query<{ dataset: string }>(`SELECT dataset FROM ${table}`);
    return new Set(loaded.rows.map(({ dataset }) => dataset));
  } finally {
    await client.end();
  }
}

/** A delta load: adds and changes what the file lists, removes nothing. Answers the loader's summary line. */
async function addEntries(options: DemoReferenceOptions, dataset: string, file: string): Promise<string> {
  const env = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    ...(options.schema ? { DATABASE_SCHEMA: options.schema } : {}),
  };
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [LOADER, '--dataset', dataset, '--file', file, '--mode', 'delta'],
      { cwd: REPO_ROOT, env },
    );
    return stdout.split('\n')[0];
  } catch (error) {
    throw new Error(`loading the demo ${dataset} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`, {
      cause: error,
    });
  }
}

function firstVin(smvFile: string): string {
  return (JSON.parse(readFileSync(smvFile, 'utf8').split('\n', 1)[0]) as { vehicle: { vin: string } }).vehicle.vin;
}
