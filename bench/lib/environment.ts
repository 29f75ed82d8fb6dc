/**
 * A benchmark's private slice of the local infrastructure, like a test suite's
 * (test/harness/suite.ts): Kafka and Postgres started or reused through
 * infra/local, a fresh database `cc_bench_<label>_<hex>` and topic prefix
 * `bench_<hex>.`, and services started as real processes from `dist/`.
 *
 * `runBenchmark` is the driver every benchmark runs on: it checks the build,
 * runs the benchmark's named phases (each logged with its duration), writes
 * and prints its report, and owns shutdown: whatever the benchmark registered
 * with `defer` is undone in reverse order when it ends, fails, or is
 * interrupted (Ctrl-C or SIGTERM; a second Ctrl-C exits at once, and
 * infra/local's exit hook still kills the child processes).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  dropDatabase,
  ensureDatabase,
  paths,
  startKafka,
  startPostgres,
  startServiceProcess,
  type ServiceName,
  type ServiceProcess,
} from '@crosscheck/infra';
import { ensureTopics, TopicNames } from '@crosscheck/messaging';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Client } from 'pg';
import { machineInfo, printReport, writeReport, type BenchReport, type MachineInfo, type ReportInput } from './report';

export type Log = (line: string) => void;

export const log: Log = (line) => process.stdout.write(`[bench] ${line}\n`);

export interface BenchContext {
  /** Aborted when the run is interrupted. */
  signal: AbortSignal;
  /** The machine as it was when the run started (its load average included). */
  machine: MachineInfo;
  /** Registers an undo step; steps run in reverse order at the end, whatever happens. */
  defer(label: string, undo: () => Promise<unknown>): void;
  /** Runs one named phase of the benchmark, logging when it starts and how long it took. */
  phase<T>(name: string, body: () => Promise<T>): Promise<T>;
  /**
   * Prints the report and writes `bench/results/<name>.json` (with `write: false`, as a profiled
   * run does, only prints it: its figures are not representative).
   */
  report(input: Omit<ReportInput, 'machine' | 'startedAt'>, options?: { write?: boolean }): BenchReport;
}

/**
 * Checks that `npm run build` produced `services`, runs `main`, then its deferred steps, then exits
 * (0, 1 on failure, 130 when interrupted).
 */
export async function runBenchmark(
  services: ServiceName[],
  main: (context: BenchContext) => Promise<void>,
): Promise<never> {
  const machine = machineInfo();
  const startedAt = new Date();
  const abort = new AbortController();
  const steps: [string, () => Promise<unknown>][] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (let step = steps.pop(); step; step = steps.pop()) {
        const [label, undo] = step;
        try {
          await undo();
        } catch (error) {
          log(`cleanup: ${label} failed: ${(error as Error).message}`);
        }
      }
    })());

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // Under npm or tsx one Ctrl-C arrives twice; only a repeat after a pause is a second one.
    if (firstSignalAt && Date.now() - firstSignalAt < 1_000) return;
    if (firstSignalAt) {
      log('interrupted again: exiting now');
      process.exit(130);
    }
    firstSignalAt = Date.now();
    log(`${signal}: stopping and cleaning up (interrupt again to exit at once)`);
    abort.abort(new Error(`interrupted by ${signal}`));
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const phase = async <T>(name: string, body: () => Promise<T>): Promise<T> => {
    abort.signal.throwIfAborted();
    log(`phase ${name}…`);
    const started = performance.now();
    const result = await body();
    log(`phase ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const report: BenchContext['report'] = (input, { write = true } = {}) => {
    const written = writeReport({ ...input, machine, startedAt }, write ? undefined : null);
    printReport(written.report);
    if (written.file) log(`report: ${path.relative(process.cwd(), written.file)}`);
    else log('profiled run: the figures above are inflated by the profiler and are not written to bench/results');
    return written.report;
  };
  try {
    requireBuild(...services);
    await main({ signal: abort.signal, machine, defer: (label, undo) => steps.push([label, undo]), phase, report });
  } catch (error) {
    if (abort.signal.aborted) return new Promise<never>(() => undefined); // the signal handler cleans up and exits
    process.stderr.write(
      `[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanup();
    process.exit(1);
  }
  await cleanup();
  process.exit(0);
}

/** Stops with a clear message unless `npm run build` has produced the services. */
function requireBuild(...services: ServiceName[]): void {
  for (const service of services) {
    const entry = path.join(paths.REPO_ROOT, 'dist', 'apps', service, 'src', 'main.js');
    if (!existsSync(entry))
      throw new Error(`${path.relative(process.cwd(), entry)} is missing: run \`npm run build\` first`);
  }
}

export interface BenchEnvironment {
  id: string;
  adminUrl: string;
  databaseName: string;
  databaseUrl: string;
  kafkaBrokers: string;
  topicPrefix: string;
  kafka: Kafka;
  /** A connected Kafka admin client, disconnected at cleanup. */
  kafkaAdmin(): Promise<Admin>;
  /** A connection to the benchmark's database, for reading what the services stored; closed at cleanup. */
  connect(): Promise<Client>;
  /** Starts a service on this environment's database and topics; it is stopped at cleanup. */
  startService(name: ServiceName, env?: Record<string, string>): Promise<ServiceProcess>;
}

/** Services that log warnings only and export no spans: a benchmark measures their work, not their tracing. */
export const QUIET_SERVICE = {
  LOG_LEVEL: 'warn',
  // Empty counts as unset, even if the calling shell sets these.
  OTEL_EXPORTER_OTLP_ENDPOINT: '',
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
};

const UNLIMITED_RATES = {
  RATE_LIMIT_READS_PER_SECOND: '1000000',
  RATE_LIMIT_WRITES_PER_SECOND: '1000000',
  RATE_LIMIT_RECORDS_PER_SECOND: '1000000',
  RATE_LIMIT_CHECKS_PER_SECOND: '1000000',
};

export interface BenchEnvironmentOptions {
  /** Folder under .local/logs for the services' logs (default `bench`). */
  logGroup?: string;
  /**
   * A broker of the benchmark's own on 127.0.0.1:19192 (data in .local/bench/kafka), instead of
   * the shared one on 19092: on a machine where others run tests, a reused broker goes away when
   * the run that started it ends, and a broker started here would be reused by them and then stopped.
   */
  ownKafka?: boolean;
  /** Partitions of each topic, created up front (default 3; `bench:scale` runs 12 for its instances). */
  partitions?: number;
}

/**
 * Starts or reuses Kafka and Postgres, creates the database, and registers
 * their undoing with `context.defer`: services stopped, database dropped,
 * this run's topics deleted, and Kafka or Postgres stopped if started here.
 */
export async function openBenchEnvironment(
  label: string,
  context: BenchContext,
  options: BenchEnvironmentOptions = {},
): Promise<BenchEnvironment> {
  // The launchers' own messages; a broker started here would also send its whole log through this.
  const infraLog: Log = (line) => {
    if (!/^\[\d{4}-/.test(line)) log(`infra: ${line}`);
  };
  const id = randomBytes(3).toString('hex');
  const kafkaOptions = options.ownKafka
    ? {
        port: 19192,
        controllerPort: 19193,
        dataDir: path.join(paths.LOCAL_DIR, 'bench', 'kafka'),
        fresh: true,
        log: infraLog,
      }
    : { log: infraLog };
  const [kafka, postgres] = await Promise.all([startKafka(kafkaOptions), startPostgres({ log: infraLog })]);
  if (kafka.startedHere) context.defer('stop Kafka', () => kafka.stop());
  if (postgres.startedHere) context.defer('stop Postgres', () => postgres.stop());

  const topicPrefix = `bench_${id}.`;
  context.defer('delete topics', () => deleteTopics(kafka.bootstrapServers, topicPrefix));
  // Created up front, as an operator would (and as the test harness does), so that creating them
  // is not timed as part of the first batch's publishing.
  const client = new Kafka({
    clientId: 'crosscheck-bench',
    brokers: [kafka.bootstrapServers],
    logLevel: logLevel.NOTHING,
  });
  await ensureTopics(client, new TopicNames(topicPrefix), options.partitions ?? 3);

  const databaseName = `cc_bench_${label}_${id}`;
  const databaseUrl = await ensureDatabase(postgres.adminUrl, databaseName);
  // CROSSCHECK_BENCH_KEEP_DATABASE=1 leaves it for a look at its plans afterwards (drop it by hand).
  if (process.env.CROSSCHECK_BENCH_KEEP_DATABASE === '1') log(`database ${databaseName} is kept after the run`);
  else context.defer(`drop database ${databaseName}`, () => dropDatabase(postgres.adminUrl, databaseName));
  log(`database ${databaseName}, topic prefix ${topicPrefix}`);

  return {
    id,
    adminUrl: postgres.adminUrl,
    databaseName,
    databaseUrl,
    kafkaBrokers: kafka.bootstrapServers,
    topicPrefix,
    kafka: client,
    async kafkaAdmin() {
      const admin = client.admin();
      await admin.connect();
      context.defer('disconnect the Kafka admin', () => admin.disconnect());
      return admin;
    },
    async connect() {
      const db = new Client({ connectionString: databaseUrl, application_name: 'crosscheck-bench' });
      await db.connect();
      context.defer('close the bench connection', () => db.end());
      return db;
    },
    async startService(name, env = {}) {
      const service = await startServiceProcess(name, {
        logGroup: options.logGroup ?? 'bench',
        env: {
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: kafka.bootstrapServers,
          KAFKA_TOPIC_PREFIX: topicPrefix,
          KAFKA_GROUP_ID: `${topicPrefix}${name}`,
          // A benchmark measures the services, not their per-agency limits; a bench that measures a limit sets it.
          ...UNLIMITED_RATES,
          ...env,
        },
      });
      context.defer(`stop ${name}`, () => service.stop());
      log(`${name} ready at ${service.url} (log: ${path.relative(process.cwd(), service.logFile)})`);
      return service;
    },
  };
}

async function deleteTopics(brokers: string, prefix: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'crosscheck-bench',
    brokers: [brokers],
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine, timeout: 10_000 });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
