/**
 * `npm run bench:intake`: sustained batch intake over HTTP against a plain
 * bulk insert of the same rows, and single-record latency at a steady rate.
 *
 * 1. Starts (or reuses) Kafka and Postgres, makes a fresh database and topic
 *    prefix, starts intake from `dist/` and makes an agency key.
 * 2. Generates the person records (seeded; not timed).
 * 3. Warms intake up, and probes batch throughput at 1, 2 and 4 concurrent
 *    requests on a few batches.
 * 4. Raw baseline: the same rows, built in memory first, into a copy of
 *    intake's `records` table (columns and indexes) in schema `bench_raw`,
 *    by multi-row INSERT and by COPY FROM STDIN; the faster is the baseline.
 * 5. POSTs all records to /v1/records/batch, N records per request, C at a
 *    time; every item must come back 201. Records/s over the whole phase,
 *    per-request latency, and where the CPU went (intake, Postgres, the rest).
 * 6. Times the outbox draining to Kafka after that.
 * 7. POSTs single records to /v1/records open-loop at a steady rate (sent on
 *    schedule whatever the completions; latency counted from the scheduled
 *    time, so a stall is not hidden) and reports the latency percentiles.
 * 8. Writes bench/results/<name>.json and stops and drops what it started.
 *
 * Options: --records N (200000) --batch N (1000) --concurrency N (2)
 *   --single-rate N (200) --single-seconds S (17.5) --no-probe --no-single
 *   --raw-rows-per-insert N (most the 65,535-parameter limit allows)
 *   --report NAME (intake) --cpu-prof (profile intake, as `node --cpu-prof` would, and
 *   summarise each phase; figures are then not representative and no report is written)
 *   --own-kafka (a private broker on 19192 rather than the shared one on 19092, which
 *   another test run may stop mid-benchmark on a shared machine)
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Agencies, answersAsKafka, paths, type ServiceProcess } from '@crosscheck/infra';
import { Client } from 'pg';
import { bucketize, formatBuckets, formatSummary, summarizeProfile } from './lib/cpu-profile';
import { log, openBenchEnvironment, requireBuild, runBenchmark, type BenchContext } from './lib/environment';
import { INTAKE_BUCKETS } from './lib/intake-buckets';
import { createRecipientAgencies, generatePersonRecords, type PersonRecord } from './lib/person-records';
import {
  childProcessWith,
  cpuBetween,
  cpuSnapshot,
  metricSum,
  processesNamed,
  processMemory,
  scrapeMetrics,
  type CpuSnapshot,
} from './lib/process-stats';
import { copyInto, prepareCopyText, prepareMultiRowInserts, runInserts, type SqlValue } from './lib/raw-insert';
import { machineInfo, printReport, writeReport, type Goal } from './lib/report';
import { percentile, round } from './lib/stats';
import { benchOptions } from './lib/options';

const { flag, number: numberOption, string: stringOption } = benchOptions();

const P = {
  records: numberOption('records', 200_000),
  batchSize: numberOption('batch', 1_000),
  concurrency: numberOption('concurrency', 2),
  probe: !flag('no-probe'),
  probeBatches: { warmup: 6, 1: 10, 2: 10, 4: 12 } as const,
  singleRate: numberOption('single-rate', 200),
  singleSeconds: numberOption('single-seconds', 17.5),
  singleWarmupSeconds: 2,
  singleMaxInFlight: 64,
  single: !flag('no-single'),
  rawRowsPerInsert: numberOption('raw-rows-per-insert', Number.POSITIVE_INFINITY),
  reportName: stringOption('report', 'intake'),
  cpuProf: flag('cpu-prof'),
  ownKafka: flag('own-kafka'),
  seed: 20261122,
  agency: 'BEN',
  requestTimeoutMs: 120_000,
  phaseTimeoutMs: 15 * 60_000,
};

const GOALS = { recordsPerS: 5_000, ratioVsRaw: 0.25, singleP99Ms: 20 };

/** Intake's `records` columns that its insert sets (created_at and updated_at take their defaults). */
const RECORD_COLUMNS = [
  'record_id',
  'owner',
  'external_ref',
  'kind',
  'version',
  'content',
  'content_hash',
  'dissemination',
  'identifier_normalized',
  'reported_at',
  'expires_at',
];
const RETENTION_DAYS = 1825; // intake's RECORD_RETENTION_DAYS default
const DAY_MS = 86_400_000;

void runBenchmark(async (context) => {
  requireBuild('intake');
  const machine = machineInfo();
  const startedAt = new Date();
  const notes: string[] = [];
  const figures: Record<string, number> = {};

  // --- data, not timed -------------------------------------------------------------------------
  let started = performance.now();
  const batchCount = Math.ceil(P.records / P.batchSize);
  const records = generatePersonRecords({ seed: P.seed, prefix: 'B', count: P.records });
  const batchBodies = Array.from({ length: batchCount }, (_, i) =>
    JSON.stringify(records.slice(i * P.batchSize, (i + 1) * P.batchSize)),
  );
  const probeCount = P.probe ? P.probeBatches.warmup + P.probeBatches[1] + P.probeBatches[2] + P.probeBatches[4] : 2;
  const probeBodies = Array.from({ length: probeCount }, (_, i) =>
    JSON.stringify(generatePersonRecords({ seed: P.seed, prefix: 'W', start: i * P.batchSize, count: P.batchSize })),
  );
  const singleWarmup = Math.round(P.singleRate * P.singleWarmupSeconds);
  const singleCount = Math.round(P.singleRate * P.singleSeconds);
  const singleBodies = P.single
    ? generatePersonRecords({ seed: P.seed, prefix: 'S', count: singleWarmup + singleCount }).map((record) =>
        JSON.stringify(record),
      )
    : [];
  const bodyBytes = batchBodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  log(
    `generated ${P.records.toLocaleString('en-US')} records in ${batchCount} batches (${(bodyBytes / 2 ** 20).toFixed(0)} MiB of JSON, ` +
      `${Math.round(bodyBytes / P.records)} bytes/record) + ${probeCount} probe batches + ${singleBodies.length} single records ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // --- infrastructure --------------------------------------------------------------------------
  const environment = await openBenchEnvironment('intake', context, { ownKafka: P.ownKafka });
  const profileDir = path.join(paths.LOCAL_DIR, 'bench', 'profiles', `intake_${environment.id}`);
  if (P.cpuProf) fs.mkdirSync(profileDir, { recursive: true });
  const intake = await environment.startService('intake', {
    LOG_LEVEL: 'warn',
    // Empty counts as unset: no span export even if the calling shell sets these.
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
    // Node 20 refuses --cpu-prof in NODE_OPTIONS; a preloaded inspector session does the same.
    NODE_OPTIONS: P.cpuProf ? `--require "${path.join(__dirname, 'lib', 'cpu-prof-preload.cjs')}"` : '',
    CPU_PROF_DIR: P.cpuProf ? profileDir : '',
  });
  const intakePid = childProcessWith(path.join('dist', 'apps', 'intake', 'src', 'main.js'));
  if (intakePid === undefined) notes.push('intake process not found in /proc: no RSS or per-process CPU figures');
  // A broker started by this run is a child process too; a reused one is someone else's.
  const watched: Watched = { intake: intakePid, kafka: childProcessWith('kafka.Kafka') };
  const agencies = new Agencies(environment.databaseUrl, () => intake.url);
  await createRecipientAgencies(agencies);
  const key = await agencies.key(P.agency);
  const db = new Client({ connectionString: environment.databaseUrl, application_name: 'crosscheck-bench' });
  await db.connect();
  context.defer('close the bench connection', () => db.end());
  const phaseWindows: Record<string, [number, number]> = {};
  const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

  // --- warm-up and concurrency probe -----------------------------------------------------------
  let nextProbe = 0;
  const probe = async (concurrency: number, batches: number) => {
    const bodies = probeBodies.slice(nextProbe, (nextProbe += batches));
    const run = await postBatches(intake, key, bodies, concurrency, context);
    if (run.failures.length > 0) throw new Error(`probe at concurrency ${concurrency}: ${run.failures[0]}`);
    return run;
  };
  if (P.probe) {
    await probe(2, P.probeBatches.warmup);
    for (const concurrency of [1, 2, 4] as const) {
      await waitForOutboxDrained(db, context, environment.kafkaBrokers);
      const run = await probe(concurrency, P.probeBatches[concurrency]);
      figures[`probe_concurrency_${concurrency}_records_per_s`] = round(run.recordsPerSecond, 0);
      log(
        `probe: ${P.probeBatches[concurrency]} batches at concurrency ${concurrency}: ${Math.round(run.recordsPerSecond)} records/s, batch p50 ${run.p50.toFixed(0)} ms`,
      );
    }
  } else {
    await probe(1, 2);
  }
  await waitForOutboxDrained(db, context, environment.kafkaBrokers);

  // --- raw baseline ----------------------------------------------------------------------------
  started = performance.now();
  await db.query('CREATE SCHEMA bench_raw');
  // LIKE ... INCLUDING ALL copies the columns, defaults, constraints and every index intake's migrations made.
  await db.query(
    'CREATE TABLE bench_raw.records (LIKE intake.records INCLUDING ALL) WITH (autovacuum_enabled = false)',
  );
  const shape = await compareIndexes(db);
  if (shape) notes.push(shape);
  const now = Date.now();
  const rows: SqlValue[][] = records.map((record) => rawRow(record, now));
  const inserts = prepareMultiRowInserts('bench_raw.records', RECORD_COLUMNS, rows, P.rawRowsPerInsert);
  const copyText = prepareCopyText(rows);
  log(
    `raw: ${rows.length.toLocaleString('en-US')} rows built, ${inserts.length} INSERT statements of up to ${inserts[0].rows} rows, ${copyText.length} COPY chunks, in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)`,
  );

  const rawRun = async (label: string, run: () => Promise<number>) => {
    await db.query('TRUNCATE bench_raw.records');
    await checkpoint(db, notes);
    const before = await cpuSample(db, environment.databaseName, watched);
    const t0 = performance.now();
    const inserted = await run();
    const seconds = (performance.now() - t0) / 1000;
    const after = await cpuSample(db, environment.databaseName, watched);
    const cpu = cpuBetween(before, after);
    const count = Number((await db.query('SELECT count(*) AS n FROM bench_raw.records')).rows[0].n);
    if (inserted !== rows.length || count !== rows.length)
      throw new Error(`raw ${label}: ${inserted} inserted, ${count} in the table, expected ${rows.length}`);
    const rate = rows.length / seconds;
    const backendCores = cpu.cores(after.benchBackends);
    log(
      `raw ${label}: ${rows.length.toLocaleString('en-US')} rows in ${seconds.toFixed(2)} s = ${Math.round(rate)} rows/s; Postgres backend ${backendCores.toFixed(2)} cores, machine busy ${cpu.machineBusyCores?.toFixed(2)} cores`,
    );
    return { rate, backendCpuMsPerThousand: round(((backendCores * cpu.wallSeconds) / rows.length) * 1_000_000, 0) };
  };
  const multirow = await rawRun('multi-row INSERT', () => runInserts(db, inserts));
  const copy = await rawRun('COPY', () => copyInto(db, 'bench_raw.records', RECORD_COLUMNS, copyText));
  figures.raw_multirow_insert_records_per_s = round(multirow.rate, 0);
  figures.raw_copy_records_per_s = round(copy.rate, 0);
  figures.raw_insert_records_per_s = round(Math.max(multirow.rate, copy.rate), 0);

  // --- batch intake over HTTP ------------------------------------------------------------------
  await checkpoint(db, notes);
  const metricsBefore = await scrapeMetrics(`${intake.url}/metrics`).catch(() => undefined);
  const cpuBefore = await cpuSample(db, environment.databaseName, watched);
  const batchStartUs = monotonicUs();
  log(`batch: ${batchCount} batches of ${P.batchSize} at concurrency ${P.concurrency}…`);
  const batch = await postBatches(intake, key, batchBodies, P.concurrency, context, (done) => {
    if (done % 50 === 0) log(`batch: ${done}/${batchCount}`);
  });
  phaseWindows.batch = [batchStartUs, monotonicUs()];
  const cpuAfter = await cpuSample(db, environment.databaseName, watched);
  const outboxAtEnd = await outboxCount(db);
  const metricsAfter = await scrapeMetrics(`${intake.url}/metrics`).catch(() => undefined);
  const memory = intakePid === undefined ? undefined : processMemory(intakePid);
  log(
    `batch: ${P.records.toLocaleString('en-US')} records in ${batch.seconds.toFixed(1)} s = ${Math.round(batch.recordsPerSecond)} records/s; batch p50 ${batch.p50.toFixed(0)} ms, p99 ${batch.p99.toFixed(0)} ms; ${outboxAtEnd} outbox rows left`,
  );

  figures.records_per_s = round(batch.recordsPerSecond, 0);
  figures.ratio_vs_raw_insert = round(batch.recordsPerSecond / figures.raw_insert_records_per_s, 3);
  figures.batch_p50_ms = round(batch.p50, 1);
  figures.batch_p99_ms = round(batch.p99, 1);
  figures.batch_max_ms = round(batch.max, 1);
  figures.batch_items_not_201 = batch.itemsNot201;

  // Where the CPU went during the batch phase.
  Object.assign(figures, cpuFigures('batch', cpuBefore, cpuAfter, watched, P.records / 1000, '1000_records'));
  figures.raw_multirow_insert_postgres_backend_cpu_ms_per_1000_records = multirow.backendCpuMsPerThousand;
  figures.raw_copy_postgres_backend_cpu_ms_per_1000_records = copy.backendCpuMsPerThousand;
  if (metricsBefore && metricsAfter) {
    const delta = (name: string, ...labels: string[]) =>
      metricSum(metricsAfter, name, ...labels) - metricSum(metricsBefore, name, ...labels);
    const gcSeconds = delta('nodejs_gc_duration_seconds_sum');
    figures.batch_intake_gc_share_of_wall = round(gcSeconds / batch.seconds, 3);
    const served = delta('crosscheck_http_request_seconds_count', 'route="/v1/records/batch"');
    if (served > 0)
      figures.batch_server_mean_ms = round(
        (delta('crosscheck_http_request_seconds_sum', 'route="/v1/records/batch"') / served) * 1000,
        1,
      );
  }
  if (memory) {
    figures.intake_rss_mib = round(memory.rssBytes / 2 ** 20, 0);
    figures.intake_peak_rss_mib = round(memory.peakRssBytes / 2 ** 20, 0);
  }

  // --- outbox drain ----------------------------------------------------------------------------
  const drainStarted = performance.now();
  await waitForOutboxDrained(db, context, environment.kafkaBrokers, 10 * 60_000);
  figures.outbox_drain_s = round(outboxAtEnd === 0 ? 0 : (performance.now() - drainStarted) / 1000, 2);
  figures.outbox_rows_left_after_batch = outboxAtEnd;
  log(`outbox: ${outboxAtEnd} rows left when the last batch was answered, drained ${figures.outbox_drain_s} s later`);

  // --- single records at a steady rate ---------------------------------------------------------
  if (P.single) {
    await checkpoint(db, notes);
    // Bounded in time as well as in count: whatever is still open after the phase limit is abandoned (and counted as failed).
    const phaseLimit = AbortSignal.any([context.signal, AbortSignal.timeout(P.phaseTimeoutMs)]);
    const send = (body: string) => postSingle(intake, key, body, phaseLimit);
    log(`single: warming up, ${singleWarmup} requests at ${P.singleRate}/s…`);
    await openLoop(singleBodies.slice(0, singleWarmup), P.singleRate, P.singleMaxInFlight, send, phaseLimit);
    await waitForOutboxDrained(db, context, environment.kafkaBrokers);
    log(`single: ${singleCount} requests at ${P.singleRate}/s (open loop, at most ${P.singleMaxInFlight} in flight)…`);
    const singleCpuBefore = await cpuSample(db, environment.databaseName, watched);
    const singleStartUs = monotonicUs();
    const single = await openLoop(
      singleBodies.slice(singleWarmup),
      P.singleRate,
      P.singleMaxInFlight,
      send,
      phaseLimit,
    );
    phaseWindows.single = [singleStartUs, monotonicUs()];
    const singleCpuAfter = await cpuSample(db, environment.databaseName, watched);
    figures.single_post_p50_ms = round(percentile(single.latencies, 50), 1);
    figures.single_post_p95_ms = round(percentile(single.latencies, 95), 1);
    figures.single_post_p99_ms = round(percentile(single.latencies, 99), 1);
    figures.single_post_max_ms = round(Math.max(...single.latencies), 1);
    figures.single_post_service_p99_ms = round(percentile(single.serviceTimes, 99), 1);
    figures.single_post_rate_per_s = round(single.achievedRate, 1);
    figures.single_post_failures = single.failures.length;
    figures.single_post_requests = singleCount;
    Object.assign(figures, cpuFigures('single', singleCpuBefore, singleCpuAfter, watched, singleCount, 'request'));
    log(
      `single: p50 ${figures.single_post_p50_ms} ms, p95 ${figures.single_post_p95_ms} ms, p99 ${figures.single_post_p99_ms} ms at ${figures.single_post_rate_per_s}/s, ${single.failures.length} failures`,
    );
    if (single.failures.length > 0) notes.push(`single-record failures (first): ${single.failures[0]}`);
  }

  // --- the raw rows are intake's rows ----------------------------------------------------------
  const {
    rows: [check],
  } = await db.query(`
    SELECT count(*) AS intake_rows,
           count(*) FILTER (WHERE r.content = i.content AND r.content_hash = i.content_hash AND r.dissemination = i.dissemination
                              AND r.kind = i.kind AND r.version = i.version AND r.identifier_normalized IS NOT DISTINCT FROM i.identifier_normalized) AS same
      FROM intake.records i JOIN bench_raw.records r USING (owner, external_ref)`);
  notes.push(
    `raw baseline rows equal to intake's stored rows (content, content_hash, dissemination, kind, version, identifier): ${check.same} of ${check.intake_rows}` +
      (Number(check.same) === P.records ? '' : ' — MISMATCH: the baseline does not insert what intake inserts'),
  );
  if (batch.failures.length > 0) notes.push(`batch failures (first): ${batch.failures[0]}`);

  if (P.cpuProf) {
    await intake.stop(); // the profile is written at exit
    const file = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no profile in ${profileDir}`);
    const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8'));
    fs.writeFileSync(path.join(profileDir, 'phases.json'), JSON.stringify(phaseWindows, null, 2));
    const inclusive = [
      'plainToInstance',
      'validate',
      'prepareContent',
      'insertMany',
      'findByExternalRefs',
      'received',
      'enqueue',
      'toSharedRecord',
      'encodeMessage',
      'canonicalJson',
      'controlCharacterPath',
      'nestingDepthExceeds',
      'jsonParser',
      'parse',
      'stringify',
      'append',
      'findKey',
      'query',
    ];
    for (const [phase, [fromUs, toUs]] of Object.entries(phaseWindows)) {
      const summary = `${formatBuckets(bucketize(profile, INTAKE_BUCKETS, { fromUs, toUs }))}\n\n${formatSummary(summarizeProfile(profile, { fromUs, toUs, top: 30, inclusive }))}`;
      fs.writeFileSync(path.join(profileDir, `${phase}.txt`), `${summary}\n`);
      log(
        `profile of intake during the ${phase} phase (${path.relative(process.cwd(), path.join(profileDir, `${phase}.txt`))}):\n${summary}\n`,
      );
    }
    log(`profile: ${path.relative(process.cwd(), path.join(profileDir, file))}; phases (monotonic µs) in phases.json`);
  }

  // --- report ----------------------------------------------------------------------------------
  const goals: Record<string, Goal> = {
    records_per_s: { target: `records_per_s >= ${GOALS.recordsPerS}`, met: figures.records_per_s >= GOALS.recordsPerS },
    ratio_vs_raw_insert: {
      target: `ratio_vs_raw_insert >= ${GOALS.ratioVsRaw}`,
      met: figures.ratio_vs_raw_insert >= GOALS.ratioVsRaw,
    },
    single_post_p99_ms: {
      target: `single_post_p99_ms < ${GOALS.singleP99Ms} at ${P.singleRate} records/s`,
      met: P.single && figures.single_post_p99_ms < GOALS.singleP99Ms && figures.single_post_failures === 0,
    },
    all_items_accepted: {
      target: 'every batch item 201 and every single POST 201',
      met: batch.itemsNot201 === 0 && (figures.single_post_failures ?? 0) === 0,
    },
  };
  notes.push(
    `Batch phase: ${P.records} person records, ${batchCount} POST /v1/records/batch of ${P.batchSize}, ${P.concurrency} in flight, Node fetch (undici) keep-alive; ` +
      `records_per_s is records over the phase's wall time (first send to last answer read); batch_*_ms per request, p99 of ${batchCount} requests.`,
    `Intake writes, per batch, the records (INSERT … ON CONFLICT DO NOTHING RETURNING every column), one outbox row per record with the protobuf event, ` +
      `an audit line, and looks the API key up; the raw baseline writes the records table only, with no RETURNING: ` +
      `multi-row INSERT (${inserts.length} statements of up to ${inserts[0].rows} rows, each its own transaction) and one COPY FROM STDIN.`,
    `Order: warm-up and concurrency probe (${P.probe ? probeCount * P.batchSize : 2 * P.batchSize} records, not in the figures), raw multi-row INSERT, raw COPY, batch phase, outbox drain, single-record phase; CHECKPOINT before each timed phase. ` +
      `The probe's records are in intake's table before the batch phase; the raw table starts empty. ` +
      `probe_concurrency_* are over ${P.probeBatches[1]}–${P.probeBatches[4]} batches each and leave out the outbox relay catching up afterwards: indicative only.`,
    `Single-record phase: open loop at ${P.singleRate}/s for ${P.singleSeconds} s after a ${P.singleWarmupSeconds} s warm-up, at most ${P.singleMaxInFlight} in flight; ` +
      `single_post_*_ms counted from each request's scheduled send time (includes any client-side delay), single_post_service_p99_ms from its actual send.`,
    `CPU figures from /proc over the batch (batch_*) and single-record (single_*) phases, in average CPUs busy: *_postgres_backends_* are the backends connected to the bench database, ` +
      `*_postgres_all_* every postgres process (WAL writer, checkpointer, other databases), *_kafka_* the broker if this run started it, *_bench_client_* this process; ` +
      `*_machine_busy_cores is everyone's load on the shared machine and *_other_processes_* what none of those account for (other users' tests). ` +
      `Intake's JavaScript runs on one thread: *_intake_cpu_cores cannot go much above 1.`,
    `Postgres ${(await db.query('SHOW server_version')).rows[0].server_version}, fsync ${(await db.query('SHOW fsync')).rows[0].fsync}, synchronous_commit ${(await db.query('SHOW synchronous_commit')).rows[0].synchronous_commit}; no span export (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT unset), intake LOG_LEVEL warn; ` +
      `Kafka ${P.ownKafka ? `started for this run on ${environment.kafkaBrokers} (--own-kafka)` : `at ${environment.kafkaBrokers}${watched.kafka ? ', started for this run' : ', reused'}`}.`,
  );

  if (P.cpuProf) {
    log('profiled run: figures below are inflated by the profiler and are not written to bench/results');
    printReport({
      name: P.reportName,
      date: startedAt.toISOString(),
      machine,
      parameters: P,
      figures,
      goals: {},
      goal_targets: {},
      notes,
    });
    return;
  }
  const { file, report } = writeReport({
    name: P.reportName,
    machine,
    startedAt,
    parameters: {
      records: P.records,
      batch_size: P.batchSize,
      concurrency: P.concurrency,
      probe_batches: P.probe ? P.probeBatches : null,
      single_rate_per_s: P.singleRate,
      single_seconds: P.singleSeconds,
      single_warmup_seconds: P.singleWarmupSeconds,
      single_max_in_flight: P.singleMaxInFlight,
      raw_rows_per_insert: inserts[0].rows,
      seed: P.seed,
      bytes_per_record: Math.round(bodyBytes / P.records),
    },
    figures,
    goals,
    notes,
  });
  printReport(report);
  log(`report: ${path.relative(process.cwd(), file)}`);
  if (!goals.all_items_accepted.met) throw new Error('some requests were not accepted; see the notes in the report');
});

// --- HTTP ------------------------------------------------------------------------------------------

interface BatchRun {
  seconds: number;
  recordsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  itemsNot201: number;
  failures: string[];
}

/** POSTs each body to /v1/records/batch, `concurrency` at a time; every item must be answered 201 created. */
async function postBatches(
  intake: ServiceProcess,
  key: string,
  bodies: string[],
  concurrency: number,
  context: BenchContext,
  progress?: (done: number) => void,
): Promise<BatchRun> {
  const latencies: number[] = [];
  const failures: string[] = [];
  let records = 0;
  let itemsNot201 = 0;
  let next = 0;
  let done = 0;
  const deadline = AbortSignal.any([context.signal, AbortSignal.timeout(P.phaseTimeoutMs)]);
  const t0 = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      deadline.throwIfAborted();
      const index = next++;
      const sent = performance.now();
      const response = await fetch(`${intake.url}/v1/records/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: bodies[index],
        signal: AbortSignal.any([deadline, AbortSignal.timeout(P.requestTimeoutMs)]),
      });
      const text = await response.text();
      latencies.push(performance.now() - sent);
      if (response.status !== 200) {
        failures.push(`batch ${index}: ${response.status} ${text.slice(0, 300)}`);
        itemsNot201 += P.batchSize;
        continue;
      }
      const results = (JSON.parse(text) as { results: { status: number; outcome?: string; error?: unknown }[] })
        .results;
      records += results.length;
      for (const result of results) {
        if (result.status === 201 && result.outcome === 'created') continue;
        itemsNot201++;
        if (failures.length < 5) failures.push(`batch ${index}: item ${JSON.stringify(result).slice(0, 300)}`);
      }
      progress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return {
    seconds,
    recordsPerSecond: records / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    itemsNot201,
    failures,
  };
}

async function postSingle(intake: ServiceProcess, key: string, body: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${intake.url}/v1/records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body,
    signal: AbortSignal.any([signal, AbortSignal.timeout(P.requestTimeoutMs)]),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`${response.status} ${text.slice(0, 300)}`);
}

interface OpenLoopRun {
  latencies: number[];
  serviceTimes: number[];
  achievedRate: number;
  failures: string[];
}

/**
 * Sends request i at start + i/rate, whether or not earlier ones are answered
 * (at most `maxInFlight` at once; beyond that they queue, and the wait counts).
 * Latency is from the scheduled time to the answer read.
 */
function openLoop(
  bodies: string[],
  rate: number,
  maxInFlight: number,
  send: (body: string) => Promise<void>,
  signal: AbortSignal,
): Promise<OpenLoopRun> {
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  const latencies: number[] = [];
  const serviceTimes: number[] = [];
  const failures: string[] = [];
  const queue: number[] = [];
  let inFlight = 0;
  let next = 0;
  let settled = 0;
  let lastDone = start;
  return new Promise((resolve, reject) => {
    const launch = (i: number) => {
      inFlight++;
      const scheduled = start + i * interval;
      const sent = performance.now();
      send(bodies[i])
        .then(
          () => {
            const now = performance.now();
            latencies.push(now - scheduled);
            serviceTimes.push(now - sent);
          },
          (error: Error) => failures.push(`request ${i}: ${error.message}`),
        )
        .finally(() => {
          inFlight--;
          settled++;
          lastDone = performance.now();
          if (queue.length > 0) launch(queue.shift()!);
          if (settled === bodies.length)
            resolve({
              latencies,
              serviceTimes,
              achievedRate: latencies.length / ((lastDone - start) / 1000),
              failures,
            });
        });
    };
    const tick = () => {
      if (signal.aborted) return reject(signal.reason);
      const now = performance.now();
      for (; next < bodies.length && start + next * interval <= now; next++) {
        if (inFlight < maxInFlight) launch(next);
        else queue.push(next);
      }
      if (next < bodies.length) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, 20);
  });
}

// --- Postgres ----------------------------------------------------------------------------------------

async function outboxCount(db: Client): Promise<number> {
  return Number((await db.query('SELECT count(*) AS n FROM intake.outbox')).rows[0].n);
}

async function waitForOutboxDrained(
  db: Client,
  context: BenchContext,
  kafkaBrokers: string,
  timeoutMs = 5 * 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = Number.POSITIVE_INFINITY;
  let progressAt = Date.now();
  for (;;) {
    context.signal.throwIfAborted();
    const left = await outboxCount(db);
    if (left === 0) return;
    if (left < last) [last, progressAt] = [left, Date.now()];
    if (Date.now() - progressAt > 15_000 && !(await answersAsKafka(kafkaBrokers, 3_000))) {
      throw new Error(
        `the Kafka broker at ${kafkaBrokers} stopped answering with ${left} outbox rows unpublished (a reused broker is stopped by whoever started it; try --own-kafka)`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(
        `the outbox still holds ${left} rows after ${timeoutMs / 1000} s: is the relay publishing? (see intake's log)`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Flushes dirty pages so that a timed phase does not pay for the previous one's checkpoint. */
async function checkpoint(db: Client, notes: string[]): Promise<void> {
  try {
    await db.query('CHECKPOINT');
  } catch (error) {
    const note = `CHECKPOINT not allowed (${(error as Error).message}): phases may pay for each other's writes`;
    if (!notes.includes(note)) notes.push(note);
  }
}

interface Watched {
  intake?: number;
  kafka?: number;
}

type Sample = CpuSnapshot & { postgres: number[]; benchBackends: number[] };

/** CPU of intake, Kafka (if started here), every postgres process, and the backends connected to the bench database (this one's included). */
async function cpuSample(db: Client, databaseName: string, watched: Watched): Promise<Sample> {
  const benchBackends = (
    await db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [databaseName])
  ).rows.map((row) => Number(row.pid));
  const postgres = processesNamed('postgres');
  const mine = [watched.intake, watched.kafka].filter((pid): pid is number => pid !== undefined);
  return { ...cpuSnapshot(new Set([...mine, ...postgres, ...benchBackends])), postgres, benchBackends };
}

/**
 * `<phase>_<who>_cpu_cores` (average CPUs used) for intake, the bench database's Postgres backends,
 * all of Postgres, Kafka (when started here), this client, the machine, and everything else on it;
 * and CPU ms per unit of work for intake and the backends.
 */
function cpuFigures(
  phase: string,
  before: Sample,
  after: Sample,
  watched: Watched,
  units: number,
  unit: string,
): Record<string, number> {
  const cpu = cpuBetween(before, after);
  const perUnit = (cores: number) => round((cores * cpu.wallSeconds * 1000) / units, 2);
  const out: Record<string, number> = {};
  let accounted = cpu.selfCores + cpu.cores(after.postgres);
  if (watched.intake !== undefined) {
    const cores = cpu.cores([watched.intake]);
    accounted += cores;
    out[`${phase}_intake_cpu_cores`] = round(cores, 2);
    out[`${phase}_intake_cpu_ms_per_${unit}`] = perUnit(cores);
  }
  out[`${phase}_postgres_backends_cpu_cores`] = round(cpu.cores(after.benchBackends), 2);
  out[`${phase}_postgres_backends_cpu_ms_per_${unit}`] = perUnit(cpu.cores(after.benchBackends));
  out[`${phase}_postgres_all_cpu_cores`] = round(cpu.cores(after.postgres), 2);
  if (watched.kafka !== undefined) {
    const cores = cpu.cores([watched.kafka]);
    accounted += cores;
    out[`${phase}_kafka_cpu_cores`] = round(cores, 2);
  }
  out[`${phase}_bench_client_cpu_cores`] = round(cpu.selfCores, 2);
  if (cpu.machineBusyCores !== undefined) {
    out[`${phase}_machine_busy_cores`] = round(cpu.machineBusyCores, 2);
    out[`${phase}_other_processes_cpu_cores`] = round(Math.max(0, cpu.machineBusyCores - accounted), 2);
  }
  return out;
}

/** Compares the indexes of bench_raw.records with intake.records; a note when they differ. */
async function compareIndexes(db: Client): Promise<string | undefined> {
  const definitions = async (schema: string) =>
    (
      await db.query(
        `SELECT regexp_replace(indexdef, '^.* USING ', '') AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = 'records' ORDER BY 1`,
        [schema],
      )
    ).rows.map((row) => row.def as string);
  const [intake, raw] = await Promise.all([definitions('intake'), definitions('bench_raw')]);
  log(`raw: bench_raw.records has intake's ${intake.length} indexes: ${intake.join('; ')}`);
  return JSON.stringify(intake) === JSON.stringify(raw)
    ? undefined
    : `bench_raw.records indexes differ from intake.records: ${JSON.stringify(raw)} vs ${JSON.stringify(intake)}`;
}

/** The row intake would insert for this record (see records.repository.ts insertMany and record-content.ts). */
function rawRow(record: PersonRecord, now: number): SqlValue[] {
  const { externalRef, ...content } = record;
  const reportedAt = content.reportedAt ? new Date(content.reportedAt) : new Date(now);
  const expiresAt = content.expiresAt ? new Date(content.expiresAt) : new Date(now + RETENTION_DAYS * DAY_MS);
  return [
    randomUUID(),
    P.agency,
    externalRef,
    content.kind,
    1,
    JSON.stringify(content),
    createHash('sha256').update(canonicalJson(content)).digest('hex'),
    JSON.stringify(content.dissemination),
    null, // identifier_normalized: none for a person record
    reportedAt.toISOString(),
    expiresAt.toISOString(),
  ];
}

/** record-content.ts's canonical JSON (keys sorted, undefined left out), for the same content_hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, v]) => `${JSON.stringify(key)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
