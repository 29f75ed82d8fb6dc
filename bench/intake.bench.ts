/**
 * `npm run bench:intake`: sustained batch intake over HTTP against a plain
 * bulk insert of the same rows, and single-record latency at a steady rate.
 *
 * Phases: the person records are generated (seeded; not timed); intake starts
 * on a fresh database and topic prefix; a warm-up, then batch throughput
 * probed at 1, 2 and 4 concurrent requests on a few batches; the raw
 * baseline: the same rows, built in memory first, into a copy of intake's
 * `records` table (columns and indexes) in the benchmark's own schema
 * `bench_raw`, by multi-row INSERT and by COPY FROM STDIN (the faster is the
 * baseline); every record POSTed to /v1/records/batch, N per request, C at a
 * time (every item must come back 201; records/s, per-request latency, where
 * the CPU went); the outbox draining to Kafka after that; single records
 * POSTed to /v1/records by the open-loop driver at a steady rate.
 *
 * Options: --records N (200000) --batch N (1000) --concurrency N (2)
 *   --single-rate N (200) --single-seconds S (17.5) --no-probe --no-single
 *   --raw-rows-per-insert N (most the 65,535-parameter limit allows)
 *   --report NAME (intake) --cpu-prof (intake writes a .cpuprofile, for Chrome DevTools
 *   or speedscope; figures are then not representative and no report is written)
 *   --own-kafka (a private broker on 19192 rather than the shared one on 19092, which
 *   another test run may stop mid-benchmark on a shared machine)
 */
import { randomUUID } from 'node:crypto';
import { Agencies, type ServiceProcess } from '@crosscheck/infra';
import type { Client } from 'pg';
import { prepareContent } from '../apps/intake/src/model/record-content';
import type { RecordContent } from '../apps/intake/src/model/record';
import { checkpoint, postgresSettings } from './lib/database';
import { log, openBenchEnvironment, QUIET_SERVICE, runBenchmark, type BenchContext } from './lib/environment';
import { cpuProfile } from './lib/cpu-profile';
import { postJson } from './lib/http';
import { closedLoop, openLoop } from './lib/open-loop';
import { benchOptions } from './lib/options';
import { personRecords, type PersonRecordBody } from './lib/persons';
import { outboxRows, waitForOutboxDrained } from './lib/pipeline-progress';
import {
  cpuFigures,
  cpuSample,
  kafkaPid,
  memoryWatch,
  metricsWindow,
  servicePid,
  type CpuWatch,
} from './lib/process-stats';
import { copyInto, prepareCopyText, prepareMultiRowInserts, runInserts, type SqlValue } from './lib/raw-insert';
import type { Goal } from './lib/report';
import { latencyFigures, percentile, round, summarize } from './lib/stats';

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
const RETENTION_DAYS = 1825; // intake's RECORD_RETENTION_DAYS default

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

void runBenchmark(['intake'], async (context) => {
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const { signal } = context;

  const data = await context.phase('generate the records (not timed)', async () => {
    const batchCount = Math.ceil(P.records / P.batchSize);
    const records = personRecords({ seed: P.seed, prefix: 'B', count: P.records });
    const probeCount = P.probe ? P.probeBatches.warmup + P.probeBatches[1] + P.probeBatches[2] + P.probeBatches[4] : 2;
    const singleWarmup = Math.round(P.singleRate * P.singleWarmupSeconds);
    const singleCount = Math.round(P.singleRate * P.singleSeconds);
    const batchBodies = Array.from({ length: batchCount }, (_, i) =>
      JSON.stringify(records.slice(i * P.batchSize, (i + 1) * P.batchSize)),
    );
    const bodyBytes = batchBodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
    log(
      `${batchCount} batches, ${(bodyBytes / 2 ** 20).toFixed(0)} MiB of JSON, ${Math.round(bodyBytes / P.records)} bytes/record`,
    );
    return {
      records,
      batchBodies,
      bodyBytes,
      probeBodies: Array.from({ length: probeCount }, (_, i) =>
        JSON.stringify(personRecords({ seed: P.seed, prefix: 'W', start: i * P.batchSize, count: P.batchSize })),
      ),
      singleWarmup,
      singleCount,
      singleBodies: P.single
        ? personRecords({ seed: P.seed, prefix: 'S', count: singleWarmup + singleCount }).map((record) =>
            JSON.stringify(record),
          )
        : [],
    };
  });

  const environment = await openBenchEnvironment('intake', context, { ownKafka: P.ownKafka });
  const profile = cpuProfile('intake', environment.id, P.cpuProf);
  const intake = await environment.startService('intake', {
    ...QUIET_SERVICE,
    NODE_OPTIONS: profile.nodeOptions,
  });
  const intakePid = servicePid('intake');
  if (intakePid === undefined) notes.push('intake process not found in /proc: no RSS or per-process CPU figures');
  const db = await environment.connect();
  const watch: CpuWatch = {
    processes: { intake: intakePid, kafka: kafkaPid() },
    database: { db, name: environment.databaseName },
  };
  const key = await new Agencies(environment.databaseUrl, () => intake.url).key(P.agency);
  const drained = () =>
    waitForOutboxDrained(db, 'intake', signal, { stallMs: 15_000, kafkaBrokers: environment.kafkaBrokers });
  const post = (bodies: string[], concurrency: number, progress?: (done: number) => void) =>
    postBatches(intake, key, bodies, concurrency, signal, progress);

  await context.phase('warm-up and concurrency probe', async () => {
    let next = 0;
    const probe = async (concurrency: number, batches: number) => {
      const run = await post(data.probeBodies.slice(next, (next += batches)), concurrency);
      if (run.failures.length > 0) throw new Error(`probe at concurrency ${concurrency}: ${run.failures[0]}`);
      return run;
    };
    if (!P.probe) return void (await probe(1, 2));
    await probe(2, P.probeBatches.warmup);
    for (const concurrency of [1, 2, 4] as const) {
      await drained();
      const run = await probe(concurrency, P.probeBatches[concurrency]);
      figures[`probe_concurrency_${concurrency}_records_per_s`] = round(run.recordsPerSecond, 0);
      log(
        `probe: concurrency ${concurrency}: ${Math.round(run.recordsPerSecond)} records/s, batch p50 ${run.p50.toFixed(0)} ms`,
      );
    }
  });
  await drained();

  const raw = await context.phase('raw baseline: multi-row INSERT and COPY', async () => {
    await db.query('CREATE SCHEMA bench_raw');
    // LIKE ... INCLUDING ALL copies the columns, defaults, constraints and every index intake's migrations made.
    await db.query(
      'CREATE TABLE bench_raw.records (LIKE intake.records INCLUDING ALL) WITH (autovacuum_enabled = false)',
    );
    const shape = await compareIndexes(db);
    if (shape) notes.push(shape);
    const rows = data.records.map((record) => rawRow(record));
    const inserts = prepareMultiRowInserts('bench_raw.records', RECORD_COLUMNS, rows, P.rawRowsPerInsert);
    const copyText = prepareCopyText(rows);
    const rawRun = async (label: string, run: () => Promise<number>) => {
      await db.query('TRUNCATE bench_raw.records');
      await checkpoint(db, notes);
      const before = await cpuSample(watch);
      const started = performance.now();
      const inserted = await run();
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuFigures('', before, await cpuSample(watch), watch, {
        units: rows.length / 1000,
        unit: '1000_records',
        of: ['postgres_backends'],
      });
      const count = Number((await db.query('SELECT count(*) AS n FROM bench_raw.records')).rows[0].n);
      if (inserted !== rows.length || count !== rows.length)
        throw new Error(`raw ${label}: ${inserted} inserted, ${count} in the table, expected ${rows.length}`);
      log(`raw ${label}: ${rows.length} rows in ${seconds.toFixed(2)} s = ${Math.round(rows.length / seconds)} rows/s`);
      return { rate: rows.length / seconds, backendCpuMs: cpu.postgres_backends_cpu_ms_per_1000_records };
    };
    const multirow = await rawRun('multi-row INSERT', () => runInserts(db, inserts));
    const copy = await rawRun('COPY', () => copyInto(db, 'bench_raw.records', RECORD_COLUMNS, copyText));
    figures.raw_multirow_insert_records_per_s = round(multirow.rate, 0);
    figures.raw_copy_records_per_s = round(copy.rate, 0);
    figures.raw_insert_records_per_s = round(Math.max(multirow.rate, copy.rate), 0);
    return { multirow, copy, statements: inserts.length, rowsPerInsert: inserts[0].rows };
  });

  const batch = await context.phase(
    `batch intake, ${P.batchSize} per request, ${P.concurrency} in flight`,
    async () => {
      await checkpoint(db, notes);
      const metricsChange = await metricsWindow(`${intake.url}/metrics`);
      const cpuBefore = await cpuSample(watch);
      const run = await post(data.batchBodies, P.concurrency, (done) => {
        if (done % 50 === 0) log(`batch: ${done}/${data.batchBodies.length}`);
      });
      Object.assign(
        figures,
        cpuFigures('batch_', cpuBefore, await cpuSample(watch), watch, {
          units: P.records / 1000,
          unit: '1000_records',
          of: ['intake', 'postgres_backends'],
        }),
      );
      const outboxAtEnd = await outboxRows(db, 'intake');
      const metrics = await metricsChange();
      figures.records_per_s = round(run.recordsPerSecond, 0);
      figures.ratio_vs_raw_insert = round(run.recordsPerSecond / figures.raw_insert_records_per_s, 3);
      figures.batch_p50_ms = round(run.p50, 1);
      figures.batch_p99_ms = round(run.p99, 1);
      figures.batch_max_ms = round(run.max, 1);
      figures.batch_items_not_201 = run.itemsNot201;
      figures.raw_multirow_insert_postgres_backend_cpu_ms_per_1000_records = raw.multirow.backendCpuMs;
      figures.raw_copy_postgres_backend_cpu_ms_per_1000_records = raw.copy.backendCpuMs;
      if (metrics) {
        figures.batch_intake_gc_share_of_wall = round(metrics.delta('nodejs_gc_duration_seconds_sum') / run.seconds, 3);
        const route = 'route="/v1/records/batch"';
        const served = metrics.delta('crosscheck_http_request_seconds_count', route);
        const servedSeconds = metrics.delta('crosscheck_http_request_seconds_sum', route);
        if (served > 0) figures.batch_server_mean_ms = round((servedSeconds / served) * 1000, 1);
      }
      const memory = memoryWatch(intakePid).now();
      if (memory) [figures.intake_rss_mib, figures.intake_peak_rss_mib] = [memory.rssMib, memory.peakMib];
      log(
        `batch: ${Math.round(run.recordsPerSecond)} records/s; batch p99 ${run.p99.toFixed(0)} ms; ${outboxAtEnd} outbox rows left`,
      );
      return { ...run, outboxAtEnd };
    },
  );

  await context.phase('outbox drain', async () => {
    const started = Date.now();
    const drainedAt = await waitForOutboxDrained(db, 'intake', signal, {
      stallMs: 60_000,
      kafkaBrokers: environment.kafkaBrokers,
    });
    figures.outbox_drain_s = round(batch.outboxAtEnd === 0 ? 0 : (drainedAt - started) / 1000, 2);
    figures.outbox_rows_left_after_batch = batch.outboxAtEnd;
  });

  if (P.single)
    await context.phase(`single records, open loop at ${P.singleRate}/s`, async () => {
      await checkpoint(db, notes);
      // Bounded in time as well as in count: whatever is still open after the phase limit is abandoned (and counted as failed).
      const limit = AbortSignal.any([signal, AbortSignal.timeout(P.phaseTimeoutMs)]);
      const send = (body: string) =>
        postJson(`${intake.url}/v1/records`, key, body, { expect: 201, signal: limit, timeoutMs: P.requestTimeoutMs });
      const { singleBodies, singleWarmup, singleCount } = data;
      await openLoop(singleBodies.slice(0, singleWarmup), P.singleRate, P.singleMaxInFlight, send, limit);
      await drained();
      const cpuBefore = await cpuSample(watch);
      const single = await openLoop(singleBodies.slice(singleWarmup), P.singleRate, P.singleMaxInFlight, send, limit);
      const cpu = cpuFigures('single_', cpuBefore, await cpuSample(watch), watch, {
        units: singleCount,
        unit: 'request',
        of: ['intake', 'postgres_backends'],
      });
      Object.assign(figures, latencyFigures('single_post', single.latencies));
      figures.single_post_service_p99_ms = round(percentile(single.serviceTimes, 99), 1);
      figures.single_post_rate_per_s = round(single.achievedRate, 1);
      figures.single_post_failures = single.failures.length;
      figures.single_post_requests = singleCount;
      Object.assign(figures, cpu);
      if (single.failures.length > 0) notes.push(`single-record failures (first): ${single.failures[0]}`);
    });

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
  await profile.written(() => intake.stop());

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
    `Batch phase: ${P.records} person records (test/data/generator), ${data.batchBodies.length} POST /v1/records/batch of ${P.batchSize}, ${P.concurrency} in flight, Node fetch (undici) keep-alive; ` +
      `records_per_s is records over the phase's wall time (first send to last answer read); batch_*_ms per request, p99 of ${data.batchBodies.length} requests.`,
    `Intake writes, per batch, the records (INSERT … ON CONFLICT DO NOTHING RETURNING every column), one outbox row per record with the protobuf event, ` +
      `an audit line, and looks the API key up; the raw baseline writes the records table only, with no RETURNING: ` +
      `multi-row INSERT (${raw.statements} statements of up to ${raw.rowsPerInsert} rows, each its own transaction) and one COPY FROM STDIN.`,
    `Order: warm-up and concurrency probe (${data.probeBodies.length * P.batchSize} records, not in the figures), raw multi-row INSERT, raw COPY, batch phase, outbox drain, single-record phase; CHECKPOINT before each timed phase. ` +
      `The probe's records are in intake's table before the batch phase; the raw table starts empty. ` +
      `probe_concurrency_* are over ${P.probeBatches[1]}–${P.probeBatches[4]} batches each and leave out the outbox relay catching up afterwards: indicative only.`,
    `Single-record phase: open loop at ${P.singleRate}/s for ${P.singleSeconds} s after a ${P.singleWarmupSeconds} s warm-up, at most ${P.singleMaxInFlight} in flight; ` +
      `single_post_*_ms counted from each request's scheduled send time (includes any client-side delay), single_post_service_p99_ms from its actual send.`,
    `CPU figures from /proc over the batch (batch_*) and single-record (single_*) phases, in average CPUs busy: *_postgres_backends_* are the backends connected to the bench database, ` +
      `*_postgres_all_* every postgres process (WAL writer, checkpointer, other databases), *_kafka_* the broker if this run started it, *_bench_client_* this process; ` +
      `*_machine_busy_cores is everyone's load on the shared machine and *_other_processes_* what none of those account for (other users' tests). ` +
      `Intake's JavaScript runs on one thread: *_intake_cpu_cores cannot go much above 1.`,
    `${await postgresSettings(db, 'server_version', 'fsync', 'synchronous_commit')}; no span export, intake LOG_LEVEL warn; ` +
      `Kafka ${P.ownKafka ? `started for this run on ${environment.kafkaBrokers} (--own-kafka)` : `at ${environment.kafkaBrokers}${watch.processes.kafka ? ', started for this run' : ', reused'}`}.`,
  );
  context.report(
    {
      name: P.reportName,
      parameters: {
        records: P.records,
        batch_size: P.batchSize,
        concurrency: P.concurrency,
        probe_batches: P.probe ? P.probeBatches : null,
        single_rate_per_s: P.singleRate,
        single_seconds: P.singleSeconds,
        single_warmup_seconds: P.singleWarmupSeconds,
        single_max_in_flight: P.singleMaxInFlight,
        raw_rows_per_insert: raw.rowsPerInsert,
        seed: P.seed,
        bytes_per_record: Math.round(data.bodyBytes / P.records),
      },
      figures,
      goals: P.cpuProf ? {} : goals,
      notes,
    },
    { write: !P.cpuProf },
  );
  if (!goals.all_items_accepted.met) throw new Error('some requests were not accepted; see the notes in the report');
});

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
  signal: BenchContext['signal'],
  progress?: (done: number) => void,
): Promise<BatchRun> {
  const failures: string[] = [];
  let records = 0;
  let itemsNot201 = 0;
  let done = 0;
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(P.phaseTimeoutMs)]);
  const post = async (body: string, index: number) => {
    const answer = await postJson<{ results: { status: number; outcome?: string }[] }>(
      `${intake.url}/v1/records/batch`,
      key,
      body,
      { signal: deadline, timeoutMs: P.requestTimeoutMs },
    ).catch((error: Error) => error);
    if (answer instanceof Error) {
      failures.push(`batch ${index}: ${answer.message}`);
      itemsNot201 += P.batchSize;
      return;
    }
    records += answer.results.length;
    for (const result of answer.results) {
      if (result.status === 201 && result.outcome === 'created') continue;
      itemsNot201++;
      if (failures.length < 5) failures.push(`batch ${index}: item ${JSON.stringify(result).slice(0, 300)}`);
    }
    progress?.(++done);
  };
  const { latencies, seconds } = await closedLoop(bodies, concurrency, post, deadline);
  const { p50, p99, max } = summarize(latencies);
  return { seconds, recordsPerSecond: records / seconds, p50, p99, max, itemsNot201, failures };
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
  return JSON.stringify(intake) === JSON.stringify(raw)
    ? undefined
    : `bench_raw.records indexes differ from intake.records: ${JSON.stringify(raw)} vs ${JSON.stringify(intake)}`;
}

/** The row intake would insert for this record: its content prepared by intake's own rules (hash, dates, identifier). */
function rawRow(record: PersonRecordBody): SqlValue[] {
  const { externalRef, ...content } = record;
  const prepared = prepareContent(content as unknown as RecordContent, RETENTION_DAYS);
  return [
    randomUUID(),
    P.agency,
    externalRef,
    content.kind,
    1,
    JSON.stringify(content),
    prepared.contentHash,
    JSON.stringify(content.dissemination),
    prepared.identifierNormalized,
    prepared.reportedAt.toISOString(),
    prepared.expiresAt.toISOString(),
  ];
}
