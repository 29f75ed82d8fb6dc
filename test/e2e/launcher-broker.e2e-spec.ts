/**
 * A broker that dies under `npm start` is started again by the launcher's
 * supervisor, from the same data directory, and the services carry on where
 * they were: a record shared while it was gone is resolved once it is back.
 * This suite runs its own broker, so killing it disturbs no other suite.
 */
import * as path from 'node:path';
import { paths, startKafka, Supervisor } from '@crosscheck/infra';
import { shareRecord, unknownPerson } from '../fixtures/records';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(240_000);

let broker: Awaited<ReturnType<typeof startKafka>>;
let suite: Suite;
const said: string[] = [];
const supervisor = new Supervisor((line) => said.push(line), {
  firstDelayMs: 500,
  maxDelayMs: 2_000,
  healthyAfterMs: 60_000,
});

beforeAll(async () => {
  broker = await startKafka({
    port: 19292,
    controllerPort: 19293,
    dataDir: path.join(paths.LOCAL_DIR, 'kafka-launcher-test'),
    fresh: true,
  });
  suite = await createSuite('brokercrash', { kafkaBrokers: broker.bootstrapServers });
  await suite.start('intake', 'dedup');
  supervisor.watch('Kafka', broker.supervised!);
});

afterAll(async () => {
  supervisor.stop();
  await suite?.close();
  await broker?.stop();
});

it('starts a killed broker again, and a record shared while it was gone is resolved once it is back', async () => {
  const sweden = await suite.agencies.key('SWE');
  await broker.supervised!.kill();

  const shared = await shareRecord(suite.url('intake'), sweden, unknownPerson());
  expect(shared.status).toBe(201);
  const deadline = Date.now() + 120_000;
  while (!said.includes('Kafka restarted') && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  expect(said).toEqual(['Kafka killed by SIGKILL; restarting it in 0.5 s', 'Kafka restarted']);

  await waitForPipelineIdle(suite, 120_000);
  const entity = await fetch(`${suite.url('dedup')}/v1/records/${shared.body.record.id}/entity`, {
    headers: { authorization: `Bearer ${sweden}` },
  });
  expect(entity.status).toBe(200);
});
