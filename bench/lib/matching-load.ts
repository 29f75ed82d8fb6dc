/**
 * Loading reference data for matching's speed benchmark, and its baseline:
 *  - the loader as an operator runs it (`load-reference.cli.js` from dist/, a
 *    process of its own), watched from /proc while it runs: its CPU and peak
 *    memory, and the CPU of its Postgres backends;
 *  - the same NDJSON file streamed by one COPY into a plain table (one jsonb
 *    column, no index): what Postgres takes in when nobody parses, validates,
 *    computes facts and keys, or writes change events.
 */
import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { machineCpuSeconds, processCpuSeconds, processMemory } from './process-stats';
import { LOADER } from './reference-loads';
/** The application_name the loader's connections carry (load-reference.cli.ts). */
const LOADER_APPLICATION = 'matching-loader';

export interface LoaderRun {
  seconds: number;
  /** The loader's summary line, e.g. `sltd v1 (full): 1000000 added, ...`. */
  summary: string;
  added: number;
  loaderCpuSeconds: number;
  loaderPeakRssBytes: number;
  backendCpuSeconds: number;
  machineBusyCores?: number;
}

/** Runs the loader CLI on one file (full mode) and waits for it; throws unless it exits 0. */
export async function runLoader(options: {
  databaseUrl: string;
  databaseName: string;
  dataset: string;
  file: string;
  db: Client;
  signal: AbortSignal;
}): Promise<LoaderRun> {
  const machineBefore = machineCpuSeconds();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [LOADER, '--dataset', options.dataset, '--file', options.file, '--mode', 'full'],
    {
      env: { ...process.env, DATABASE_URL: options.databaseUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  const kill = () => child.kill('SIGTERM');
  options.signal.addEventListener('abort', kill, { once: true });

  // /proc can only be read while the processes live: keep the last reading of each.
  let loaderCpu = 0;
  let loaderPeak = 0;
  const backendCpu = new Map<number, number>();
  let running = true;
  const sample = async () => {
    const pid = child.pid;
    if (pid !== undefined) {
      loaderCpu = processCpuSeconds(pid) ?? loaderCpu;
      loaderPeak = Math.max(loaderPeak, processMemory(pid)?.peakRssBytes ?? 0);
    }
    const { rows } = await options.db
      .query('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2', [
        options.databaseName,
        LOADER_APPLICATION,
      ])
      .catch(() => ({ rows: [] as { pid: number }[] }));
    for (const { pid } of rows as { pid: number }[]) {
      const seconds = processCpuSeconds(Number(pid));
      if (seconds !== undefined) backendCpu.set(Number(pid), seconds);
    }
  };
  const sampler = (async () => {
    while (running) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  let code: number;
  try {
    code = await exited;
  } finally {
    running = false;
    options.signal.removeEventListener('abort', kill);
    await sampler;
  }
  const seconds = (performance.now() - started) / 1000;
  const machineAfter = machineCpuSeconds();
  if (code !== 0)
    throw new Error(`loading ${options.dataset} failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
  const summary = stdout.trim().split('\n')[0] ?? '';
  const added = Number(/(\d+) added/.exec(summary)?.[1] ?? Number.NaN);
  return {
    seconds,
    summary,
    added,
    loaderCpuSeconds: loaderCpu,
    loaderPeakRssBytes: loaderPeak,
    backendCpuSeconds: [...backendCpu.values()].reduce((sum, value) => sum + value, 0),
    machineBusyCores: machineBefore && machineAfter ? (machineAfter.busy - machineBefore.busy) / seconds : undefined,
  };
}

/**
 * Streams the NDJSON file, unchanged, through one `COPY table (line) FROM STDIN`:
 * CSV format with a delimiter and a quote character no line holds, so each line
 * is one field as it stands (JSON's backslashes are not COPY escapes there).
 */
export async function copyNdjsonLines(db: Client, table: string, file: string): Promise<number> {
  const stream = db.query(
    copyFrom(`COPY ${table} (line) FROM STDIN WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')`),
  );
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), stream);
  return stream.rowCount;
}
