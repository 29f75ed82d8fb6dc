/**
 * bench:names through the real services: each script's sample loaded as
 * notices with the loader CLI (the Latin spellings, then in a second load the
 * other script's), intake and matching started from dist/, and every pair
 * checked both ways through `POST /v1/checks/batch`; then single
 * `POST /v1/checks` of cross-script names at a steady rate (the open-loop
 * driver), for the latency an officer waits for.
 */
import { Agencies } from '@crosscheck/infra';
import { Client } from 'pg';
import { log, openBenchEnvironment, type BenchContext } from './environment';
import { postJson } from './http';
import { openLoop } from './open-loop';
import { cpuFigures, cpuSample, servicePid, type CpuWatch } from './process-stats';
import { CROSS_SCRIPTS, type CrossScript, type ScriptPair } from './public-names';
import { discardLoadEvents, loadReferenceEntries } from './reference-loads';
import { percentile, round } from './stats';

const BATCH = 100;

interface Check {
  /** The notice it should find. */
  entryId: string;
  name: { full: string; original?: string; script?: string };
}

const noticeOf = (entryId: string, name: Check['name']) => ({
  entryId,
  colour: 'red',
  noticeRef: entryId,
  charges: 'bench:names',
  subject: { names: [name] },
});
const checkBody = (check: Check) => ({ kind: 'person', person: { names: [check.name] } });
const written = (pair: ScriptPair, script: CrossScript, side: 'latin' | 'other'): Check['name'] =>
  side === 'latin' ? { full: pair.latin } : { full: pair.other, original: pair.other, script: CROSS_SCRIPTS[script] };

/** Recall per script and direction through the service, and instant-check latency at `rate` checks/s. */
export async function namesThroughApi(
  context: BenchContext,
  samples: Map<CrossScript, ScriptPair[]>,
  latency: { rate: number; seconds: number },
): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const environment = await openBenchEnvironment('names', context);

  // Each direction is its own load (a full load replaces the dataset): a Latin notice and its twin in the other
  // script side by side would compete for the same checks, and an instant check answers the best hits only.
  const directions = [
    { loaded: 'latin' as const, checked: 'other' as const, figure: 'latin_loaded_other_checked' },
    { loaded: 'other' as const, checked: 'latin' as const, figure: 'other_loaded_latin_checked' },
  ];
  let key: string | undefined;
  let matchingUrl = '';
  const queries: Check[] = [];
  for (const direction of directions) {
    const notices: object[] = [];
    const runs = new Map<string, Check[]>();
    for (const [script, pairs] of samples) {
      const checks = pairs.map((pair, index) => {
        notices.push(noticeOf(`${script}-${index}`, written(pair, script, direction.loaded)));
        return { entryId: `${script}-${index}`, name: written(pair, script, direction.checked) };
      });
      runs.set(`${script}_api_recall_${direction.figure}`, checks);
      queries.push(...checks);
    }
    const loaded = await loadReferenceEntries(context, environment.databaseUrl, 'notices', notices);
    log(`loader (${direction.loaded} loaded): ${loaded}`);
    await discardLoadEvents(environment.databaseUrl);

    if (!key) {
      const intake = await environment.startService('intake');
      const matching = await environment.startService('matching');
      matchingUrl = matching.url;
      const agencies = new Agencies(environment.databaseUrl, () => intake.url);
      key = await agencies.key('AUT');
      await agencies.accepted(key, matching.url, 60_000);
    }
    for (const [figure, checks] of runs) {
      figures[figure] = round(await foundShare(context, matchingUrl, key, checks), 3);
      log(`${figure}: ${figures[figure]}`);
    }
  }

  // Latency from each check's actual send, as an officer's client waits for it; and the CPU each check cost
  // matching and its Postgres backends (audit line, outbox, relay and chain included), steadier than the tail.
  const checks = Array.from({ length: latency.rate * latency.seconds }, (_, i) => queries[(i * 7919) % queries.length]);
  const db = new Client({ connectionString: environment.databaseUrl });
  await db.connect();
  context.defer('close the CPU watch connection', () => db.end());
  const watch: CpuWatch = {
    processes: { matching: servicePid('matching') },
    database: { db, name: environment.databaseName },
  };
  const commitsBefore = await commitsOf(db, environment.databaseName);
  const cpuBefore = await cpuSample(watch);
  const { serviceTimes: latencies } = await openLoop(
    checks,
    latency.rate,
    64,
    (check) => postJson(`${matchingUrl}/v1/checks`, key!, checkBody(check)).catch(() => undefined),
    context.signal,
  );
  // The audit chain and the outbox relay finish a moment after the last answer.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  Object.assign(
    figures,
    cpuFigures('instant_check_', cpuBefore, await cpuSample(watch), watch, {
      units: checks.length,
      unit: 'check',
      of: ['matching', 'postgres_backends'],
    }),
  );
  figures.instant_check_commits_per_check = round(
    ((await commitsOf(db, environment.databaseName)) - commitsBefore) / checks.length,
    2,
  );
  figures.instant_check_p50_ms = round(percentile(latencies, 50), 1);
  figures.instant_check_p99_ms = round(percentile(latencies, 99), 1);
  figures.instant_check_rate_per_s = latency.rate;
  return figures;
}

/** Transactions committed in the database so far (every service's and the relay's; the statistics of the moment). */
async function commitsOf(db: Client, database: string): Promise<number> {
  await db.query('SELECT pg_stat_clear_snapshot()');
  const { rows } = await db.query<{ commits: string }>(
    'SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = $1',
    [database],
  );
  return Number(rows[0].commits);
}

/** The share of `checks` whose own notice comes back, at hit or possible. */
async function foundShare(context: BenchContext, matchingUrl: string, key: string, checks: Check[]): Promise<number> {
  let found = 0;
  for (let start = 0; start < checks.length; start += BATCH) {
    context.signal.throwIfAborted();
    const slice = checks.slice(start, start + BATCH);
    const { results } = await postJson<{ results: { index: number; hits?: { entryId: string }[] }[] }>(
      `${matchingUrl}/v1/checks/batch`,
      key,
      slice.map(checkBody),
    );
    for (const result of results) if (result.hits?.some((hit) => hit.entryId === slice[result.index].entryId)) found++;
  }
  return found / checks.length;
}
