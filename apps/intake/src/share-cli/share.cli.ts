/**
 * The share CLI, for agencies: shares the records of an NDJSON or CSV file
 * through intake's `POST /v1/records/batch`, with a progress bar, a summary
 * and a file of the rejected lines with their reasons.
 *   npm run share -- --file records.csv --key <agency API key>
 * This file owns the command line (options, environment, help), the
 * Idempotency-Key of each batch, the summary and the exit code; reading is
 * read-records.ts's (CSV mapping: csv-records.ts), sending intake-client.ts's,
 * batching share-run.ts's, the rejects file rejects-file.ts's and the progress
 * display progress.ts's. It imports nothing of the intake service, so it
 * runs anywhere Node does.
 */
import { createHash } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { CSV_LIST_FIELDS } from './csv-records';
import { FatalShareError, postBatch } from './intake-client';
import { formatDuration, startProgress } from './progress';
import { countItems, formatOf, readRecords, RecordFormat } from './read-records';
import { RejectsFile } from './rejects-file';
import { runShare, ShareRunResult } from './share-run';

const DEFAULT_URL = 'http://127.0.0.1:3001';
const MAX_BATCH = 1_000;
const MAX_CONCURRENCY = 8;
/** Files up to this size are counted first, for a progress bar with a total and an ETA. */
const COUNT_LIMIT_BYTES = 50 * 1024 * 1024;

const HELP = `usage: npm run share -- --file <records.ndjson|records.csv> --key <agency API key> [options]

Shares the records of a file with crosscheck through intake's POST /v1/records/batch,
in batches, and prints a summary. Rejected lines go to a rejects file, with reasons.

options
  -f, --file <path>              the records: .ndjson/.jsonl (one JSON record per line) or .csv
  -k, --key <key>                the agency's API key (or env CROSSCHECK_API_KEY, which stays out of ps)
      --url <url>                intake's address (or env CROSSCHECK_INTAKE_URL; default ${DEFAULT_URL})
      --format <csv|ndjson>      when the file's extension does not say
      --batch <n>                records per request, 1-${MAX_BATCH} (default ${MAX_BATCH})
      --concurrency <n>          batches in flight at once, 1-${MAX_CONCURRENCY} (default 2)
      --rejects <path>           the rejects file (default <file name>.rejects.ndjson beside the file)
      --idempotency-prefix <t>   first part of each batch's Idempotency-Key (default: from the file, see below)
  -h, --help                     this text

NDJSON: one record per line in the API's JSON shape, e.g.
  {"kind":"person","externalRef":"FR-0001","dissemination":{"scope":"all"},"purpose":"border-check","person":{"names":[{"family":"Petrov"}]}}

CSV: a header row of dotted paths into the record JSON, then one record per row, e.g.
  kind,externalRef,dissemination.scope,purpose,person.names.0.given,person.names.0.family,person.dateOfBirth,person.nationalities
  person,FR-0001,all,border-check,Ivan,Petrov,1971-03-14,RUS;UKR
  - a number in a path makes a list: person.names.0.given, person.names.1.given, person.documents.0.number
  - empty cells are left out, and so are objects and list elements left empty: one file can mix kinds
  - ${CSV_LIST_FIELDS.join(', ')} take several values in one cell, separated by ;
  - vehicle.year is sent as a number, person.names.<n>.alias as true/false; everything else as text
  - quoted fields may hold commas, "" for a quote, and line breaks (an MRZ's two lines)

Each batch is sent with Idempotency-Key <prefix>-<batch number>, the prefix being --idempotency-prefix or
the first 16 hex digits of a SHA-256 of the file's path, size, modification time and --batch. Re-running
the same command after a crash or Ctrl-C is safe: batches intake already took are answered as they were
the first time and change nothing. Network errors, 5xx and 429 (after its Retry-After) are retried.

Rejects file (NDJSON), one line per rejected line or row:
  {"line":7,"externalRef":"FR-0007","status":400,"code":"validation_failed",
   "reasons":["vehicle.vin: must be a VIN: ..."],"record":{...}}
  status is null, and record the line's text, for lines that could not be read (bad JSON or CSV): those
  are not sent.

Progress is shown on stderr (a bar on a terminal, a line every 10 s otherwise); the summary goes to stdout.
Exit status: 0 all shared, 2 some lines rejected, 1 a fatal error (bad key, intake unreachable, ...),
130 stopped by Ctrl-C.
`;

interface Settings {
  file: string;
  format: RecordFormat;
  key: string;
  url: string;
  batchSize: number;
  concurrency: number;
  rejectsPath: string;
  idempotencyPrefix?: string;
}

class UsageError extends Error {}

function settings(argv: string[]): Settings | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        file: { type: 'string', short: 'f' },
        key: { type: 'string', short: 'k' },
        url: { type: 'string' },
        format: { type: 'string' },
        batch: { type: 'string' },
        concurrency: { type: 'string' },
        rejects: { type: 'string' },
        'idempotency-prefix': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return undefined;
  const file = values.file;
  if (!file) throw new UsageError('--file is required');
  const key = values.key || process.env.CROSSCHECK_API_KEY || '';
  if (!key) throw new UsageError('an API key is required: --key <key> or env CROSSCHECK_API_KEY');
  const url = values.url || process.env.CROSSCHECK_INTAKE_URL || DEFAULT_URL;
  let parsedUrl: URL | undefined;
  try {
    parsedUrl = new URL(url);
  } catch {
    parsedUrl = undefined;
  }
  if (!parsedUrl || !/^https?:$/.test(parsedUrl.protocol))
    throw new UsageError(`--url ${url}: must be an http:// or https:// address`);
  const format = values.format ?? formatOf(file);
  if (format !== 'csv' && format !== 'ndjson') {
    throw new UsageError(
      values.format
        ? `--format ${values.format}: must be csv or ndjson`
        : `cannot tell the format of ${file} from its name; pass --format csv or --format ndjson`,
    );
  }
  const prefix = values['idempotency-prefix'];
  if (prefix !== undefined && !/^[\x21-\x7e]{1,100}$/.test(prefix))
    throw new UsageError('--idempotency-prefix: must be 1-100 printable ASCII characters without spaces');
  return {
    file,
    format,
    key,
    url: url.replace(/\/+$/, ''),
    batchSize: whole('--batch', values.batch, MAX_BATCH, 1, MAX_BATCH),
    concurrency: whole('--concurrency', values.concurrency, 2, 1, MAX_CONCURRENCY),
    rejectsPath:
      values.rejects ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.rejects.ndjson`),
    idempotencyPrefix: prefix,
  };
}

function whole(option: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${option} ${value}: must be a whole number from ${min} to ${max}`);
  return Number(value);
}

async function main(): Promise<number> {
  const options = settings(process.argv.slice(2));
  if (!options) {
    process.stdout.write(HELP);
    return 0;
  }
  const file = await stat(options.file).catch((error: NodeJS.ErrnoException) => {
    throw new FatalShareError(
      `cannot read ${options.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  if (!file.isFile()) throw new FatalShareError(`${options.file} is not a file`);
  const source = await realpath(options.file);
  if (path.resolve(options.rejectsPath) === source) throw new FatalShareError('--rejects names the file being shared');
  const prefix =
    options.idempotencyPrefix ??
    createHash('sha256')
      .update(`${source}\n${file.size}\n${file.mtimeMs}\n${options.batchSize}`)
      .digest('hex')
      .slice(0, 16);

  const total = file.size <= COUNT_LIMIT_BYTES ? await countItems(options.file, options.format) : undefined;
  const rejects = await RejectsFile.open(options.rejectsPath).catch((error: Error) => {
    throw new FatalShareError(`cannot write the rejects file ${options.rejectsPath}: ${error.message}`);
  });

  const started = Date.now();
  const progress = startProgress({ total });
  let stopRequested = false;
  const onInterrupt = () => {
    if (stopRequested) {
      progress.stop();
      process.stderr.write(
        'share: stopped at once; batches in flight may or may not have been taken: re-run the same command to find out\n',
      );
      process.exit(130);
    }
    stopRequested = true;
    progress.notice('stopping: finishing the batches in flight (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);

  let result: ShareRunResult;
  try {
    result = await runShare({
      items: readRecords(options.file, options.format),
      batchSize: options.batchSize,
      concurrency: options.concurrency,
      stopRequested: () => stopRequested,
      reject: (entry) => rejects.write(entry),
      onProgress: (tally) => progress.update(tally),
      send: (batch) =>
        postBatch(
          {
            baseUrl: options.url,
            apiKey: options.key,
            body: batch.body,
            count: batch.count,
            idempotencyKey: `${prefix}-${batch.batchNo}`,
            label: `batch ${batch.batchNo} (lines ${batch.firstLine}-${batch.lastLine})`,
          },
          { notify: (message) => progress.notice(message) },
        ),
    });
  } finally {
    progress.stop();
  }
  const elapsedMs = Date.now() - started;
  process.off('SIGINT', onInterrupt);
  process.off('SIGTERM', onInterrupt);
  const { tally, stopped } = result;
  // Stopped before intake answered anything (bad key, unreachable, bad CSV header): the error says it all.
  if (result.fatal && tally.batches === 0) {
    await rejects.discard();
    throw result.fatal;
  }
  let kept = false;
  try {
    kept = await rejects.close();
  } catch (error) {
    result.fatal ??= error;
  }
  const fatal = result.fatal;

  const name = path.basename(options.file);
  const perSecond = elapsedMs > 0 ? (tally.done * 1000) / elapsedMs : 0;
  const headline = fatal || stopped ? `Stopped sharing ${name}, read up to line ${tally.lastLine}` : `Shared ${name}`;
  const why = [
    tally.unreadable > 0 ? `${tally.unreadable} could not be read, so were not sent` : '',
    tally.refused > 0 ? `${tally.refused} refused by intake` : '',
  ].filter(Boolean);
  const lines = [
    `${headline}: ${plural(tally.done, 'record')} in ${formatDuration(elapsedMs)} (${perSecond.toFixed(perSecond < 10 ? 1 : 0)} records/s), ${plural(tally.batches, 'batch', 'batches')}`,
    `  created:    ${tally.created}`,
    `  updated:    ${tally.updated}`,
    `  unchanged:  ${tally.unchanged}`,
    `  rejected:   ${tally.rejected}${why.length > 0 ? ` (${why.join('; ')})` : ''}`,
    `  rejects:    ${kept ? path.resolve(options.rejectsPath) : 'none'}`,
  ];
  if (tally.replayedBatches > 0) {
    lines.push(
      `  replayed:   ${tally.replayedBatches} of ${plural(tally.batches, 'batch', 'batches')} had been shared before under the same Idempotency-Key; intake gave its first answers again and changed nothing`,
    );
  }
  if (fatal || stopped)
    lines.push(
      `  resume:     run the same command again: batches intake already took are answered as before and change nothing`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
  if (fatal) throw fatal;
  if (stopped) return 130;
  return tally.rejected > 0 ? 2 : 0;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`share: ${message}\n`);
    if (error instanceof UsageError) process.stderr.write('run with --help for the options and the CSV mapping\n');
    process.exitCode = 1;
  },
);
