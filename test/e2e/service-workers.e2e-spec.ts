/**
 * Intake run as two workers on one port (SERVICE_WORKERS=2): both answer, a
 * worker killed mid-run is replaced while the other keeps serving, nothing
 * shared is lost, and SIGTERM stops every worker.
 */
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { Client } from 'pg';
import { Agent } from 'undici';
import { recordOfKind } from '../fixtures/kinds';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(180_000);

let suite: Suite;
let db: Client;
let key: string;

beforeAll(async () => {
  suite = await createSuite('workers');
  await suite.startWith('intake', { SERVICE_WORKERS: '2' });
  key = await suite.agencies.key('WKA');
  db = new Client({ connectionString: suite.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await suite?.close();
});

/** The workers the primary says it started, in order, from its log. */
function workersStarted(): { worker: number; pid: number }[] {
  return readFileSync(suite.services.intake!.logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('intake worker started'))
    .map((line) => JSON.parse(line) as { worker: number; pid: number });
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The `worker` label of one scrape, each on a connection of its own so that the system picks a worker each time. */
function workerAnsweringMetrics(): Promise<string> {
  return new Promise((resolve, reject) => {
    get(`${suite.url('intake')}/metrics`, { agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve(/worker="(\d+)"/.exec(text)?.[1] ?? 'none'));
    }).on('error', reject);
  });
}

async function workersAnswering(scrapes = 30): Promise<Set<string>> {
  const labels = new Set<string>();
  for (let i = 0; i < scrapes; i++) labels.add(await workerAnsweringMetrics());
  return labels;
}

/**
 * `count` artworks at once, each sent as a careful client does: on a reset connection or no answer within 10 s it is
 * sent again, the same body (a crash loses the connections its worker held; the record's reference makes the retry
 * an "unchanged" 200 if the first try had been stored).
 */
async function share(count: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const body = JSON.stringify(recordOfKind.artwork());
      for (let attempt = 1; ; attempt++) {
        try {
          const response = await fetch(`${suite.url('intake')}/v1/records`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body,
            dispatcher: new Agent(),
            signal: AbortSignal.timeout(10_000),
          });
          await response.text();
          return response.status;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    }),
  );
}

async function recordsOf(agency: string): Promise<number> {
  const { rows } = await db.query<{ count: string }>('SELECT count(*) FROM intake.records WHERE owner = $1', [agency]);
  return Number(rows[0].count);
}

it('shares through both workers, replaces a killed one, and loses nothing', async () => {
  const [first, second] = await until('two workers', () => {
    const started = workersStarted();
    return started.length >= 2 ? started : undefined;
  });
  expect(first.pid).not.toBe(second.pid);
  // A worker is handed connections once it listens, which may be a moment after it started.
  const both = new Set([String(first.worker), String(second.worker)]);
  await until('both workers answering', async () => {
    const answering = await workersAnswering();
    return answering.size === 2 && [...answering].every((worker) => both.has(worker)) ? true : undefined;
  });

  expect(await share(40)).toEqual(Array(40).fill(201));
  expect(await recordsOf('WKA')).toBe(40);

  process.kill(first.pid, 'SIGKILL');
  // The other worker answers while the primary starts a third.
  for (const status of await share(10)) expect([200, 201]).toContain(status);
  const third = await until('a worker in place of the killed one', () => workersStarted()[2]);
  expect([first.pid, second.pid]).not.toContain(third.pid);
  const live = new Set([String(second.worker), String(third.worker)]);
  await until('the two live workers answering', async () => {
    const answering = await workersAnswering();
    return answering.size === 2 && [...answering].every((worker) => live.has(worker)) ? true : undefined;
  });
  // Each once: none lost with the killed worker, none stored twice by a retry.
  expect(await recordsOf('WKA')).toBe(50);

  await suite.services.intake!.stop();
  for (const { pid } of [second, third]) expect(() => process.kill(pid, 0)).toThrow();
});
