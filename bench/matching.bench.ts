/**
 * `npm run bench:matching`: how fast matching loads its reference datasets,
 * checks the records the pipeline brings, and answers instant checks; and
 * what its candidate stage saves over scoring every entry.
 *
 * Reference files come from test/data/reference-generator (kept in
 * .local/bench/matching-data for later runs): --scale 1 is 1,000,000
 * notices, 10,000,000 SLTD documents, 1,000,000 vehicles and --firearms.
 * matching migrates, then stays stopped while the loader CLI loads them (an
 * operator's first load), against the raw baseline: each file streamed by one
 * COPY into a plain jsonb table. The candidate stage (in Postgres, as the
 * matcher runs it, and in memory) is timed against scoring every entry of a
 * --sample (bench/lib/matching-candidates.ts). An evenly spread
 * --backlog-sample of the loads' change events is kept, matching started, and
 * the retro-checks timed; then --checks RecordResolved messages (labelled
 * queries of the generator, as dedup publishes them) give the pipeline's
 * checks/s (messages / (last commit − first inbox claim)); last, instant checks
 * by the open-loop driver at --check-rate, latency from the scheduled send;
 * then the issue's mixed load: instant checks at --under-load-check-rate
 * while RecordResolved messages are produced at --pipeline-rate.
 *
 * Options: --scale F (1) --firearms N (100000 × scale) --checks N (20000)
 *   --check-rate N (100) --check-seconds S (20) --sample N (100000)
 *   --under-load-check-rate N (50) --pipeline-rate N (500)
 *   --ratio-queries N (20 per dataset) --backlog-sample N (20000)
 *   --seed N (7) --data-dir DIR (.local/bench/matching-data) --no-raw
 *   --report NAME (matching) --own-kafka (a private broker on 19192)
 *   --cpu-prof (matching writes a .cpuprofile of its run, from its start after the loads; the figures are then
 *   not written to bench/results)
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contractHeaders, deadLetterTopic, encodeMessage, RecordResolvedSchema, Topics } from '@crosscheck/contracts';
import { Agencies, paths } from '@crosscheck/infra';
import { TopicNames } from '@crosscheck/messaging';
import { recordFactsOf } from '@crosscheck/resolution';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { probesOf, type DatasetName } from '../apps/matching/src/model/datasets';
import { thinOutOutbox } from '../apps/matching/src/persistence/matching.seed';
import {
  DATASET_FILES,
  generateMatchingCases,
  type MatchingCase,
  writeReferenceFiles,
  type ReferenceCounts,
} from '../test/data/reference-generator';
import { checkpoint as checkpointOf, postgresSettings } from './lib/database';
import { log, openBenchEnvironment, QUIET_SERVICE, runBenchmark, type BenchContext } from './lib/environment';
import { cpuProfile } from './lib/cpu-profile';
import { postJson } from './lib/http';
import { readSample, timeProbe, type QueryTiming } from './lib/matching-candidates';
import { copyNdjsonLines, runLoader } from './lib/matching-load';
import { openLoop } from './lib/open-loop';
import { checkQueryOf, mixOf, recordResolvedOf } from './lib/matching-records';
import {
  inboxClaims,
  outboxRows,
  publishEvents,
  relayProducer,
  sumOf,
  topicEnd,
  waitForOutboxDrained,
  waitUntilCommitted,
} from './lib/pipeline-progress';
import { cpuFigures, cpuSample, memoryWatch, servicePid, type CpuWatch } from './lib/process-stats';
import type { Goal } from './lib/report';
import { countBy, latencyFigures, mib, percentile, round, summarize } from './lib/stats';
import { benchOptions } from './lib/options';

const { flag, number: numberOption, string: stringOption } = benchOptions({ wholeNumbers: true });

const scale = numberOption('scale', 1, { whole: false });
const P = {
  scale,
  counts: {
    notices: Math.round(1_000_000 * scale),
    sltd: Math.round(10_000_000 * scale),
    smv: Math.round(1_000_000 * scale),
    firearms: numberOption('firearms', Math.round(100_000 * scale)),
  } satisfies Partial<Record<DatasetName, number>>,
  checks: numberOption('checks', 20_000),
  checkRate: numberOption('check-rate', 100),
  checkSeconds: numberOption('check-seconds', 20, { whole: false }),
  checkWarmupSeconds: 3,
  /** The issue's mixed load: instant checks at this rate while the pipeline is fed --pipeline-rate records/s. */
  underLoadCheckRate: numberOption('under-load-check-rate', 50),
  pipelineRate: numberOption('pipeline-rate', 500),
  checkMaxInFlight: 64,
  sample: numberOption('sample', 100_000),
  ratioQueries: numberOption('ratio-queries', 20),
  backlogSample: numberOption('backlog-sample', 20_000),
  /** The labelled queries are made of the first entries of each dataset, at most this many. */
  caseEntries: 20_000,
  casesPerDataset: 400,
  seed: numberOption('seed', 7),
  dataDir: path.resolve(stringOption('data-dir', path.join(paths.LOCAL_DIR, 'bench', 'matching-data'))),
  raw: !flag('no-raw'),
  reportName: stringOption('report', 'matching'),
  ownKafka: flag('own-kafka'),
  cpuProf: flag('cpu-prof'),
  owner: 'BEN',
  agency: 'FRA',
  /** Without progress for this long, a wait is given up. */
  stallMs: 180_000,
  requestTimeoutMs: 30_000,
};
for (const [dataset, count] of Object.entries(P.counts))
  if (count < 1) throw new Error(`--scale ${scale} leaves ${dataset} with no entries`);

const GOALS = { checksPerS: 2_500, instantP99Ms: 50, candidateSpeedup: 100 };
/** The mixed load's feed is produced in this many slices a second. */
const PIPELINE_TICKS_PER_S = 10;
const DATASETS = Object.keys(P.counts) as (keyof typeof P.counts)[];
/** The datasets whose candidate stage is timed (the issue's three). */
const RATIO_DATASETS: DatasetName[] = ['notices', 'sltd', 'smv'];
const POSSIBLE_THRESHOLD = 0.7; // MatchingConfig.MATCH_POSSIBLE_THRESHOLD's default, no dataset overrides in this run

void runBenchmark(['matching', 'intake'], async (context) => {
  const { machine, signal } = context;
  const runStarted = performance.now();
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  log(
    `scale ${P.scale}: ${DATASETS.map((dataset) => `${P.counts[dataset].toLocaleString('en-US')} ${dataset}`).join(', ')}; load average ${machine.load_average_at_start.join(' ')}`,
  );

  const files = await context.phase('reference files (generated once, reused)', async () => {
    const generated = {} as Record<(typeof DATASETS)[number], string>;
    for (const dataset of DATASETS) generated[dataset] = await referenceFile(dataset, P.counts[dataset]);
    return generated;
  });
  const fileBytes = Object.fromEntries(DATASETS.map((dataset) => [dataset, fs.statSync(files[dataset]).size]));

  const environment = await openBenchEnvironment('matching', context, { ownKafka: P.ownKafka });
  const topics = new TopicNames(environment.topicPrefix);
  const groupId = `${environment.topicPrefix}matching`;
  const profile = cpuProfile('matching', environment.id, P.cpuProf);
  const matching = await environment.startService('matching', {
    ...QUIET_SERVICE,
    NODE_OPTIONS: profile.nodeOptions,
  });
  const idleMemory = memoryWatch(servicePid('matching')).now();
  await matching.stop(); // migrated; started again once the datasets are loaded

  const db = await environment.connect();
  const admin = await environment.kafkaAdmin();
  const committed = (topic: string, end: Map<number, number>, what: string, watchMemory: () => void) =>
    waitUntilCommitted(admin, { groupId, topic, end }, signal, {
      stallMs: P.stallMs,
      progress: (done, of) => {
        watchMemory();
        log(`${what}: ${done}/${of} committed`);
      },
    });
  const checkpoint = () => checkpointOf(db, notes);

  const loadedRows = DATASETS.reduce((sum, dataset) => sum + P.counts[dataset], 0);
  if (P.raw)
    await context.phase('raw baseline: COPY of the same files into a plain table', async () => {
      await db.query('CREATE SCHEMA bench_raw');
      let rawSeconds = 0;
      for (const dataset of DATASETS) {
        const table = `bench_raw."${dataset}"`;
        await db.query(`CREATE TABLE ${table} (line jsonb NOT NULL)`);
        await checkpoint();
        const started = performance.now();
        const rows = await copyNdjsonLines(db, table, files[dataset]);
        const seconds = (performance.now() - started) / 1000;
        if (rows !== P.counts[dataset])
          throw new Error(`raw COPY of ${dataset}: ${rows} rows, expected ${P.counts[dataset]}`);
        rawSeconds += seconds;
        figures[`raw_copy_${dataset}_rows_per_s`] = round(rows / seconds, 0);
        log(
          `raw COPY ${dataset}: ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds)} rows/s`,
        );
        await db.query(`DROP TABLE ${table}`); // its disk is wanted for the real load
      }
      await db.query('DROP SCHEMA bench_raw');
      figures.raw_copy_rows_per_s = round(loadedRows / rawSeconds, 0);
    });

  const loadedAll = await context.phase('loads through the loader CLI, matching stopped', async () => {
    let loadSeconds = 0;
    let loadedAll = true;
    for (const dataset of DATASETS) {
      await checkpoint();
      log(`loading ${P.counts[dataset].toLocaleString('en-US')} ${dataset} (${mib(fileBytes[dataset])} MiB)…`);
      const run = await runLoader({
        databaseUrl: environment.databaseUrl,
        databaseName: environment.databaseName,
        dataset,
        file: files[dataset],
        db,
        signal: context.signal,
      });
      if (run.added !== P.counts[dataset])
        notes.push(
          `${dataset}: the loader added ${run.added} entries of ${P.counts[dataset]} lines (generated numbers can repeat: see the generator's README) — "${run.summary}"`,
        );
      loadedAll &&= run.added === P.counts[dataset];
      loadSeconds += run.seconds;
      const [per1000, stem] = [1e6 / P.counts[dataset], `load_${dataset}_`];
      figures[`${stem}rows_per_s`] = round(P.counts[dataset] / run.seconds, 0);
      figures[`${stem}loader_cpu_ms_per_1000_rows`] = round(run.loaderCpuSeconds * per1000, 0);
      figures[`${stem}postgres_backend_cpu_ms_per_1000_rows`] = round(run.backendCpuSeconds * per1000, 0);
      figures[`${stem}loader_peak_rss_mib`] = mib(run.loaderPeakRssBytes);
      if (run.machineBusyCores !== undefined) figures[`${stem}machine_busy_cores`] = round(run.machineBusyCores, 2);
      log(
        `loaded ${dataset}: ${run.summary} — ${run.seconds.toFixed(1)} s = ${Math.round(P.counts[dataset] / run.seconds)} rows/s; loader ${(run.loaderCpuSeconds / run.seconds).toFixed(2)} cores, ` +
          `peak RSS ${mib(run.loaderPeakRssBytes)} MiB; its Postgres backends ${(run.backendCpuSeconds / run.seconds).toFixed(2)} cores; machine busy ${run.machineBusyCores?.toFixed(2)} cores`,
      );
    }
    figures.load_rows = loadedRows;
    figures.load_seconds = round(loadSeconds, 1);
    figures.load_rows_per_s = round(loadedRows / loadSeconds, 0);
    if (P.raw) figures.ratio_load_vs_raw_copy = round(figures.load_rows_per_s / figures.raw_copy_rows_per_s, 3);
    return loadedAll;
  });
  const sizes = (
    await db.query(`SELECT pg_database_size(current_database())::float8 AS database,
        pg_total_relation_size('matching.reference_entries')::float8 AS entries,
        pg_total_relation_size('matching.reference_keys')::float8 AS keys,
        pg_total_relation_size('matching.outbox')::float8 AS outbox,
        (SELECT count(*) FROM matching.reference_keys)::float8 AS key_rows,
        (SELECT count(*) FROM matching.outbox)::float8 AS outbox_rows`)
  ).rows[0];
  log(
    `database ${mib(sizes.database)} MiB: entries ${mib(sizes.entries)} MiB, keys ${mib(sizes.keys)} MiB (${sizes.key_rows} rows), outbox ${mib(sizes.outbox)} MiB (${sizes.outbox_rows} rows)`,
  );
  await db.query('ANALYZE matching.reference_entries, matching.reference_keys');

  const started = performance.now();
  const { queries: cases } = generateMatchingCases({
    seed: P.seed,
    entriesPerDataset: Object.fromEntries(
      DATASETS.map((dataset) => [dataset, Math.min(P.caseEntries, P.counts[dataset])]),
    ),
    queriesPerDataset: P.casesPerDataset,
  });
  const mix = countBy(cases.map(mixOf));
  log(
    `${cases.length} labelled queries (${Object.entries(mix)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  await context.phase('candidate stage against exhaustive scoring', () =>
    timeCandidateStage(context, environment.databaseUrl, files, cases, figures),
  );

  // The loads' backlog, thinned out through matching's seed module, handled once matching starts.
  const backlogRows = await outboxRows(db, 'matching');
  const step = Math.max(1, Math.floor(backlogRows / P.backlogSample));
  const kept = await thinOutOutbox(db, step);
  await checkpoint();
  const changedTopic = topics.physical(Topics.referenceChanged);
  const matchingStartAt = Date.now();
  await matching.restart();
  const matchingPid = servicePid('matching');
  if (matchingPid === undefined) notes.push('matching process not found in /proc: no RSS or CPU figures');
  const memory = memoryWatch(matchingPid);
  const watchMemory = () => void memory.sample();
  const startedIn = (Date.now() - matchingStartAt) / 1000;
  const backlogDoneAt = await context.phase(
    `retro-checks of ${kept} of the loads' ${backlogRows} changes`,
    async () => {
      await waitForOutboxDrained(db, 'matching', signal, { stallMs: P.stallMs });
      return committed(changedTopic, await topicEnd(admin, changedTopic), 'retro-checks', watchMemory);
    },
  );
  const [firstChange] = await inboxClaims(db, 'matching', groupId, Topics.referenceChanged);
  if (firstChange === undefined) throw new Error(`matching claimed no ${Topics.referenceChanged} message`);
  const backlogSeconds = (backlogDoneAt - firstChange) / 1000;
  figures.backlog_change_rows_after_loads = backlogRows;
  figures.backlog_sample_changes = kept;
  figures.retro_check_changes_per_s = round(kept / backlogSeconds, 0);
  figures.matching_start_s = round(startedIn, 2);

  const resolvedTopic = topics.physical(Topics.recordsResolved);
  const messages = Array.from({ length: P.checks }, (_, i) => cases[i % cases.length]);
  const pipelineMix = countBy(messages.map(mixOf));
  const encoded = messages.map((labelled) => {
    const event = recordResolvedOf(labelled, P.owner);
    return { key: event.entityId, event };
  });
  await checkpoint();
  const watch: CpuWatch = { processes: { matching: matchingPid }, database: { db, name: environment.databaseName } };
  const pipelineCpuStart = await cpuSample(watch);
  const { resolvedEnd, pipelineDoneAt } = await context.phase(
    `pipeline: ${encoded.length} RecordResolved`,
    async () => {
      const end = await publishEvents(environment.kafka, admin, resolvedTopic, RecordResolvedSchema, encoded);
      return { resolvedEnd: end, pipelineDoneAt: await committed(resolvedTopic, end, 'pipeline', watchMemory) };
    },
  );
  const pipelineCpuEnd = await cpuSample(watch);
  watchMemory();
  const claims = await inboxClaims(db, 'matching', groupId, Topics.recordsResolved, encoded.length);
  const pipelineSeconds = (pipelineDoneAt - claims[0]) / 1000;
  // Claims made in one transaction share its start time: one distinct time per transaction (a batch of messages).
  const transactions = [...new Set(claims)];
  const gaps = summarize(transactions.slice(1).map((at, i) => at - transactions[i]));
  const drainedAt = await waitForOutboxDrained(db, 'matching', signal, { stallMs: P.stallMs });
  const outcome = (
    await db.query(`SELECT count(*) AS matches, count(DISTINCT record_id) AS records,
        count(*) FILTER (WHERE level = 'hit') AS hits FROM matching.matches`)
  ).rows[0];
  const deadLettered =
    sumOf(await topicEnd(admin, topics.physical(deadLetterTopic(Topics.recordsResolved)))) +
    sumOf(await topicEnd(admin, topics.physical(deadLetterTopic(Topics.referenceChanged))));
  figures.checks_per_s = round(encoded.length / pipelineSeconds, 0);
  figures.pipeline_checks = encoded.length;
  figures.pipeline_seconds = round(pipelineSeconds, 1);
  figures.pipeline_transactions = transactions.length;
  figures.pipeline_messages_per_transaction = round(claims.length / transactions.length, 1);
  figures.per_transaction_gap_p50_ms = round(gaps.p50, 2);
  figures.per_transaction_gap_p99_ms = round(gaps.p99, 2);
  figures.pipeline_records_with_a_match = Number(outcome.records);
  figures.pipeline_matches = Number(outcome.matches);
  figures.pipeline_outbox_drain_after_last_commit_s = round(Math.max(0, drainedAt - pipelineDoneAt) / 1000, 2);
  figures.dead_lettered_messages = deadLettered;
  Object.assign(
    figures,
    cpuFigures('pipeline_', pipelineCpuStart, pipelineCpuEnd, watch, {
      units: encoded.length,
      unit: 'check',
      of: ['matching', 'postgres_backends'],
    }),
  );

  const intake = await environment.startService('intake', QUIET_SERVICE);
  const agencies = new Agencies(environment.databaseUrl, () => intake.url);
  const key = await agencies.key(P.agency);
  await agencies.accepted(key, matching.url);
  const warmupCount = Math.round(P.checkRate * P.checkWarmupSeconds);
  const measuredCount = Math.round(P.checkRate * P.checkSeconds);
  const bodies = Array.from({ length: warmupCount + measuredCount }, (_, i) =>
    JSON.stringify(checkQueryOf(cases[(i * 7919) % cases.length])),
  );
  let withHits = 0;
  const send = (body: string) =>
    postJson<{ hits: unknown[] }>(`${matching.url}/v1/checks`, key, body, {
      signal,
      timeoutMs: P.requestTimeoutMs,
    }).then(({ hits }) => void (hits.length > 0 && withHits++));
  const { warm, instant } = await context.phase(`instant checks at ${P.checkRate}/s, open loop`, async () => {
    const warmUp = await openLoop(bodies.slice(0, warmupCount), P.checkRate, P.checkMaxInFlight, send, signal);
    withHits = 0;
    return {
      warm: warmUp,
      instant: await openLoop(bodies.slice(warmupCount), P.checkRate, P.checkMaxInFlight, send, signal),
    };
  });
  const memoryAfter = memory.now();
  Object.assign(figures, latencyFigures('instant_check', instant.latencies, undefined, 2));
  figures.instant_check_service_p99_ms = round(percentile(instant.serviceTimes, 99), 2);
  figures.instant_check_achieved_per_s = round(instant.achievedRate, 1);
  figures.instant_check_failures = instant.failures.length + warm.failures.length;
  figures.instant_check_with_hits_ratio = round(withHits / Math.max(1, instant.latencies.length), 3);
  if (instant.failures.length > 0) notes.push(`instant checks failed: ${instant.failures.slice(0, 3).join(' | ')}`);

  // The issue's mixed load: an officer's checks while partners' records stream through the pipeline.
  const pipelinePerTick = Math.max(1, Math.round(P.pipelineRate / PIPELINE_TICKS_PER_S));
  const underLoadSeconds = P.checkWarmupSeconds + P.checkSeconds;
  const streamed = Array.from({ length: Math.ceil(underLoadSeconds * PIPELINE_TICKS_PER_S) + 1 }, (_, tick) =>
    Array.from({ length: pipelinePerTick }, (_, i) => {
      const event = recordResolvedOf(cases[(tick * pipelinePerTick + i) % cases.length], P.owner);
      return {
        key: event.entityId,
        value: Buffer.from(encodeMessage(RecordResolvedSchema, event)),
        headers: contractHeaders(RecordResolvedSchema, randomUUID()),
      };
    }),
  );
  const underLoadBodies = Array.from({ length: Math.round(P.underLoadCheckRate * P.checkSeconds) }, (_, i) =>
    JSON.stringify(checkQueryOf(cases[(i * 6007) % cases.length])),
  );
  const streamedBefore = await topicEnd(admin, resolvedTopic);
  const underLoadCpuStart = await cpuSample(watch);
  const underLoad = await context.phase(
    `instant checks at ${P.underLoadCheckRate}/s while the pipeline is fed ${P.pipelineRate} records/s`,
    async () => {
      const producer = relayProducer(environment.kafka);
      await producer.connect();
      try {
        const feeding = openLoop(
          streamed,
          PIPELINE_TICKS_PER_S,
          4,
          (messages) => producer.send({ topic: resolvedTopic, messages, acks: -1 }),
          signal,
        );
        // The pipeline busy first, then the checks, which end before the feed does.
        await new Promise((resolve) => setTimeout(resolve, P.checkWarmupSeconds * 1000));
        const checks = await openLoop(underLoadBodies, P.underLoadCheckRate, P.checkMaxInFlight, send, signal);
        const feed = await feeding;
        const fedAt = performance.now();
        const end = await topicEnd(admin, resolvedTopic);
        await committed(resolvedTopic, end, 'pipeline under checks', watchMemory);
        return { checks, feed, catchUpSeconds: (performance.now() - fedAt) / 1000, end };
      } finally {
        await producer.disconnect();
      }
    },
  );
  const underLoadCpuEnd = await cpuSample(watch);
  Object.assign(figures, latencyFigures('instant_check_under_pipeline', underLoad.checks.latencies, undefined, 2));
  figures.instant_check_under_pipeline_service_p99_ms = round(percentile(underLoad.checks.serviceTimes, 99), 2);
  figures.instant_check_under_pipeline_achieved_per_s = round(underLoad.checks.achievedRate, 1);
  figures.instant_check_under_pipeline_failures = underLoad.checks.failures.length + underLoad.feed.failures.length;
  figures.pipeline_under_checks_records_fed = sumOf(underLoad.end) - sumOf(streamedBefore);
  figures.pipeline_under_checks_fed_per_s = round(underLoad.feed.achievedRate * pipelinePerTick, 0);
  figures.pipeline_under_checks_catch_up_after_feed_s = round(underLoad.catchUpSeconds, 2);
  Object.assign(figures, cpuFigures('under_pipeline_', underLoadCpuStart, underLoadCpuEnd, watch));
  if (underLoad.checks.failures.length > 0)
    notes.push(`instant checks under the pipeline failed: ${underLoad.checks.failures.slice(0, 3).join(' | ')}`);

  figures.database_mib_after_loads = mib(sizes.database);
  figures.reference_entries_mib = mib(sizes.entries);
  figures.reference_keys_mib = mib(sizes.keys);
  figures.reference_key_rows = sizes.key_rows;
  figures.outbox_mib_after_loads = mib(sizes.outbox);
  if (idleMemory) figures.matching_rss_mib_idle = idleMemory.rssMib;
  if (memoryAfter)
    [figures.matching_rss_mib_after_run, figures.matching_peak_rss_mib] = [memoryAfter.rssMib, memoryAfter.peakMib];
  figures.total_run_minutes = round((performance.now() - runStarted) / 60_000, 1);

  const goals: Record<string, Goal> = {
    checks_per_s: { target: `checks_per_s >= ${GOALS.checksPerS}`, met: figures.checks_per_s >= GOALS.checksPerS },
    instant_check_p99_ms: {
      target: `instant_check_p99_ms < ${GOALS.instantP99Ms}`,
      met: figures.instant_check_p99_ms < GOALS.instantP99Ms && figures.instant_check_failures === 0,
    },
    instant_check_under_pipeline_p99_ms: {
      target: `instant_check_under_pipeline_p99_ms < ${GOALS.instantP99Ms} (${P.underLoadCheckRate} checks/s, pipeline fed ${P.pipelineRate} records/s)`,
      met:
        figures.instant_check_under_pipeline_p99_ms < GOALS.instantP99Ms &&
        figures.instant_check_under_pipeline_failures === 0,
    },
    ratio_exhaustive_to_candidate_stage: {
      target: `ratio_exhaustive_to_candidate_stage >= ${GOALS.candidateSpeedup}`,
      met: figures.ratio_exhaustive_to_candidate_stage >= GOALS.candidateSpeedup,
    },
    everything_handled: {
      target: 'every dataset fully loaded, every message claimed once, none dead-lettered',
      met: deadLettered === 0 && loadedAll,
    },
  };
  const settings = await postgresSettings(
    db,
    'server_version',
    'fsync',
    'synchronous_commit',
    'shared_buffers',
    'max_wal_size',
  );
  notes.push(
    `Scale ${P.scale}: ${DATASETS.map((dataset) => `${P.counts[dataset]} ${dataset}`).join(', ')} (seed ${P.seed}); the issue's full size is scale 1 (firearms are not in the issue: ` +
      `they are loaded so that the pipeline's firearm records have a dataset to meet). Nothing here is extrapolated to another scale.`,
    `Loads: the loader CLI from dist/ as a process (one transaction per dataset, full mode, Node start included), one dataset after another, with matching stopped ` +
      `(its relay would publish each load's change events while the next one loads); load_rows_per_s = all rows / the loads' summed wall time. ` +
      `raw_copy_*: each NDJSON file streamed unchanged by one COPY into a plain table (line jsonb, no index, logged): Postgres taking the same lines with nobody parsing, validating, ` +
      `computing facts and blocking keys, or writing change events. CHECKPOINT before each.`,
    `Backlog: a load writes one reference.changed.v1 outbox row per added entry (${backlogRows} after these loads). Of them every ${step}th was kept (${kept}); ` +
      `retro_check_changes_per_s = kept / (the matching group's last commit on reference.changed.v1 − its first inbox claim), publishing included; no record had been checked yet, ` +
      `so each change costs its lookups and no scoring: the cheapest retro-check there is. The full backlog's time was not measured.`,
    `Pipeline: ${encoded.length} RecordResolved (${Object.entries(pipelineMix)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')}), each a new entity of a new record, ` +
      `cycling through ${cases.length} labelled queries of the generator (made of the first ${P.caseEntries} entries of each dataset, ${P.casesPerDataset} per dataset, 30% hard negatives), ` +
      `produced while matching ran; checks_per_s = messages / (last commit − first inbox claim); per_transaction_gap_* = gaps between the starts of consecutive inbox transactions (claims of one transaction share its start; matching claims a batch of messages per transaction, up to three partitions at once, so the gaps are not a per-check latency).`,
    `Instant checks: POST /v1/checks open loop at ${P.checkRate}/s for ${P.checkSeconds} s after ${P.checkWarmupSeconds} s of warm-up, at most ${P.checkMaxInFlight} in flight, ` +
      `bodies from the same labelled queries; latency from each request's scheduled send (instant_check_service_p99_ms from its actual send).`,
    `Mixed load: RecordResolved messages produced ${pipelinePerTick} at a time, ${PIPELINE_TICKS_PER_S} times a second (open loop, ${P.pipelineRate}/s offered), for ${underLoadSeconds} s; ` +
      `after ${P.checkWarmupSeconds} s of it, POST /v1/checks open loop at ${P.underLoadCheckRate}/s for ${P.checkSeconds} s (other bodies of the same queries); ` +
      `pipeline_under_checks_catch_up_after_feed_s is how long matching took, after the last message was produced, to commit everything fed; under_pipeline_* CPU covers the phase and the catch-up.`,
    `Candidate stage: per dataset (${RATIO_DATASETS.join(', ')}) ${P.ratioQueries} probes of its labelled queries (after 3 of warm-up) against a sample of its first ${P.sample} entries: ` +
      `exhaustive = libs/resolution scoreRecords on every sample entry; candidate stage = blocking keys + lookup + scoring the candidates, either in Postgres exactly as matcher.ts does ` +
      `(ReferenceEntriesRepository.candidates, limit 50, over the whole loaded dataset, larger than the sample: the goal is held to this one) or in memory over the sample ` +
      `(an index answering as that SQL does). *_exhaustive_findings_found_ratio: of the entries scoring >= ${POSSIBLE_THRESHOLD} exhaustively, the share the in-memory candidate stage found.`,
    `Memory: matching_rss_mib_idle right after its first start; matching_peak_rss_mib the peak (VmHWM, and RSS sampled) of the process that did the retro-checks, the pipeline and the instant checks; ` +
      `load_*_loader_peak_rss_mib the loader's VmHWM; database_mib_after_loads the whole bench database, outbox included.`,
    `CPU: pipeline_* are average cores between producing and the last commit; other_processes_cpu_cores is what none of matching, Postgres and this client account for (others' work on the shared machine). ` +
      `Load average at the start: ${machine.load_average_at_start.join(', ')}; at the end: ${os
        .loadavg()
        .map((load) => load.toFixed(2))
        .join(', ')}.`,
    `${settings}; services LOG_LEVEL warn, no span export; Kafka at ${environment.kafkaBrokers}.`,
  );

  await profile.written(() => matching.stop());
  context.report(
    {
      name: P.reportName,
      parameters: {
        scale: P.scale,
        counts: P.counts,
        seed: P.seed,
        file_bytes: fileBytes,
        checks: P.checks,
        check_rate_per_s: P.checkRate,
        check_seconds: P.checkSeconds,
        sample: P.sample,
        ratio_queries_per_dataset: P.ratioQueries,
        backlog_sample: P.backlogSample,
        pipeline_mix: pipelineMix,
        partitions: resolvedEnd.size,
        raw_baseline: P.raw,
      },
      figures,
      goals: P.cpuProf ? {} : goals,
      notes,
    },
    { write: !P.cpuProf },
  );
});

// --- data ------------------------------------------------------------------------------------------

/** The dataset's NDJSON file for this seed and count, generated unless an earlier run left it. */
async function referenceFile(dataset: (typeof DATASETS)[number], count: number): Promise<string> {
  const outDir = path.join(P.dataDir, `seed-${P.seed}`, `${dataset}-${count}`);
  const file = path.join(outDir, DATASET_FILES[dataset]);
  if (fs.existsSync(file)) return file;
  const none: ReferenceCounts = { notices: 0, sltd: 0, smv: 0, firearms: 0, artworks: 0 };
  await writeReferenceFiles({ seed: P.seed, outDir, ...none, [dataset]: count });
  return file;
}

/** Sums a field over query timings. */
function timingSum(timings: QueryTiming[]): (key: keyof QueryTiming) => number {
  return (key) => timings.reduce((total, timing) => total + timing[key], 0);
}

/**
 * The candidate stage against scoring every entry of a sample, per dataset of RATIO_DATASETS:
 * in Postgres as the matcher runs it, and in memory (bench/lib/matching-candidates.ts).
 */
async function timeCandidateStage(
  context: BenchContext,
  databaseUrl: string,
  files: Record<(typeof DATASETS)[number], string>,
  cases: MatchingCase[],
  figures: Record<string, number>,
): Promise<void> {
  const probeDb = new Client({
    connectionString: databaseUrl,
    application_name: 'crosscheck-bench-candidates',
  });
  await probeDb.connect();
  context.defer('close the candidates connection', () => probeDb.end());
  await probeDb.query('SET search_path TO matching');
  const manager = {
    query: async (sql: string, values?: unknown[]) => (await probeDb.query(sql, values)).rows,
  } as unknown as EntityManager;
  const timings: QueryTiming[] = [];
  for (const dataset of RATIO_DATASETS) {
    const started = performance.now();
    const index = await readSample(
      dataset,
      files[dataset as keyof typeof files],
      Math.min(P.sample, P.counts[dataset as keyof typeof P.counts]),
    );
    log(
      `candidates ${dataset}: sample of ${index.size(dataset)} entries read and indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const probes = cases
      .filter((labelled) => labelled.dataset === dataset)
      .flatMap((labelled) => {
        const body = recordResolvedOf(labelled, P.owner).record!.body;
        return body.case ? probesOf(recordFactsOf(body)).filter((probe) => probe.dataset === dataset) : [];
      });
    for (const probe of probes.slice(0, 3)) await timeProbe(probe, index, manager, POSSIBLE_THRESHOLD); // warm-up, not counted
    const measured: QueryTiming[] = [];
    for (const probe of probes.slice(3, 3 + P.ratioQueries)) {
      context.signal.throwIfAborted();
      measured.push(await timeProbe(probe, index, manager, POSSIBLE_THRESHOLD));
    }
    timings.push(...measured);
    const sum = timingSum(measured);
    const [exhaustive, postgres, memory] = [sum('exhaustiveMs'), sum('databaseCandidateMs'), sum('memoryCandidateMs')];
    const [stem, ratio] = [`candidates_${dataset}_`, `ratio_${dataset}_exhaustive_to_`];
    figures[`${stem}exhaustive_ms_per_query`] = round(exhaustive / measured.length, 2);
    figures[`${stem}postgres_stage_ms_per_query`] = round(postgres / measured.length, 3);
    figures[`${stem}memory_stage_ms_per_query`] = round(memory / measured.length, 3);
    figures[`${ratio}postgres_candidate_stage`] = round(exhaustive / postgres, 1);
    figures[`${ratio}memory_candidate_stage`] = round(exhaustive / memory, 1);
    figures[`${stem}exhaustive_findings_found_ratio`] = sum('exhaustiveFindings')
      ? round(sum('foundByCandidates') / sum('exhaustiveFindings'), 3)
      : Number.NaN;
    log(
      `candidates ${dataset}: ${measured.length} queries; exhaustive ${figures[`${stem}exhaustive_ms_per_query`]} ms/query, ` +
        `Postgres candidate stage ${figures[`${stem}postgres_stage_ms_per_query`]} ms, in memory ${figures[`${stem}memory_stage_ms_per_query`]} ms`,
    );
  }
  const total = timingSum(timings);
  figures.ratio_exhaustive_to_candidate_stage = round(total('exhaustiveMs') / total('databaseCandidateMs'), 1);
  figures.ratio_exhaustive_to_memory_candidate_stage = round(total('exhaustiveMs') / total('memoryCandidateMs'), 1);
}
