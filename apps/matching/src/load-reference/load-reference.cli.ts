/**
 * `npm run reference:load -- --dataset sltd --file sltd.ndjson [options]`
 * Loads a reference dataset into matching's schema, streaming the file (any
 * size), with a progress bar on a terminal and a summary at the end; the
 * matching service's outbox relay then publishes the changes.
 *
 *   --dataset notices|sltd|smv|firearms|works-of-art   (required)
 *   --file PATH                                        (required)
 *   --format ndjson|csv|ftm                            (default ndjson; ftm = FollowTheMoney JSON lines, with ADD/MOD/DEL)
 *   --mapping "entryId=ID,travelDocument.number=NO"    (csv: target field = column; or @file.json)
 *   --mode full|delta                                  (default full: entries the file does not list are removed)
 *   --owner CODE                                       (default IPSG: the agency that owns the data)
 *   --dissemination all|owner-only|agencies:A,B        (default all)
 *   --outside hidden|hit-no-hit                         (what agencies outside the audience learn of hits;
 *                                                       default hit-no-hit for notices, hidden for the rest)
 *   --stop-on-bad-line                                 (default: report bad lines and go on)
 * Needs DATABASE_URL (and DATABASE_SCHEMA if not `matching`). Exit 0 when
 * loaded (bad lines are listed), 1 when nothing was loaded.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { create } from '@bufbuild/protobuf';
import { Presets, SingleBar } from 'cli-progress';
import { disseminationToContract } from '@crosscheck/auth';
import { DisseminationSchema } from '@crosscheck/contracts';
import { CreateOutboxAndInbox1763800000000, Outbox } from '@crosscheck/messaging';
import { DerivationRevisions1763800000930, openDatabase } from '@crosscheck/persistence';
import { loadConfig } from '@crosscheck/runtime';
import { matchingMigrations } from '../migrations';
import { DATASETS, defaultOutsidePolicy, isDataset } from '../model/datasets';
import {
  DISSEMINATION_OPTION_RULE,
  isAgencyCode,
  OUTSIDE_OPTION_RULE,
  parseDisseminationOption,
  parseOutsideOption,
} from './dissemination-option';
import {
  parseCsv,
  parseCsvMapping,
  parseFollowTheMoney,
  parseNdjson,
  readLines,
  type ReferenceChange,
} from './formats';
import { LoadMode, loadReference, LoadSummary } from '../persistence/reference-versions';
import { ReferenceLoaderConfig } from './reference-loader.config';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string', default: 'ndjson' },
      mapping: { type: 'string' },
      mode: { type: 'string', default: 'full' },
      owner: { type: 'string', default: 'IPSG' },
      dissemination: { type: 'string', default: 'all' },
      outside: { type: 'string' },
      'stop-on-bad-line': { type: 'boolean', default: false },
    },
  });
  const dataset = values.dataset ?? '';
  if (!isDataset(dataset)) throw new Error(`--dataset: must be one of ${DATASETS.join(', ')}`);
  if (!values.file) throw new Error('--file: is required');
  if (values.mode !== 'full' && values.mode !== 'delta') throw new Error('--mode: must be full or delta');
  if (!isAgencyCode(values.owner!))
    throw new Error('--owner: must be an agency code (2-16 upper-case letters, digits or "-")');
  const scope = parseDisseminationOption(values.dissemination!);
  if (!scope) throw new Error(`--dissemination: ${DISSEMINATION_OPTION_RULE}`);
  const outside = values.outside === undefined ? defaultOutsidePolicy(dataset) : parseOutsideOption(values.outside);
  if (!outside) throw new Error(`--outside: ${OUTSIDE_OPTION_RULE}`);
  const dissemination = { ...scope, outside };
  const size = statSync(values.file).size;

  const config = loadConfig(ReferenceLoaderConfig);
  const dataSource = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: 'matching-loader',
    // derivation_revisions too: a load records the rules it derived keys with (reference-versions.ts).
    migrations: [CreateOutboxAndInbox1763800000000, ...matchingMigrations, DerivationRevisions1763800000930],
  });
  const input = createReadStream(values.file);
  const context = {
    dataset,
    owner: values.owner!,
    dissemination: create(DisseminationSchema, disseminationToContract(dissemination)),
  };
  let changes: AsyncIterable<ReferenceChange>;
  if (values.format === 'ndjson') changes = parseNdjson(readLines(input), context);
  else if (values.format === 'ftm') changes = parseFollowTheMoney(readLines(input), context);
  else if (values.format === 'csv') {
    if (!values.mapping) throw new Error('--mapping: is required with --format csv');
    changes = parseCsv(
      input,
      context,
      parseCsvMapping(
        values.mapping.startsWith('@') ? readFileSync(values.mapping.slice(1), 'utf8') : values.mapping,
        dataset,
      ),
    );
  } else throw new Error('--format: must be ndjson, csv or ftm');

  const progress = startProgress(size, () => input.bytesRead);
  try {
    const summary = await loadReference(dataSource, new Outbox({ databaseSchema: config.DATABASE_SCHEMA }), changes, {
      dataset,
      owner: values.owner!,
      dissemination,
      mode: values.mode as LoadMode,
      stopOnBadLine: values['stop-on-bad-line'],
      onProgress: progress.update,
    });
    progress.stop();
    printSummary(summary);
  } finally {
    progress.stop();
    await dataSource.destroy();
  }
}

/** A bar of bytes read on a terminal; elsewhere a line every 10 s. */
function startProgress(total: number, bytesRead: () => number): { update: (lines: number) => void; stop: () => void } {
  const started = Date.now();
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        stream: process.stderr,
        format: 'loading {bar} {percentage}% | {lines} lines | {rate} lines/s | ETA {eta_formatted}',
        hideCursor: true,
        fps: 5,
      },
      Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { lines: 0, rate: 0 });
    let stopped = false;
    return {
      update: (lines) =>
        bar.update(Math.min(bytesRead(), total), {
          lines: lines.toLocaleString('en'),
          rate: Math.round(lines / Math.max((Date.now() - started) / 1000, 0.001)),
        }),
      stop: () => {
        if (!stopped) bar.stop();
        stopped = true;
      },
    };
  }
  let last = 0;
  return {
    update: (lines) => {
      if (Date.now() - last < 10_000) return;
      last = Date.now();
      process.stderr.write(
        `loading: ${lines.toLocaleString('en')} lines, ${Math.round((100 * bytesRead()) / Math.max(total, 1))}%\n`,
      );
    },
    stop: () => undefined,
  };
}

function printSummary(summary: LoadSummary): void {
  process.stdout.write(
    `${summary.dataset} v${summary.version} (${summary.mode}): ${summary.added} added, ${summary.modified} changed, ${summary.unchanged} unchanged, ` +
      `${summary.removed} removed, ${summary.skipped} skipped, ${summary.rejected.length} rejected\n`,
  );
  for (const { line, reason } of summary.rejected)
    process.stdout.write(line > 0 ? `  line ${line}: ${reason}\n` : `  ${reason}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `reference load failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
