/**
 * Dead letters as an operator handles them, every part real: a record dedup
 * cannot store (its table refuses writes) is dead-lettered, appears in the
 * operator API and the dlq CLI, is replayed once the fault is removed, becomes
 * an alert, and a second replay changes nothing. Discards keep who and why;
 * agency and analyst keys see none of it.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { HEADER_MESSAGE_ID, HEADER_SCHEMA, RecordReceivedSchema, schemaName } from '@crosscheck/contracts';
import { paths } from '@crosscheck/infra';
import { Client } from 'pg';
import { openAlertStream } from '../harness/alert-stream';
import { alertingCall, alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';
import { shareRecord, wantedPerson } from '../fixtures/records';

jest.setTimeout(180_000);

const CLI = path.join(paths.REPO_ROOT, 'dist', 'apps', 'alerting', 'src', 'dlq-cli', 'dlq.cli.js');
const FAULT = 'entity_members refuses writes (an operator fault)';

let suite: Suite;
let operatorKey: string;

beforeAll(async () => {
  suite = await createSuite('deadletters');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  await loadNotices(suite);
  operatorKey = await suite.agencies.key('OPS', ['operator']);
  await suite.agencies.accepted(operatorKey, suite.url('alerting'));
});

afterAll(async () => {
  await suite?.close();
});

async function sql<Row>(text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Row[];
  } finally {
    await client.end();
  }
}

function asOperator(method: string, route: string, body?: unknown) {
  return alertingCall(suite, operatorKey, method, route, body);
}

/** The dead letters a filter selects, once there are `count` of them. */
async function deadLettersOnce(query: string, count = 1, timeoutMs = 60_000): Promise<any[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await asOperator('GET', `/v1/admin/dead-letters?${query}`);
    expect(answer.status).toBe(200);
    if (answer.body.deadLetters.length >= count) return answer.body.deadLetters;
    if (Date.now() > deadline) throw new Error(`no dead letter for ${query} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function dlq(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args, '--url', suite.url('alerting')],
      { env: { ...process.env, CROSSCHECK_API_KEY: operatorKey, CROSSCHECK_ALERTING_URL: '' }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

describe('a message dedup cannot handle', () => {
  it('is listed, replayed after the fault is removed, resolves, and a second replay changes nothing', async () => {
    await sql(`CREATE FUNCTION dedup.refuse_members() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION '${FAULT}'; END $$`);
    await sql(`CREATE TRIGGER refuse_members BEFORE INSERT ON dedup.entity_members
                 FOR EACH ROW EXECUTE FUNCTION dedup.refuse_members()`);
    const stream = await openAlertStream(suite.url('alerting'), await analystKey(suite, 'FRA'));
    try {
      const shared = await shareRecord(suite.url('intake'), await suite.agencies.key('FRA'), wantedPerson());
      expect(shared.status).toBe(201);
      const recordId: string = shared.body.record.id;

      const [listed] = await deadLettersOnce(`topic=records.received.v1&key=${recordId}`);
      expect(listed).toMatchObject({
        topic: 'records.received.v1',
        key: recordId,
        status: 'pending',
        replays: 0,
        attempts: 3,
        consumerGroup: `${suite.topicPrefix}dedup`,
        schema: 'crosscheck.records.v1.RecordReceived',
        traceId: shared.traceId,
      });
      expect(listed.error).toContain(FAULT);
      // The record's content is shared data: the operator sees its size, never the value.
      expect(listed.valueBytes).toBeGreaterThan(0);
      expect(JSON.stringify(listed)).not.toContain('Petrov');
      expect((await deadLettersOnce('error=REFUSES%20WRITES')).map((d) => d.deadLetterId)).toContain(
        listed.deadLetterId,
      );

      const shown = await dlq(['show', listed.deadLetterId]);
      expect(shown.code).toBe(0);
      expect(JSON.parse(shown.stdout)).toMatchObject({ deadLetterId: listed.deadLetterId, actions: [] });
      expect(shown.stdout).not.toContain('Petrov');

      await sql('DROP TRIGGER refuse_members ON dedup.entity_members');
      const replayed = await dlq(['replay', listed.deadLetterId, '--reason', 'dropped the refusing trigger']);
      expect(replayed.stderr).toContain('replay: 1 of 1 done');
      expect(replayed.code).toBe(0);

      const alert = JSON.parse((await stream.next((e) => e.event === 'alert')).data);
      expect(alert).toMatchObject({ recordId, entryId: 'RN-2026-000101', level: 'hit' });

      const again = await asOperator('POST', `/v1/admin/dead-letters/${listed.deadLetterId}/replay`, {
        reason: 'replayed twice on purpose',
      });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'replayed', replays: 2 });
      expect(again.body.actions.map((a: any) => [a.action, a.agency, a.reason])).toEqual([
        ['replay', 'OPS', 'dropped the refusing trigger'],
        ['replay', 'OPS', 'replayed twice on purpose'],
      ]);
      await waitForPipelineIdle(suite);

      expect(
        (await alertsOf(suite, await analystKey(suite, 'FRA'))).filter((a) => a.recordId === recordId),
      ).toHaveLength(1);
      expect(await sql('SELECT 1 FROM dedup.entity_members WHERE record_id = $1', [recordId])).toHaveLength(1);
      const metrics = await (await fetch(`${suite.url('dedup')}/metrics`)).text();
      expect(metrics).toMatch(
        /crosscheck_messages_processed_total\{topic="records.received.v1",outcome="duplicate"\} 1/,
      );

      // Both replays carry the original message id and name the dead letter they came from.
      const replays = (await readTopic(suite, 'records.received.v1')).filter((m) => m.headers['replay-of']);
      expect(replays.map((m) => [m.key?.toString(), m.headers['message-id'], m.headers['replay-of']])).toEqual([
        [recordId, listed.messageId, `${listed.source.topic}/${listed.source.partition}/${listed.source.offset}`],
        [recordId, listed.messageId, `${listed.source.topic}/${listed.source.partition}/${listed.source.offset}`],
      ]);

      const audited = await sql<{ agency: string; detail: string }>(
        `SELECT agency, detail FROM alerting.audit_log WHERE action = 'dead-letter.replay' ORDER BY id`,
      );
      expect(audited.map((line) => line.agency)).toEqual(['OPS', 'OPS']);
      expect(audited[0].detail).toContain('dropped the refusing trigger');
    } finally {
      stream.close();
      await sql('DROP TRIGGER IF EXISTS refuse_members ON dedup.entity_members');
    }
  });
});

describe('a poison message nobody can handle', () => {
  it('is discarded with who and why, stays listed, and is no longer replayed', async () => {
    const producer = suite.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: suite.topic('records.received.v1'),
      messages: [
        {
          key: 'poison-for-discard',
          value: Buffer.from('not protobuf at all'),
          headers: { [HEADER_SCHEMA]: schemaName(RecordReceivedSchema), [HEADER_MESSAGE_ID]: 'poison-discard-1' },
        },
      ],
    });
    await producer.disconnect();

    const listed = await dlq(['list', '--key', 'poison-for-discard']);
    expect(listed.code).toBe(0);
    const [poison] = await deadLettersOnce('key=poison-for-discard');
    expect(poison).toMatchObject({ status: 'pending', attempts: 1, messageId: 'poison-discard-1' });

    const discarded = await dlq(['discard', '--key', 'poison-for-discard', '--reason', 'test garbage from a lab']);
    expect(discarded.code).toBe(0);
    const shown = await asOperator('GET', `/v1/admin/dead-letters/${poison.deadLetterId}`);
    expect(shown.body).toMatchObject({ status: 'discarded', replays: 0 });
    expect(shown.body.actions).toEqual([
      expect.objectContaining({ action: 'discard', agency: 'OPS', reason: 'test garbage from a lab' }),
    ]);

    const replay = await asOperator('POST', `/v1/admin/dead-letters/${poison.deadLetterId}/replay`, { reason: 'oops' });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('conflict');
    expect((await asOperator('GET', `/v1/admin/dead-letters/${poison.deadLetterId}`)).body.replays).toBe(0);
    expect((await deadLettersOnce('status=discarded')).map((d) => d.deadLetterId)).toContain(poison.deadLetterId);
    const cliList = await dlq(['list', '--status', 'discarded']);
    expect(cliList.stdout).toContain('poison-for-discard');
  });
});

describe('the dead-letter API', () => {
  it('is closed to agency and analyst keys, and to callers without a key', async () => {
    const agencyKey = await suite.agencies.key('ESP', ['agency', 'analyst', 'data-owner']);
    await suite.agencies.accepted(agencyKey, suite.url('alerting'));
    for (const [method, route] of [
      ['GET', '/v1/admin/dead-letters'],
      ['GET', '/v1/admin/dead-letters/1'],
      ['POST', '/v1/admin/dead-letters/1/replay'],
      ['POST', '/v1/admin/dead-letters/1/discard'],
    ]) {
      const forbidden = await alertingCall(
        suite,
        agencyKey,
        method,
        route,
        method === 'POST' ? { reason: 'curious' } : undefined,
      );
      expect([route, forbidden.status, forbidden.body.error.code]).toEqual([route, 403, 'forbidden']);
      const anonymous = await fetch(`${suite.url('alerting')}${route}`, { method });
      expect([route, anonymous.status]).toEqual([route, 401]);
    }
  });

  it.each([
    ['GET', '/v1/admin/dead-letters?topic=nope', undefined, 400, 'topic', 'isIn'],
    ['GET', '/v1/admin/dead-letters?since=yesterday', undefined, 400, 'since', 'isInstant'],
    ['GET', '/v1/admin/dead-letters?limit=0', undefined, 400, 'limit', 'range'],
    ['GET', '/v1/admin/dead-letters?colour=red', undefined, 400, 'colour', 'unknownParameter'],
    ['POST', '/v1/admin/dead-letters/1/replay', {}, 400, 'reason', 'isDefined'],
    ['POST', '/v1/admin/dead-letters/1/discard', { reason: '' }, 400, 'reason', 'isNotEmpty'],
    ['POST', '/v1/admin/dead-letters/1/replay', { reason: 'x', force: true }, 400, 'force', 'unknownField'],
    ['GET', '/v1/admin/dead-letters/abc', undefined, 404, undefined, undefined],
    ['POST', '/v1/admin/dead-letters/999999/replay', { reason: 'x' }, 404, undefined, undefined],
  ])(
    '%s %s is refused with the field and rule, and changes nothing',
    async (method, route, body, status, field, rule) => {
      const before = await sql('SELECT status, replays FROM alerting.dead_letters ORDER BY dead_letter_id');
      const answer = await asOperator(method, route, body);
      expect(answer.status).toBe(status);
      if (field)
        expect(answer.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
      expect(await sql('SELECT status, replays FROM alerting.dead_letters ORDER BY dead_letter_id')).toEqual(before);
    },
  );
});
