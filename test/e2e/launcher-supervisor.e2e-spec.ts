/**
 * The supervisor `npm start` runs its processes under: a service or trace
 * viewer that dies is started again, with a growing wait, and the launcher
 * says so, while everything else keeps serving. The services run as in every
 * suite; the Zipkin is this suite's own, so killing it disturbs no other suite.
 */
import { startZipkin, Supervisor, type RestartPolicy } from '@crosscheck/infra';
import { shareRecord, unknownPerson } from '../fixtures/records';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(240_000);

const ZIPKIN_PORT = 19611;
/** The launcher's policy, faster: 0.5 s, 1 s, 2 s. */
const POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 2_000, healthyAfterMs: 60_000 };

let suite: Suite;
let zipkin: Awaited<ReturnType<typeof startZipkin>>;
let said: string[];
let supervisor: Supervisor;

beforeAll(async () => {
  zipkin = await startZipkin({ port: ZIPKIN_PORT, heapMb: 128 });
  suite = await createSuite('supervisor');
  const toOwnZipkin = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: zipkin.otlpTracesUrl };
  await Promise.all([suite.startWith('intake', toOwnZipkin), suite.startWith('dedup', toOwnZipkin)]);
});

beforeEach(() => {
  said = [];
  supervisor = new Supervisor((line) => said.push(line), POLICY);
  supervisor.watch('intake', suite.services.intake!);
  supervisor.watch('dedup', suite.services.dedup!);
  supervisor.watch('Zipkin', zipkin.supervised!);
});

afterEach(() => supervisor.stop());

afterAll(async () => {
  supervisor?.stop();
  await suite?.close();
  await zipkin?.stop();
});

async function until(what: string, holds: () => boolean | Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await holds())) {
    if (Date.now() > deadline)
      throw new Error(`${what} within ${timeoutMs / 1000} s; the supervisor said:\n${said.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function entityOf(recordId: string, key: string): Promise<number> {
  const response = await fetch(`${suite.url('dedup')}/v1/records/${recordId}/entity`, {
    headers: { authorization: `Bearer ${key}` },
  });
  await response.body?.cancel();
  return response.status;
}

it('starts a killed service again on its own address, while the others keep serving, and waits longer when it dies again', async () => {
  const sweden = await suite.agencies.key('SWE');
  await suite.services.dedup!.kill();

  // dedup is down: intake still takes records, and dedup resolves them once it is back.
  const shared = await shareRecord(suite.url('intake'), sweden, unknownPerson());
  expect(shared.status).toBe(201);
  await until('dedup restarted', () => said.includes('dedup restarted'));
  expect(said[0]).toBe('dedup killed by SIGKILL; restarting it in 0.5 s');
  await waitForPipelineIdle(suite, 60_000);
  expect(await entityOf(shared.body.record.id, sweden)).toBe(200);

  // A second crash soon after is a run of crashes: a longer wait.
  await suite.services.dedup!.kill();
  await until('dedup restarted twice', () => said.filter((line) => line === 'dedup restarted').length === 2);
  expect(said).toContain('dedup killed by SIGKILL; restarting it in 1 s, crash 2 in a row');
  expect(said.filter((line) => line.startsWith('intake'))).toEqual([]);
});

it('starts a killed Zipkin again; the exchange serves while it is gone, and traces reach the new one', async () => {
  const sweden = await suite.agencies.key('SWE');
  await zipkin.supervised!.kill();

  const whileGone = await shareRecord(suite.url('intake'), sweden, unknownPerson());
  expect(whileGone.status).toBe(201);
  await until('Zipkin restarted', () => said.includes('Zipkin restarted'));
  expect(said[0]).toBe('Zipkin killed by SIGKILL; restarting it in 0.5 s');
  await waitForPipelineIdle(suite, 60_000);
  expect(await entityOf(whileGone.body.record.id, sweden)).toBe(200);

  const afterwards = await shareRecord(suite.url('intake'), sweden, unknownPerson());
  expect(afterwards.status).toBe(201);
  await until(
    'the new record’s trace in the restarted Zipkin',
    async () => (await fetch(`${zipkin.url}/api/v2/trace/${afterwards.traceId}`)).status === 200,
  );
});

it('stops restarting once the launcher is stopping', async () => {
  supervisor.stop();
  await suite.services.intake!.kill();
  await new Promise((resolve) => setTimeout(resolve, 2 * POLICY.firstDelayMs));

  expect(said).toEqual([]);
  const ready = await fetch(`${suite.url('intake')}/ready`).then(
    (response) => response.status,
    () => 'refused',
  );
  expect(ready).toBe('refused');
  await suite.services.intake!.restart();
});
