/**
 * bench:names through the real services: each script's sample loaded as
 * notices with the loader CLI (the Latin spelling as one notice, the other
 * script's as another), intake and matching started from dist/, and every
 * pair checked both ways through `POST /v1/checks/batch`; then single
 * `POST /v1/checks` of cross-script names at a steady rate, for the latency an
 * officer waits for.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Agencies, paths } from '@crosscheck/infra';
import { Client } from 'pg';
import { log, openBenchEnvironment, type BenchContext } from './environment';
import { CROSS_SCRIPTS, type CrossScript, type ScriptPair } from './public-names';
import { percentile, round } from './stats';

const BATCH = 100;

interface Check {
  /** The notice it should find. */
  entryId: string;
  name: { full: string; original?: string; script?: string };
}

const noticeOf = (entryId: string, name: Check['name']) => ({ entryId, colour: 'red', noticeRef: entryId, charges: 'bench:names', subject: { names: [name] } });
const written = (pair: ScriptPair, script: CrossScript, side: 'latin' | 'other'): Check['name'] =>
  side === 'latin' ? { full: pair.latin } : { full: pair.other, original: pair.other, script: CROSS_SCRIPTS[script] };

/** Recall per script and direction through the service, and instant-check latency at `rate` checks/s. */
export async function namesThroughApi(context: BenchContext, samples: Map<CrossScript, ScriptPair[]>, latency: { rate: number; seconds: number }): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const environment = await openBenchEnvironment('names', context);
  const directory = mkdtempSync(path.join(tmpdir(), 'crosscheck-names-'));
  context.defer('remove the notices file', async () => rmSync(directory, { recursive: true, force: true }));

  const notices: object[] = [];
  const runs = new Map<string, Check[]>();
  for (const [script, pairs] of samples) {
    const latinLoaded: Check[] = [];
    const otherLoaded: Check[] = [];
    pairs.forEach((pair, index) => {
      notices.push(noticeOf(`L-${script}-${index}`, written(pair, script, 'latin')), noticeOf(`O-${script}-${index}`, written(pair, script, 'other')));
      latinLoaded.push({ entryId: `L-${script}-${index}`, name: written(pair, script, 'other') });
      otherLoaded.push({ entryId: `O-${script}-${index}`, name: written(pair, script, 'latin') });
    });
    runs.set(`${script}_api_recall_latin_loaded_other_checked`, latinLoaded);
    runs.set(`${script}_api_recall_other_loaded_latin_checked`, otherLoaded);
  }
  const file = path.join(directory, 'notices.ndjson');
  writeFileSync(file, notices.map((notice) => `${JSON.stringify(notice)}\n`).join(''));
  const loader = path.join(paths.REPO_ROOT, 'dist', 'apps', 'matching', 'src', 'load-reference', 'load-reference.cli.js');
  const loaded = await promisify(execFile)(process.execPath, [loader, '--dataset', 'notices', '--file', file], { env: { ...process.env, DATABASE_URL: environment.databaseUrl } });
  log(`loader: ${loaded.stdout.trim().split('\n').slice(-1)[0]}`);
  await discardLoadEvents(environment.databaseUrl);

  const intake = await environment.startService('intake');
  const matching = await environment.startService('matching');
  const agencies = new Agencies(environment.databaseUrl, () => intake.url);
  const key = await agencies.key('AUT');
  await agencies.accepted(key, matching.url, 60_000);

  for (const [figure, checks] of runs) {
    let found = 0;
    for (let start = 0; start < checks.length; start += BATCH) {
      context.signal.throwIfAborted();
      const slice = checks.slice(start, start + BATCH);
      const response = await fetch(`${matching.url}/v1/checks/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(slice.map((check) => ({ kind: 'person', person: { names: [check.name] } }))),
      });
      const body = (await response.json()) as { results?: { index: number; status: number; hits?: { entryId: string }[] }[] };
      if (response.status !== 200 || !body.results) throw new Error(`checks at ${start}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      for (const result of body.results) if (result.hits?.some((hit) => hit.entryId === slice[result.index].entryId)) found++;
    }
    figures[figure] = round(found / checks.length, 3);
    log(`${figure}: ${figures[figure]}`);
  }

  const queries = [...runs.values()].flat();
  const latencies: number[] = [];
  const interval = 1000 / latency.rate;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < latency.rate * latency.seconds; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const check = queries[(i * 7919) % queries.length];
    pending.push(
      (async () => {
        const sent = performance.now();
        const response = await fetch(`${matching.url}/v1/checks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({ kind: 'person', person: { names: [check.name] } }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
      })(),
    );
  }
  await Promise.all(pending);
  figures.instant_check_p50_ms = round(percentile(latencies, 50), 1);
  figures.instant_check_p99_ms = round(percentile(latencies, 99), 1);
  figures.instant_check_rate_per_s = latency.rate;
  return figures;
}

/** The load's reference.changed events, dropped: no record is shared here, so retro-checks have nothing to find. */
async function discardLoadEvents(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DELETE FROM matching.outbox');
  } finally {
    await client.end();
  }
}
