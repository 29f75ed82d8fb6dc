/**
 * A record acknowledged while Kafka is down is not lost: intake answers 201
 * from Postgres (record and outbox row in one transaction), and the relay
 * publishes it when the broker comes back, so it still becomes an alert.
 * This suite runs its own broker, so stopping it disturbs no other suite.
 */
import * as path from 'node:path';
import { paths, startKafka } from '@crosscheck/infra';
import { openAlertStream } from '../harness/alert-stream';
import { analystKey } from '../harness/alerting-api';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { shareRecord, wantedPerson } from '../fixtures/records';

jest.setTimeout(240_000);

const PORT = 19192;
const CONTROLLER_PORT = 19193;
const DATA_DIR = path.join(paths.LOCAL_DIR, 'kafka-outage-test');

let broker: Awaited<ReturnType<typeof startKafka>>;
let suite: Suite;

beforeAll(async () => {
  broker = await startKafka({ port: PORT, controllerPort: CONTROLLER_PORT, dataDir: DATA_DIR, fresh: true });
  suite = await createSuite('outage', { kafkaBrokers: broker.bootstrapServers });
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  await loadNotices(suite);
});

afterAll(async () => {
  await suite?.close();
  await broker?.stop();
});

it('delivers a record shared while the broker was down once the broker is back', async () => {
  const stream = await openAlertStream(suite.url('alerting'), await analystKey(suite, 'ESP'));
  try {
    const spain = await suite.agencies.key('ESP');
    await broker.stop();

    const shared = await shareRecord(suite.url('intake'), spain, wantedPerson());
    expect(shared.status).toBe(201);
    const ready = await fetch(`${suite.url('intake')}/v1/records/${shared.body.record.id}`, {
      headers: { authorization: `Bearer ${spain}` },
    });
    expect(ready.status).toBe(200);

    broker = await startKafka({ port: PORT, controllerPort: CONTROLLER_PORT, dataDir: DATA_DIR });
    const event = await stream.next((e) => e.event === 'alert', 150_000);
    expect(JSON.parse(event.data)).toMatchObject({
      recordId: shared.body.record.id,
      entryId: 'RN-2026-000101',
      agency: 'ESP',
    });
  } finally {
    stream.close();
  }
});
