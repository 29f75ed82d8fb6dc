/**
 * Writes the five reference datasets as NDJSON files into a directory:
 *   npx tsx test/data/reference-generator/generate-reference.cli.ts --seed 7 --out-dir DIR
 * With --cases, also the labelled matching set made of those very entries.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { COUNT_OPTION, DEFAULT_COUNTS, ReferenceCounts } from './generate-reference';
import { REFERENCE_DATASETS } from './reference-entries';
import { writeReferenceFiles } from './write-reference-files';

const HELP = `usage: npx tsx test/data/reference-generator/generate-reference.cli.ts --out-dir <dir> [options]

Writes notices.ndjson, sltd.ndjson, smv.ndjson, firearms.ndjson and works-of-art.ndjson, one entry
per line. The same options always give the same bytes.

options
  --seed <n>         the seed, 0-4294967295 (default 7)
  --out-dir <dir>    where to write the files (made if missing)
  --notices <n>      notices (default ${DEFAULT_COUNTS.notices})
  --sltd <n>         stolen and lost travel documents (default ${DEFAULT_COUNTS.sltd})
  --smv <n>          stolen motor vehicles (default ${DEFAULT_COUNTS.smv})
  --firearms <n>     firearms (default ${DEFAULT_COUNTS.firearms})
  --artworks <n>     works of art (default ${DEFAULT_COUNTS.artworks})
  --cases <n>        also write matching-cases.ndjson: n labelled queries per dataset made of these
                     entries (held in memory: for the default sizes, not the benchmark's)
  -q, --quiet        no summary on stderr
  -h, --help         this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '7' },
      'out-dir': { type: 'string' },
      notices: { type: 'string' },
      sltd: { type: 'string' },
      smv: { type: 'string' },
      firearms: { type: 'string' },
      artworks: { type: 'string' },
      cases: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (!values['out-dir']) throw new UsageError('--out-dir is required');
  const seed = number('--seed', values.seed);
  const counts: ReferenceCounts = { ...DEFAULT_COUNTS };
  for (const key of Object.keys(DEFAULT_COUNTS) as (keyof ReferenceCounts)[]) {
    if (values[key] !== undefined) counts[key] = number(`--${key}`, values[key]);
  }
  const outDir = values['out-dir'];
  const written = await writeReferenceFiles({ seed, outDir, ...counts });
  if (!values.quiet) {
    for (const { file, rows, bytes, milliseconds } of written) {
      const rate = milliseconds > 0 ? Math.round((rows / milliseconds) * 1000) : rows;
      process.stderr.write(
        `${file}: ${rows} entries, ${(bytes / 1e6).toFixed(1)} MB in ${(milliseconds / 1000).toFixed(2)} s (${rate} rows/s)\n`,
      );
    }
  }
  if (values.cases !== undefined) {
    // Loaded only when asked for: the matching set needs every entry in memory, the datasets alone do not.
    const { generateMatchingCases } = await import('./matching-cases.js');
    const entriesPerDataset = Object.fromEntries(
      REFERENCE_DATASETS.map((dataset) => [dataset, counts[COUNT_OPTION[dataset]]]),
    );
    const { queries } = generateMatchingCases({
      seed,
      entriesPerDataset,
      queriesPerDataset: number('--cases', values.cases),
    });
    const file = join(outDir, 'matching-cases.ndjson');
    writeFileSync(file, queries.map((labelled) => `${JSON.stringify(labelled)}\n`).join(''));
    if (!values.quiet) process.stderr.write(`${file}: ${queries.length} labelled queries\n`);
  }
}

function number(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${flag} needs a number, not "${text ?? ''}"`);
  return value;
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const usage =
    error instanceof UsageError ||
    error instanceof RangeError ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(
    usage
      ? `${(error as Error).message}\n\n${HELP}\n`
      : `generate-reference failed: ${(error as Error).stack ?? String(error)}\n`,
  );
  process.exitCode = usage ? 2 : 1;
});
