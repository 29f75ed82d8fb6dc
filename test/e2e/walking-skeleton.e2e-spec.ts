/**
 * The walking skeleton, every hop real: an agency shares a person record with
 * intake; dedup resolves it; matching checks it against seeded Red Notices;
 * alerting raises the alert and pushes it on the live stream. Four service
 * processes, a real Kafka broker, a real Postgres, a real Zipkin.
 */
import { fromBinary } from '@bufbuild/protobuf';
import {
  DeadLetterSchema,
  HEADER_MESSAGE_ID,
  HEADER_SCHEMA,
  RecordReceivedSchema,
  schemaName,
} from '@crosscheck/contracts';
import { Client } from 'pg';
import { openAlertStream } from '../harness/alert-stream';
import { alertsOf as alertsOfAgency, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { endOffsets, readTopic } from '../harness/topics';
import { shareRecord, unknownPerson, wantedPerson } from '../fixtures/records';

jest.setTimeout(120_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('skeleton');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  const summary = await loadNotices(suite);
  expect(summary).toContain('5 added');
});

afterAll(async () => {
  await suite?.close();
});

async function alertsOf(agency: string): Promise<any[]> {
  return alertsOfAgency(suite, await analystKey(suite, agency));
}

async function query<Row>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

describe('a shared person record', () => {
  it('that matches a Red Notice reaches the sharing agency’s live stream as an alert', async () => {
    const stream = await openAlertStream(suite.url('alerting'), await analystKey(suite, 'FRA'));
    try {
      const shared = await shareRecord(suite.url('intake'), await suite.agencies.key('FRA'), wantedPerson());
      expect(shared.status).toBe(201);

      const event = await stream.next((e) => e.event === 'alert');
      const alert = JSON.parse(event.data);
      expect(alert).toMatchObject({
        agency: 'FRA',
        recordId: shared.body.record.id,
        dataset: 'notices',
        entryId: 'RN-2026-000101',
        level: 'hit',
        noticeColour: 'red',
        status: 'new',
      });
      expect(alert.features.map((f: { feature: string }) => f.feature)).toEqual(
        expect.arrayContaining(['name', 'date_of_birth']),
      );

      const listed = await alertsOf('FRA');
      expect(listed.map((a) => a.alertId)).toContain(alert.alertId);
      // The owner of the notice hears of the hit too.
      expect((await alertsOf('IPSG')).some((a) => a.recordId === shared.body.record.id)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('is followed in one trace through intake, dedup, matching and alerting', async () => {
    const stream = await openAlertStream(suite.url('alerting'), await analystKey(suite, 'NLD'));
    const shared = await shareRecord(suite.url('intake'), await suite.agencies.key('NLD'), wantedPerson());
    await stream.next((e) => e.event === 'alert');
    stream.close();
    expect(shared.traceId).toMatch(/^[0-9a-f]{32}$/);

    const expected = ['alerting', 'dedup', 'intake', 'matching'];
    let services: string[] = [];
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${suite.zipkinUrl}/api/v2/trace/${shared.traceId}`);
      if (response.ok) {
        const spans = (await response.json()) as { localEndpoint?: { serviceName?: string } }[];
        services = [...new Set(spans.map((span) => span.localEndpoint?.serviceName ?? ''))].sort();
        if (expected.every((service) => services.includes(service))) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(services).toEqual(expect.arrayContaining(expected));
  });

  it('that matches no notice raises no alert', async () => {
    const shared = await shareRecord(suite.url('intake'), await suite.agencies.key('SWE'), unknownPerson());
    expect(shared.status).toBe(201);
    await waitForPipelineIdle(suite);

    const [member] = await query<{ entity_id: string }>(
      'SELECT entity_id FROM dedup.entity_members WHERE record_id = $1',
      [shared.body.record.id],
    );
    expect(member).toBeDefined();
    expect(await alertsOf('SWE')).toEqual([]);
  });

  it('shared twice, and again under another reference, makes one entity and one alert', async () => {
    const record = wantedPerson();
    const first = await shareRecord(suite.url('intake'), await suite.agencies.key('DEU'), record);
    const again = await shareRecord(suite.url('intake'), await suite.agencies.key('DEU'), record);
    const underAnotherRef = await shareRecord(suite.url('intake'), await suite.agencies.key('DEU'), {
      ...record,
      externalRef: `${record.externalRef}-B`,
    });
    expect([first.status, again.status, underAnotherRef.status]).toEqual([201, 200, 201]);
    expect(again.body.record.id).toBe(first.body.record.id);
    await waitForPipelineIdle(suite);

    const entities = await query<{ entities: number }>(
      'SELECT count(DISTINCT entity_id)::int AS entities FROM dedup.entity_members WHERE record_id = ANY($1::uuid[])',
      [[first.body.record.id, underAnotherRef.body.record.id]],
    );
    expect(entities[0].entities).toBe(1);
    expect((await alertsOf('DEU')).filter((a) => a.entryId === 'RN-2026-000101')).toHaveLength(1);
  });
});

describe('the consumers', () => {
  it('change nothing when a message is delivered again', async () => {
    const shared = await shareRecord(suite.url('intake'), await suite.agencies.key('BEL'), wantedPerson());
    await waitForPipelineIdle(suite);
    const resolvedBefore = await endOffsets(suite, 'records.resolved.v1');
    const alertsBefore = await alertsOf('BEL');
    expect(alertsBefore).toHaveLength(1);

    const received = (await readTopic(suite, 'records.received.v1')).find(
      (message) => message.key?.toString() === shared.body.record.id,
    )!;
    expect(received.headers[HEADER_MESSAGE_ID]).toBeDefined();
    const producer = suite.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: suite.topic('records.received.v1'),
      messages: [{ key: received.key, value: received.value, headers: received.headers }],
    });
    await producer.disconnect();
    await waitForPipelineIdle(suite);

    expect(await endOffsets(suite, 'records.resolved.v1')).toEqual(resolvedBefore);
    const metrics = await (await fetch(`${suite.url('dedup')}/metrics`)).text();
    expect(metrics).toMatch(/crosscheck_messages_processed_total\{topic="records.received.v1",outcome="duplicate"\} 1/);
    expect(await alertsOf('BEL')).toEqual(alertsBefore);
  });

  it('send a malformed message to the dead-letter topic with the error, and keep going', async () => {
    const producer = suite.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: suite.topic('records.received.v1'),
      messages: [
        {
          key: 'poison',
          value: Buffer.from('this is not protobuf \xff\xfe'),
          headers: { [HEADER_SCHEMA]: schemaName(RecordReceivedSchema), [HEADER_MESSAGE_ID]: 'poison-1' },
        },
      ],
    });
    await producer.disconnect();

    await waitForPipelineIdle(suite);
    const [deadLetter] = await readTopic(suite, 'records.received.v1.dlq');
    const letter = fromBinary(DeadLetterSchema, deadLetter.value!);
    expect(letter.topic).toBe('records.received.v1');
    expect(letter.consumerGroup).toBe(`${suite.topicPrefix}dedup`);
    expect(letter.error).toContain('crosscheck.records.v1.RecordReceived');
    expect(Buffer.from(letter.value).toString('latin1')).toContain('this is not protobuf');

    // The partition is not blocked: a record shared after the poison still becomes an alert.
    const stream = await openAlertStream(suite.url('alerting'), await analystKey(suite, 'ITA'));
    try {
      const shared = await shareRecord(suite.url('intake'), await suite.agencies.key('ITA'), wantedPerson());
      const event = await stream.next((e) => e.event === 'alert');
      expect(JSON.parse(event.data).recordId).toBe(shared.body.record.id);
    } finally {
      stream.close();
    }

    const metrics = await (await fetch(`${suite.url('dedup')}/metrics`)).text();
    expect(metrics).toMatch(/crosscheck_dead_letters_total\{topic="records.received.v1"\} 1/);
    expect(metrics).toMatch(/crosscheck_messages_processed_total\{topic="records.received.v1",outcome="ok"\} \d+/);
    expect(metrics).toMatch(/crosscheck_consumer_lag\{topic="records.received.v1",partition="\d"\} \d+/);
    expect(metrics).toMatch(/crosscheck_message_handler_seconds_bucket/);
  });
});
