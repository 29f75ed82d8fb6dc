/**
 * Runs one crosscheck service (or the analyst console) as a real process from
 * `dist/` (built by `npm start` and `npm test` first), and waits until
 * `/ready` says its database and Kafka consumer are up. Output goes to
 * `.local/logs/<group>/<service>.log`. Used by `npm start` and by the test
 * harness alike; like the brokers, services never outlive their launcher.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { LOGS_DIR, REPO_ROOT } from './paths';
import { crash, spawnServer, type Child } from './proc';
import type { Supervised } from './supervisor';
import { Agent, fetch } from 'undici';

export type ServiceName = 'intake' | 'dedup' | 'matching' | 'alerting' | 'console';

/** Every process the launchers can run; the first four are the Kafka services, `console` is the analysts' web UI. */
export const SERVICE_NAMES: ServiceName[] = ['intake', 'dedup', 'matching', 'alerting', 'console'];

/** The services that consume and produce Kafka events and own a Postgres schema (the console has neither). */
export const PIPELINE_SERVICE_NAMES: ServiceName[] = ['intake', 'dedup', 'matching', 'alerting'];

/**
 * The ceiling of a service's old-generation heap, where one was measured to help. Unbounded, Node sizes it from
 * the machine's memory (some 4 GiB on 24 GiB) and V8 grows the heap long before it collects: dedup reached 690 MiB
 * resident while resolving, and peaked at 400 MiB under 384 MiB, with no more time in GC. matching is left
 * unbounded: under 384 MiB its pipeline batches (250 records, 100 candidates each) kept it collecting, and
 * bench:matching's instant checks went from p99 264 ms to 1,653 ms. docker-compose.yml sets the same; a
 * --max-old-space-size of the caller's NODE_OPTIONS comes after it and wins.
 */
export const SERVICE_HEAP_MIB: Partial<Record<ServiceName, number>> = { dedup: 384 };

/** The built entry of each, as `npm run build` lays it out in dist/. */
const ENTRY_FILES: Record<ServiceName, string> = {
  intake: 'apps/intake/src/main.js',
  dedup: 'apps/dedup/src/main.js',
  matching: 'apps/matching/src/main.js',
  alerting: 'apps/alerting/src/main.js',
  console: 'apps/console/server/main.js',
};

export interface ServiceProcessOptions {
  env: Record<string, string>;
  /** A free port is picked when not given. */
  port?: number;
  /** Folder under .local/logs for this run's logs. */
  logGroup: string;
  /** The CA (PEM) that signed the certificate of a service serving HTTPS (`HTTPS_CERT_FILE`), for the readiness probe. */
  trustedCa?: string;
}

export interface ServiceProcess extends Supervised {
  name: ServiceName;
  url: string;
  logFile: string;
  /** SIGTERM and wait: the service drains and commits. */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing drained. */
  kill(): Promise<void>;
  /** Stops it if it runs, starts it again on the same port, and waits until it is ready. */
  restart(): Promise<void>;
}

export async function startServiceProcess(name: ServiceName, options: ServiceProcessOptions): Promise<ServiceProcess> {
  const entry = path.join(REPO_ROOT, 'dist', ENTRY_FILES[name]);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  const logFile = path.join(LOGS_DIR, options.logGroup, `${name}.log`);
  const port = options.port ?? (await freePort());
  const scheme = options.env.HTTPS_CERT_FILE ? 'https' : 'http';
  const url = `${scheme}://${reachableAt(options.env.BIND_ADDRESS ?? process.env.BIND_ADDRESS)}:${port}`;
  const probe = options.trustedCa ? new Agent({ connect: { ca: options.trustedCa } }) : undefined;
  let child: Child | undefined;

  const launch = async () => {
    child = spawnServer(process.execPath, [entry], {
      env: {
        ...process.env,
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        ...options.env,
        NODE_OPTIONS: [
          SERVICE_HEAP_MIB[name] && `--max-old-space-size=${SERVICE_HEAP_MIB[name]}`,
          options.env.NODE_OPTIONS ?? process.env.NODE_OPTIONS,
        ]
          .filter(Boolean)
          .join(' '),
        PORT: String(port),
      },
      logFile,
      graceMs: 35_000,
    });
    await waitForReady(name, url, child, logFile, probe);
  };

  await launch();
  return {
    name,
    url,
    logFile,
    exited: () => child!.exited,
    stop: async () => child?.stop(),
    kill: async () => {
      if (child) await crash(child);
    },
    async restart() {
      await child?.stop();
      await launch();
    },
  };
}

/** Where this machine reaches a server bound to `bindAddress` (the services listen on loopback unless told otherwise). */
function reachableAt(bindAddress = ''): string {
  if (['', '0.0.0.0', '::'].includes(bindAddress)) return '127.0.0.1';
  return bindAddress.includes(':') ? `[${bindAddress}]` : bindAddress;
}

async function waitForReady(
  name: string,
  url: string,
  child: Child,
  logFile: string,
  probe: Agent | undefined,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.hasExited())
      throw new Error(`${name} ${await child.exited} before it was ready; see ${logFile}:\n${child.tail(15)}`);
    try {
      if ((await fetch(`${url}/ready`, { dispatcher: probe })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await child.stop();
  throw new Error(`${name} not ready at ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
}

/**
 * A port nothing listens on right now, from a band of this process's own below the system's ephemeral range
 * (32768 and up on Linux). A port the system picks is free only until the service binds it, seconds later: another
 * service started alongside, given the same port meanwhile, answered the readiness probe for one that then failed
 * to listen. Each jest worker (or other process) draws its ports in turn from its own band, so it never hands out
 * the same one twice, and a port still held by an earlier service is skipped.
 */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < PORT_BAND; tried++) {
    const port = PORT_BANDS_START + portBand() * PORT_BAND + (nextInBand++ % PORT_BAND);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in this process's band of ${PORT_BAND}`);
}

const PORT_BANDS_START = 20_000;
const PORT_BAND = 400;
/** 20000–31999: above the project's fixed ports (19092 and up), below the ephemeral range. */
const PORT_BANDS = 30;
let nextInBand = 0;

function portBand(): number {
  return Number(process.env.JEST_WORKER_ID ?? process.pid) % PORT_BANDS;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
