// Local Zipkin (in-memory storage, HTTP collector only) from infra/zipkin/lib/zipkin-server-exec.jar,
// with the OTLP door (otlp-door.ts) the services export to on port + 7 (19418 by default).
// Reuses a Zipkin that already answers GET /health on the port. Output goes to
// .local/logs/zipkin.log (zipkin-<port>.log on other ports) unless `log` is given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fetchJars } from './fetch';
import { openOtlpDoor } from './otlp-door';
import { LOGS_DIR } from './paths';
import { crash, javaBin, noop, portOpen, spawnServer, waitUntil, type Child, type LogFn, type Running } from './proc';

export interface ZipkinOptions {
  port?: number;
  /** Zipkin's heap; the number of spans it keeps follows from it (see maxSpansFor). */
  heapMb?: number;
  log?: LogFn;
}

export interface RunningZipkin extends Running {
  /** The UI and the v2 API. */
  url: string;
  /** Where services send traces over OTLP/HTTP: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. */
  otlpTracesUrl: string;
}

/** The OTLP door's port, beside Zipkin's own (4318 is OTLP/HTTP's usual port; 9411 Zipkin's). */
export const OTLP_DOOR_OFFSET = 7;

/** What one of crosscheck's spans costs in Zipkin's in-memory store, indexes included: measured, see maxSpansFor. */
const SPAN_HEAP_BYTES = 4_096;
const STORE_SHARE_OF_HEAP = 0.5;

export async function startZipkin(opts: ZipkinOptions = {}): Promise<RunningZipkin> {
  const zipkin = await startZipkinServer(opts);
  const port = opts.port ?? 19411;
  try {
    const door = await openOtlpDoor({ port: port + OTLP_DOOR_OFFSET, zipkinUrl: zipkin.url, log: opts.log });
    return {
      ...zipkin,
      otlpTracesUrl: door.tracesUrl,
      stop: async () => {
        await door.close();
        await zipkin.stop();
      },
    };
  } catch (error) {
    await zipkin.stop();
    throw error;
  }
}

async function startZipkinServer(opts: ZipkinOptions): Promise<Running & { url: string }> {
  const port = opts.port ?? 19411;
  const url = `http://127.0.0.1:${port}`;
  const log = opts.log;

  if (await portOpen(port)) {
    const isZipkin = await waitUntil(() => answersAsZipkin(url), { timeoutMs: 10_000, describe: () => '' }).then(
      () => true,
      () => false,
    );
    if (isZipkin) {
      log?.(`reusing the Zipkin already running on ${url}`);
      return { ...noop, url };
    }
    throw new Error(
      `Port ${port} is in use by something that is not Zipkin (no 200 from ${url}/health); free it or pick another port.`,
    );
  }

  const lib = await fetchJars('zipkin', log);
  const jar = fs.readdirSync(lib).find((f) => /^zipkin-server.*exec\.jar$/.test(f));
  if (!jar) throw new Error(`No zipkin-server exec jar in ${lib}; delete that directory to refetch.`);

  const heapMb = opts.heapMb ?? 384;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    QUERY_PORT: String(port),
    STORAGE_TYPE: 'mem',
    // The store's default cap (500k spans) does not fit a small heap: a long run filled it until the JVM died.
    MEM_MAX_SPANS: String(maxSpansFor(heapMb)),
    COLLECTOR_KAFKA_ENABLED: 'false',
  };
  // The services' own KAFKA_BOOTSTRAP_SERVERS would switch on Zipkin's Kafka collector.
  delete env.KAFKA_BOOTSTRAP_SERVERS;

  const logFile = path.join(LOGS_DIR, port === 19411 ? 'zipkin.log' : `zipkin-${port}.log`);
  let child: Child;
  const launch = async (): Promise<void> => {
    child = spawnServer(
      javaBin(),
      // C1 only: starts in ~2/3 of the time, and a dev trace viewer needs no peak throughput.
      [
        '-Xms64m',
        `-Xmx${heapMb}m`,
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        '-XX:+ExitOnOutOfMemoryError',
        '-jar',
        path.join(lib, jar),
        // Listen on loopback only; Armeria's port list is replaced as a whole, hence all three keys.
        `--armeria.ports[0].port=${port}`,
        '--armeria.ports[0].ip=127.0.0.1',
        '--armeria.ports[0].protocols[0]=http',
        // Quiet, like the broker: warnings and errors only.
        '--spring.main.banner-mode=off',
        '--logging.level.root=WARN',
      ],
      { cwd: lib, env, logFile, log, graceMs: 10_000 },
    );
    try {
      await waitUntil(() => answersAsZipkin(url), {
        timeoutMs: 90_000,
        gaveUp: () => (child.hasExited() ? 'the Zipkin process exited' : undefined),
        describe: () =>
          `Zipkin on ${url} did not start (${log ? 'output was sent to the log callback' : logFile}). Last output:\n${child.tail()}\n`,
      });
    } catch (err) {
      await child.stop();
      throw err;
    }
  };
  try {
    await launch();
  } catch (err) {
    if (await answersAsZipkin(url)) return { ...noop, url };
    throw err;
  }
  log?.(
    `Zipkin started on ${url} (${heapMb} MB heap, keeps the latest ${maxSpansFor(heapMb).toLocaleString('en')} spans)`,
  );
  // A restarted Zipkin starts empty: traces are kept in memory only.
  const restart = async () => {
    await child.stop();
    await launch();
  };
  return {
    url,
    startedHere: true,
    stop: () => child.stop(),
    supervised: { exited: () => child.exited, restart, kill: () => crash(child) },
  };
}

/**
 * How many spans Zipkin's in-memory store may keep in a heap of `heapMb`: crosscheck's spans take
 * about SPAN_HEAP_BYTES each there (measured), and the store gets half the heap; the other half is
 * Zipkin itself and the headroom a query of large traces needs.
 */
export function maxSpansFor(heapMb: number): number {
  return Math.floor((heapMb * 1024 * 1024 * STORE_SHARE_OF_HEAP) / SPAN_HEAP_BYTES);
}

export async function answersAsZipkin(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    const body = await res.text();
    return res.status === 200 && body.includes('zipkin');
  } catch {
    return false;
  }
}
