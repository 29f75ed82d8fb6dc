/**
 * PgListener against a real Postgres: NOTIFY and the poll wake the handler, a
 * killed connection comes back and LISTENs again, a failed reconnect is logged
 * and counted (and retried), and stop leaves nothing behind.
 */
import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer } from 'node:net';
import { dropDatabase, ensureDatabase } from '@crosscheck/infra';
import { metricsRegistry } from '@crosscheck/telemetry';
import { Client } from 'pg';
import { testInfrastructure } from '../../../test/harness/infrastructure';
import { PgListener, PgListenerOptions, PgSession } from './pg-listener';

jest.setTimeout(30_000);

const infrastructure = testInfrastructure();
const suffix = randomBytes(3).toString('hex');
const databaseName = `cc_test_listener_${suffix}`;
const CHANNEL = 'crosscheck_listener_test';
const FAST_BACKOFF = { initialMs: 50, maxMs: 200 };
const RECONNECTED = 'reconnected to Postgres and listens again';

let url: string;
let admin: Client;
let notifier: Client;
const listeners: PgListener[] = [];
const unhandled: unknown[] = [];
const recordUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  url = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
  admin = new Client({ connectionString: infrastructure.postgresAdminUrl });
  notifier = new Client({ connectionString: url });
  await Promise.all([admin.connect(), notifier.connect()]);
  process.on('unhandledRejection', recordUnhandled);
});

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.stop()));
  await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
  expect(unhandled).toEqual([]);
});

afterAll(async () => {
  process.off('unhandledRejection', recordUnhandled);
  await Promise.all([admin?.end(), notifier?.end()]);
  await dropDatabase(infrastructure.postgresAdminUrl, databaseName);
});

/** A listener whose wake-ups, and whether each had a session, are recorded, as are its log lines. */
function listen(name: string, options: Partial<PgListenerOptions> = {}) {
  const wakeups: { session: PgSession | undefined }[] = [];
  const logs: { level: 'log' | 'warn'; message: string }[] = [];
  const applicationName = `cc-listener-${suffix}-${name}`;
  const listener = new PgListener({
    name: applicationName,
    connection: { connectionString: url },
    channels: [CHANNEL],
    pollMs: 60_000,
    reconnectBackoff: FAST_BACKOFF,
    logger: {
      log: (message) => logs.push({ level: 'log', message }),
      warn: (message) => logs.push({ level: 'warn', message }),
    },
    onWake: (session) => void wakeups.push({ session }),
    ...options,
  });
  listeners.push(listener);
  return { listener, wakeups, logs, applicationName };
}

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

/** Waits until no wake-up has come for a while, so that the next one has a known cause. */
async function settled(wakeups: unknown[]): Promise<number> {
  let count = -1;
  while (count !== wakeups.length) {
    count = wakeups.length;
    await sleep(300);
  }
  return count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function backendPids(applicationName: string): Promise<number[]> {
  const sql = 'SELECT pid FROM pg_stat_activity WHERE application_name = $1';
  const { rows } = await admin.query<{ pid: number }>(sql, [applicationName]);
  return rows.map((row) => row.pid);
}

async function reconnectFailures(listener: string): Promise<number> {
  const metric = metricsRegistry.getSingleMetric('crosscheck_pg_listener_reconnect_failures_total');
  const { values } = (await metric?.get()) ?? { values: [] };
  return values.find((value) => value.labels.listener === listener)?.value ?? 0;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Timers and sockets the process holds, to show that a stopped listener left none behind. */
function heldResources(): Record<string, number> {
  const held: Record<string, number> = {};
  for (const resource of process.getActiveResourcesInfo()) held[resource] = (held[resource] ?? 0) + 1;
  return { Timeout: held.Timeout ?? 0, TCPSocketWrap: held.TCPSocketWrap ?? 0 };
}

/**
 * Waits up to a second for the process to hold what it held before: a socket's own short timer may
 * outlive `end()` by a tick, but a poll or reconnect timer left running never goes away.
 */
async function expectHeldAgain(before: Record<string, number>): Promise<void> {
  const same = () => JSON.stringify(heldResources()) === JSON.stringify(before);
  await until('the process holds only what it held before', same, 1_000).catch(() => undefined);
  expect(heldResources()).toEqual(before);
}

it('a NOTIFY on any of its channels wakes the handler at once, long before the poll', async () => {
  const { listener, wakeups } = listen('notify', { channels: [CHANNEL, 'crosscheck_listener_other'] });
  await listener.start();
  const before = await settled(wakeups);

  await notifier.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
  await until('the first NOTIFY woke the handler', () => wakeups.length === before + 1, 2_000);
  await notifier.query(`SELECT pg_notify($1, '')`, ['crosscheck_listener_other']);
  await until('the second NOTIFY woke the handler', () => wakeups.length === before + 2, 2_000);
  expect(wakeups.at(-1)?.session).toBeDefined();
});

it('with no NOTIFY at all, the poll wakes the handler', async () => {
  const { listener, wakeups } = listen('poll', { pollMs: 150 });
  await listener.start();
  const before = wakeups.length;

  await sleep(1_000);
  expect(wakeups.length - before).toBeGreaterThanOrEqual(4);
});

it('hands the handler its session and runs one call at a time, folding wake-ups meanwhile into one more', async () => {
  let calls = 0;
  let running = 0;
  let overlapped = false;
  const pids: number[] = [];
  const { listener, applicationName } = listen('session', {
    onWake: async (session) => {
      calls += 1;
      overlapped ||= ++running > 1;
      const [row] = await session!.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.2)');
      pids.push(row.pid);
      running -= 1;
    },
  });
  await listener.start();
  await until('the first call ended', () => pids.length === 1);

  listener.wake();
  for (let i = 0; i < 4; i++) listener.wake();
  await sleep(700);
  expect(calls).toBe(3);
  expect(overlapped).toBe(false);
  expect(new Set(pids)).toEqual(new Set(await backendPids(applicationName)));
});

it('a handler that fails is logged and woken again next time', async () => {
  const { listener, logs } = listen('failing', {
    pollMs: 100,
    onWake: () => {
      throw new Error('the outbox table is missing');
    },
  });
  await listener.start();

  const failures = () => logs.filter((line) => line.message.includes('the outbox table is missing'));
  await until('two failures were logged', () => failures().length >= 2);
  expect(failures()[0].level).toBe('warn');
});

it('after its backend is killed it reconnects, LISTENs again and is woken by NOTIFY', async () => {
  const { listener, wakeups, logs, applicationName } = listen('killed');
  await listener.start();
  const [killed] = await backendPids(applicationName);

  await admin.query('SELECT pg_terminate_backend($1)', [killed]);
  const replaced = async () => (await backendPids(applicationName)).some((pid) => pid !== killed);
  await until('a new backend listens', async () => listener.connected && (await replaced()));
  const before = await settled(wakeups);
  await notifier.query(`SELECT pg_notify($1, '')`, [CHANNEL]);

  await until('the NOTIFY woke the handler', () => wakeups.length === before + 1, 2_000);
  const lost = expect.stringContaining(`${applicationName} lost its database connection`);
  expect(logs).toContainEqual({ level: 'warn', message: lost });
  expect(logs).toContainEqual({ level: 'log', message: `${applicationName} ${RECONNECTED}` });
  expect(await reconnectFailures(applicationName)).toBe(0);
});

it('a failed reconnect is logged, counted and retried until the database takes it; then it LISTENs again', async () => {
  const { listener, wakeups, logs, applicationName } = listen('refused');
  await listener.start();
  const [killed] = await backendPids(applicationName);

  await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend($1)', [killed]);
  await until('three reconnects have failed', async () => (await reconnectFailures(applicationName)) >= 3);
  const refusals = logs.filter((line) => line.message.includes(`${applicationName} could not reconnect to Postgres`));
  expect(refusals.length).toBeGreaterThanOrEqual(3);
  const refused = expect.stringContaining('is not currently accepting connections');
  expect(refusals[0]).toEqual({ level: 'warn', message: refused });

  await admin.query(`ALTER DATABASE ${databaseName} ALLOW_CONNECTIONS true`);
  await until('the listener is back', () => listener.connected);
  const before = await settled(wakeups);
  await notifier.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
  await until('the NOTIFY woke the handler', () => wakeups.length === before + 1, 2_000);
  expect(logs.at(-1)).toEqual({ level: 'log', message: `${applicationName} ${RECONNECTED}` });
});

it('pointed at a closed port, every failed attempt is logged and counted, and start does not throw', async () => {
  const port = await closedPort();
  const { listener, wakeups, logs, applicationName } = listen('closed-port', {
    connection: { connectionString: `postgres://postgres@127.0.0.1:${port}/none` },
    pollMs: 100,
  });

  await expect(listener.start()).resolves.toBeUndefined();
  await until('three attempts have failed', async () => (await reconnectFailures(applicationName)) >= 3);
  const refused = expect.stringMatching(/could not connect to Postgres \(attempt 1\): .*ECONNREFUSED/);
  expect(logs[0]).toEqual({ level: 'warn', message: refused });
  expect(wakeups.length).toBeGreaterThan(0);
  expect(wakeups.every(({ session }) => session === undefined)).toBe(true);
});

it('stop ends the connection and every timer, and the handler is not woken again', async () => {
  const held = heldResources();
  const { listener, wakeups, applicationName } = listen('stopped', { pollMs: 50 });
  await listener.start();
  expect(await backendPids(applicationName)).toHaveLength(1);

  await listener.stop();
  const after = wakeups.length;
  await expectHeldAgain(held);
  await until('the backend is gone', async () => (await backendPids(applicationName)).length === 0, 2_000);
  await notifier.query(`SELECT pg_notify($1, '')`, [CHANNEL]);
  await sleep(300);
  expect(wakeups.length).toBe(after);
});

it('stopped while waiting to reconnect, it leaves no timer and no client behind', async () => {
  const held = heldResources();
  const { listener, wakeups } = listen('stopped-retrying', {
    connection: { connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/none` },
    pollMs: 50,
    reconnectBackoff: { initialMs: 5_000, maxMs: 5_000 },
  });
  await listener.start();

  await listener.stop();
  const after = wakeups.length;
  await expectHeldAgain(held);
  await sleep(200);
  expect(wakeups.length).toBe(after);
});

it('stop waits for the handler to finish before it closes the session the handler uses', async () => {
  let finished = false;
  const { listener, wakeups } = listen('stop-waits', {
    onWake: async (session) => {
      wakeups.push({ session });
      await session?.query('SELECT pg_sleep(0.3)');
      finished = true;
    },
  });
  void listener.start();
  await until('the handler runs', () => wakeups.length === 1);

  await listener.stop();
  expect(finished).toBe(true);
});
