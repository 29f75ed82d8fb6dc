/**
 * `npm run bench:dedup`: dedup's sustained resolution throughput with a
 * million entities present (seeded through dedup's own seed module), time per
 * record, its memory and CPU, against its own Kafka consumer doing nothing
 * (the floor, bench/lib/kafka-floor.ts). The measured messages are corrupted
 * duplicates of seeded persons and new persons (test/data/generator),
 * produced as intake's relay publishes them before dedup starts consuming.
 * records_per_s = records / (all offsets committed − the first inbox claim);
 * time per record is the gap between the inbox claims of consecutive
 * transactions, shared among a transaction's records.
 *
 * Options: --entities N (1000000) --records N (20000) --duplicate-share F (0.5)
 *   --floor-runs N (3) --seed N (20261122) --chunk N (10000, persons per generator call)
 *   --report NAME (dedup) --own-kafka (a private broker on 19192)
 *   --batch-records N (32: dedup's DEDUP_BATCH_RECORDS; 1 resolves each record alone, the baseline of batching)
 *   --cpu-prof (dedup writes a .cpuprofile of the measured run; figures are then not
 *   representative and no report is written)
 */
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { deadLetterTopic, RecordReceivedSchema, Topics } from '@crosscheck/contracts';
import { TopicNames } from '@crosscheck/messaging';
import { SingleBar } from 'cli-progress';
import type { Client } from 'pg';
import { bulkSeedEntities } from '../apps/dedup/src/persistence/entities.seed';
import { Prng } from '../test/data/generator/prng';
import { newPersons, seedChunks, type MeasuredRecord } from './lib/dedup-dataset';
import { checkpoint, postgresSettings } from './lib/database';
import { log, openBenchEnvironment, QUIET_SERVICE, runBenchmark } from './lib/environment';
import { cpuProfile } from './lib/cpu-profile';
import { runKafkaFloor, type FloorResult } from './lib/kafka-floor';
import { benchOptions } from './lib/options';
import {
  inboxClaims,
  outboxRows,
  publishEvents,
  sumOf,
  topicEnd,
  waitForOutboxDrained,
  waitUntilCommitted,
} from './lib/pipeline-progress';
import { cpuFigures, cpuSample, memoryWatch, metricsWindow, servicePid, type CpuWatch } from './lib/process-stats';
import type { Goal } from './lib/report';
import { countBy, percentile, round, summarize } from './lib/stats';

const { flag, number: numberOption, string: stringOption } = benchOptions({ wholeNumbers: true });

const P = {
  entities: numberOption('entities', 1_000_000),
  records: numberOption('records', 20_000),
  duplicateShare: numberOption('duplicate-share', 0.5, { whole: false }),
  floorRuns: numberOption('floor-runs', 3),
  seed: numberOption('seed', 20261122),
  chunk: numberOption('chunk', 10_000),
  reportName: stringOption('report', 'dedup'),
  /** dedup's DEDUP_BATCH_RECORDS: records resolved per transaction (1: one at a time, the baseline of batching). */
  batchRecords: numberOption('batch-records', 32),
  ownKafka: flag('own-kafka'),
  cpuProf: flag('cpu-prof'),
  /** Without progress for this long, the run is given up. */
  stallMs: 120_000,
};
if (P.duplicateShare > 1) throw new Error('--duplicate-share is a share: at most 1');

const GOALS = { recordsPerS: 3_000, ratioVsFloor: 0.3 };

void runBenchmark(['dedup'], async (context) => {
  const runStarted = performance.now();
  const figures: Record<string, number> = {};
  const notes: string[] = [];
  const { signal } = context;

  const environment = await openBenchEnvironment('dedup', context, { ownKafka: P.ownKafka });
  const topics = new TopicNames(environment.topicPrefix);
  const receivedTopic = topics.physical(Topics.recordsReceived);
  const groupId = `${environment.topicPrefix}dedup`;
  const profile = cpuProfile('dedup', environment.id, P.cpuProf);
  const dedup = await environment.startService('dedup', {
    ...QUIET_SERVICE,
    DEDUP_BATCH_RECORDS: String(P.batchRecords),
    NODE_OPTIONS: profile.nodeOptions,
  });
  const idleMemory = memoryWatch(servicePid('dedup')).now();
  await dedup.stop(); // migrated; restarted once the messages wait for it
  const db = await environment.connect();
  const admin = await environment.kafkaAdmin();

  const duplicatesWanted = Math.round(P.records * P.duplicateShare);
  const measured: MeasuredRecord[] = [];
  const seeded = await context.phase(`seed ${P.entities} entities through dedup's seed module`, async () => {
    const bar = new SingleBar({
      format: '[bench] seeding {bar} {percentage}% | {value}/{total} entities, {keys} keys | {eta_formatted} left',
      noTTYOutput: true,
      notTTYSchedule: 15_000,
      etaBuffer: 50,
    });
    bar.start(P.entities, 0, { keys: 0 });
    const started = performance.now();
    const chunks = (function* () {
      for (const chunk of seedChunks({
        seed: P.seed,
        entities: P.entities,
        duplicates: duplicatesWanted,
        chunkSize: P.chunk,
      })) {
        measured.push(...chunk.duplicates);
        yield chunk;
      }
    })();
    const timings = await bulkSeedEntities(
      environment.databaseUrl,
      chunks,
      (members, keys) => bar.update(members, { keys }),
      signal,
    ).finally(() => bar.stop());
    return { ...timings, seconds: (performance.now() - started) / 1000 };
  });
  const databaseSize = (await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`)).rows[0]
    .size;

  const endOffsets = await context.phase(`produce ${P.records} RecordReceived`, async () => {
    measured.push(...newPersons((P.seed ^ 0x5eed5eed) >>> 0, P.records - measured.length));
    new Prng(P.seed).shuffle(measured);
    // As intake's outbox relay publishes them: RecordReceived keyed by record id.
    const events = measured.map(({ record }) => ({
      key: record.recordId,
      event: { record, receivedAt: timestampNow() },
    }));
    return publishEvents(environment.kafka, admin, receivedTopic, RecordReceivedSchema, events);
  });

  const floors = await context.phase(`Kafka floor, ${P.floorRuns} runs`, async () => {
    const runs: FloorRun[] = [];
    for (let run = 1; run <= P.floorRuns; run++) {
      const result = await runKafkaFloor({
        brokers: environment.kafkaBrokers,
        topicPrefix: environment.topicPrefix,
        groupId: `${environment.topicPrefix}floor-${run}`,
        messages: measured.length,
        signal,
      });
      if (result.handledAt.length !== measured.length)
        throw new Error(`the floor consumer handled ${result.handledAt.length} messages, expected ${measured.length}`);
      runs.push(floorRun(result));
      log(`Kafka floor run ${run}: ${Math.round(runs.at(-1)!.recordsPerSecond)} records/s`);
    }
    return runs;
  });
  const floor = [...floors].sort((a, b) => a.recordsPerSecond - b.recordsPerSecond)[Math.floor(floors.length / 2)];

  const run = await context.phase('dedup resolves the records', async () => {
    await checkpoint(db, notes);
    const restartAt = Date.now();
    await dedup.restart();
    const readyAt = Date.now();
    const dedupPid = servicePid('dedup');
    if (dedupPid === undefined) notes.push('dedup process not found in /proc: no RSS or CPU figures');
    const watch: CpuWatch = { processes: { dedup: dedupPid }, database: { db, name: environment.databaseName } };
    const cpuBefore = await cpuSample(watch);
    const started = performance.now();
    const metricsChange = await metricsWindow(`${dedup.url}/metrics`);
    const memory = memoryWatch(dedupPid);
    const committedAt = await waitUntilCommitted(admin, { groupId, topic: receivedTopic, end: endOffsets }, signal, {
      stallMs: P.stallMs,
      progress: (done, of) => {
        memory.sample();
        log(`dedup: ${done}/${of} committed`);
      },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    Object.assign(
      figures,
      cpuFigures('', cpuBefore, await cpuSample(watch), watch, {
        units: measured.length,
        unit: 'record',
        of: ['dedup', 'postgres_backends'],
      }),
    );
    const metrics = await metricsChange();
    if (metrics) {
      const topic = `topic="${Topics.recordsReceived}"`;
      const handled = metrics.delta('crosscheck_message_handler_seconds_count', topic);
      const handling = metrics.delta('crosscheck_message_handler_seconds_sum', topic);
      if (handled > 0) {
        figures.handler_mean_ms = round((handling / handled) * 1000, 3);
        figures.handler_p99_ms_bucket_bound =
          metrics.quantile('crosscheck_message_handler_seconds', topic, 0.99) * 1000;
      }
      figures.dedup_gc_share_of_run = round(metrics.delta('nodejs_gc_duration_seconds_sum') / wallSeconds, 3);
    }
    const after = memory.now();
    if (after) [figures.dedup_rss_mib_after_run, figures.dedup_peak_rss_mib] = [after.rssMib, after.peakMib];
    return { restartAt, readyAt, committedAt };
  });

  const claims = await inboxClaims(db, 'dedup', groupId, Topics.recordsReceived, measured.length);
  const outboxLeft = await outboxRows(db, 'dedup');
  const drainedAt = await context.phase("dedup's outbox drains", () =>
    waitForOutboxDrained(db, 'dedup', signal, { stallMs: P.stallMs }),
  );
  const deadLettered = sumOf(await topicEnd(admin, topics.physical(deadLetterTopic(Topics.recordsReceived))));

  const seconds = (run.committedAt - claims[0]) / 1000;
  const batches = batchesOf(claims);
  const perRecord = summarize(
    batches
      .slice(0, -1)
      .flatMap((batch, i) => Array<number>(batch.size).fill((batches[i + 1].at - batch.at) / batch.size)),
  );
  const batchGaps = summarize(batches.slice(1).map((batch, i) => batch.at - batches[i].at));
  const outcome = await decisions(db, measured);
  Object.assign(figures, {
    entities_seeded: seeded.members,
    blocking_keys_seeded: seeded.keys,
    records: measured.length,
    records_per_s: round(measured.length / seconds, 0),
    kafka_floor_records_per_s: round(floor.recordsPerSecond, 0),
    ratio_vs_kafka_floor: round(measured.length / seconds / floor.recordsPerSecond, 3),
    per_record_p50_ms: round(perRecord.p50, 3),
    per_record_p95_ms: round(perRecord.p95, 3),
    per_record_p99_ms: round(perRecord.p99, 3),
    per_record_max_ms: round(perRecord.max, 1),
    batches: batches.length,
    batch_size_mean: round(measured.length / batches.length, 1),
    batch_size_max: Math.max(...batches.map((batch) => batch.size)),
    batch_gap_p50_ms: round(batchGaps.p50, 1),
    batch_gap_p99_ms: round(batchGaps.p99, 1),
    p99_ms: round(perRecord.p99, 3),
    resolve_seconds: round(seconds, 2),
    records_per_s_including_start: round(measured.length / ((run.committedAt - run.restartAt) / 1000), 0),
    dedup_start_to_ready_s: round((run.readyAt - run.restartAt) / 1000, 2),
  });
  for (const [role, share] of Object.entries(outcome.shares)) figures[role] = round(share, 4);
  for (const [decision, count] of Object.entries(outcome.decisions)) figures[`decision_${decision}_records`] = count;
  Object.assign(figures, {
    dead_lettered_records: deadLettered,
    resolved_events_published: sumOf(await topicEnd(admin, topics.physical(Topics.recordsResolved))),
    outbox_rows_left_at_last_commit: outboxLeft,
    outbox_drain_after_last_commit_s: round(Math.max(0, drainedAt - run.committedAt) / 1000, 2),
    kafka_floor_per_record_p50_ms: round(floor.p50Ms, 4),
    kafka_floor_per_record_p99_ms: round(floor.p99Ms, 4),
    kafka_floor_consumer_cpu_cores: round(floor.cpuCores, 2),
  });
  floors.forEach(
    (floorRun, i) => (figures[`kafka_floor_run_${i + 1}_records_per_s`] = round(floorRun.recordsPerSecond, 0)),
  );
  if (idleMemory) figures.dedup_rss_mib_idle = idleMemory.rssMib;
  Object.assign(figures, {
    seed_seconds: round(seeded.seconds, 0),
    seed_copy_seconds: round(seeded.copySeconds, 0),
    seed_index_seconds: round(seeded.indexSeconds, 0),
    seed_vacuum_seconds: round(seeded.vacuumSeconds, 0),
    total_run_minutes: round((performance.now() - runStarted) / 60_000, 1),
  });

  const goals: Record<string, Goal> = {
    records_per_s: { target: `records_per_s >= ${GOALS.recordsPerS}`, met: figures.records_per_s >= GOALS.recordsPerS },
    ratio_vs_kafka_floor: {
      target: `ratio_vs_kafka_floor >= ${GOALS.ratioVsFloor}`,
      met: figures.ratio_vs_kafka_floor >= GOALS.ratioVsFloor,
    },
    every_record_resolved: {
      target: 'every message claimed once and none dead-lettered',
      met: deadLettered === 0 && claims.length === measured.length,
    },
  };
  const settings = await postgresSettings(db, 'server_version', 'fsync', 'synchronous_commit', 'shared_buffers');
  notes.push(
    `Seeded: ${seeded.members} entities of one member each (persons from test/data/generator, seeds ${P.seed}… per chunk of ${P.chunk}), ` +
      `${seeded.keys} blocking keys, stored by dedup's seed module as dedup stores them; database ${databaseSize} after seeding. seed_* time the seeding; it is not part of the measured run.`,
    `Measured: ${measured.length} RecordReceived on ${Topics.recordsReceived} (3 partitions), produced before dedup starts consuming: ${duplicatesWanted} corrupted duplicates ` +
      `(test/data/generator corruptions) of seeded persons, ${measured.length - duplicatesWanted} new persons, shuffled.`,
    "records_per_s = records / (all offsets of dedup's group committed − the first record's inbox claim); the group's offsets are polled every 20 ms. " +
      `dedup resolves ${P.batchRecords} messages of a Kafka batch of one partition per transaction (DEDUP_BATCH_RECORDS; 1: each on its own), 3 partitions at a time; the messages of a transaction share their inbox claim ` +
      "(processed_at, the start of the transaction). per_record_*_ms (p99_ms): the gap from a batch's claim to the next one's, divided among its records: " +
      'all one record costs the consumer, including decoding, the transaction, fetches and offset commits. batch_gap_*_ms: the gaps themselves. handler_* come from crosscheck_message_handler_seconds on /metrics ' +
      '(handler_p99_ms_bucket_bound is the upper bound of the histogram bucket holding the 99th percentile).',
    `Kafka floor: libs/messaging's KafkaEventServer with MessagingSettings as dedup has them, in a process of its own with telemetry started as a service does, a handler that does ` +
      `nothing for both topics dedup consumes, on a fresh group over the same ${measured.length} messages; records / (last commit − first handler call); median of ${P.floorRuns} runs.`,
    `Memory: dedup_rss_mib_idle right after its first start (migrated, nothing to consume); dedup_rss_mib_after_run and dedup_peak_rss_mib (VmHWM, and RSS sampled while it consumed) of the process that resolved the records.`,
    `CPU figures are average cores busy between dedup being ready and the last commit: dedup, the Postgres backends of the bench database, all Postgres, this client, the machine, ` +
      `and other_processes_cpu_cores, what none of these account for (others' work on a shared machine). dedup's Node process is one thread: ` +
      `*_cpu_ms_per_record say what a record costs, whatever else the machine was doing.`,
    `${settings}, over TCP; dedup LOG_LEVEL warn, no span export; Kafka at ${environment.kafkaBrokers}.`,
  );
  await profile.written(() => dedup.stop());
  context.report(
    {
      name: P.reportName,
      parameters: {
        entities: P.entities,
        records: P.records,
        duplicate_share: P.duplicateShare,
        floor_runs: P.floorRuns,
        seed: P.seed,
        chunk: P.chunk,
        partitions: endOffsets.size,
      },
      figures,
      goals: P.cpuProf ? {} : goals,
      notes,
    },
    { write: !P.cpuProf },
  );
});

interface FloorRun {
  seconds: number;
  recordsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuCores: number;
}

function floorRun(result: FloorResult): FloorRun {
  const seconds = (result.lastCommitAt - result.handledAt[0]) / 1000;
  const gaps = result.handledAt.slice(1).map((at, i) => at - result.handledAt[i]);
  return {
    seconds,
    recordsPerSecond: result.handledAt.length / seconds,
    p50Ms: percentile(gaps, 50),
    p99Ms: percentile(gaps, 99),
    cpuCores: result.cpuSeconds / seconds,
  };
}

/** How the measured records were resolved: duplicates with their original's entity, new persons alone, and the decisions. */
async function decisions(
  db: Client,
  measured: MeasuredRecord[],
): Promise<{ shares: Record<string, number>; decisions: Record<string, number> }> {
  const ids = [
    ...measured.map(({ record }) => record.recordId),
    ...measured.flatMap(({ original }) => (original ? [original.recordId] : [])),
  ];
  const { rows } = await db.query(
    'SELECT record_id, entity_id, decision FROM dedup.entity_members WHERE record_id = ANY($1::uuid[])',
    [ids],
  );
  const members = new Map(
    rows.map((row: { record_id: string; entity_id: string; decision: string }) => [row.record_id, row]),
  );
  const decided: string[] = [];
  let [joined, duplicates, alone, fresh] = [0, 0, 0, 0];
  for (const { record, role, original } of measured) {
    const member = members.get(record.recordId);
    if (!member) continue;
    decided.push(member.decision);
    if (role === 'duplicate') {
      duplicates++;
      if (member.entity_id === members.get(original!.recordId)?.entity_id) joined++;
    } else {
      fresh++;
      if (member.decision === 'new_entity' || member.decision === 'possible_duplicate') alone++;
    }
  }
  return {
    shares: {
      duplicates_joined_their_original_ratio: duplicates ? joined / duplicates : Number.NaN,
      new_persons_in_new_entity_ratio: fresh ? alone / fresh : Number.NaN,
    },
    decisions: countBy(decided),
  };
}

/** The inbox claims grouped by transaction: a batch's messages share their claim time. */
function batchesOf(claims: number[]): { at: number; size: number }[] {
  const batches: { at: number; size: number }[] = [];
  for (const at of claims) {
    const last = batches.at(-1);
    if (last && last.at === at) last.size++;
    else batches.push({ at, size: 1 });
  }
  return batches;
}
