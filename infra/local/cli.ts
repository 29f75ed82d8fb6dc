// Command line for the local infrastructure:
//   tsx infra/local/cli.ts up     start (or reuse) Kafka, Zipkin and Postgres; Ctrl-C stops what it started
//   tsx infra/local/cli.ts fetch  only fetch the Kafka/Zipkin jars (to warm caches, e.g. in CI)
import { fetchJars, jarsFetched, type JarSet } from './fetch';
import { startKafka } from './kafka';
import { KAFKA_DATA, LOGS_DIR } from './paths';
import { startPostgres } from './postgres';
import { isEcho, type Running } from './proc';
import { Supervisor } from './supervisor';
import { startZipkin } from './zipkin';

const say = (line: string): void => console.log(`[infra] ${line}`);

async function fetchAll(): Promise<void> {
  for (const set of ['kafka', 'zipkin'] as JarSet[]) {
    if (jarsFetched(set)) continue;
    const t0 = Date.now();
    say(`fetching ${set} jars from Maven Central...`);
    await fetchJars(set);
    say(`fetched ${set} jars in ${secs(t0)}`);
  }
}

async function up(): Promise<void> {
  const started: Running[] = [];
  // Kafka or Zipkin dying (out of memory, say) is started again, as under `npm start`.
  const supervisor = new Supervisor(say);
  let stoppingSince = 0;
  const stopAll = async (code: number): Promise<never> => {
    stoppingSince = Date.now();
    supervisor.stop();
    const mine = started.filter((r) => r.startedHere);
    if (mine.length) say(`stopping ${mine.length} service(s) started here...`);
    await Promise.allSettled(mine.map((r) => r.stop()));
    if (mine.length) say('stopped.');
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (isEcho(stoppingSince)) return;
      if (stoppingSince) process.exit(130); // second Ctrl-C: the exit hook kills the children
      void stopAll(0);
    });
  }

  try {
    await fetchAll();
    const timed = async <T extends Running>(
      name: string,
      start: () => Promise<T>,
      where: (r: T) => string,
    ): Promise<void> => {
      const t0 = Date.now();
      const r = await start();
      started.push(r);
      if (r.supervised) supervisor.watch(name, r.supervised);
      say(
        `${name.padEnd(8)} ${where(r).padEnd(48)} ${r.startedHere ? `started in ${secs(t0)}` : 'already running, reused'}`,
      );
    };
    // allSettled, so that on a failure everything that did start is known and gets stopped.
    const results = await Promise.allSettled([
      timed(
        'kafka',
        () => startKafka(),
        (r) => r.bootstrapServers,
      ),
      timed(
        'zipkin',
        () => startZipkin(),
        (r) => r.url,
      ),
      timed(
        'postgres',
        () => startPostgres(),
        (r) => r.adminUrl,
      ),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (err) {
    console.error(`[infra] ${err instanceof Error ? err.message : String(err)}`);
    await stopAll(1);
  }
  say(`logs: ${KAFKA_DATA}/broker.log, ${LOGS_DIR}/`);
  say('Ctrl-C stops what was started here.');
  setInterval(() => undefined, 1 << 30); // children are unref'd; stay in the foreground
}

function secs(t0: number): string {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

const command = process.argv[2];
if (command === 'up') void up();
else if (command === 'fetch')
  fetchAll().catch((err: unknown) => {
    console.error(`[infra] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
else {
  console.error('usage: tsx infra/local/cli.ts up | fetch');
  process.exit(2);
}
