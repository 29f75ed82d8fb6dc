/**
 * Matching as agencies and data owners see it: every record kind hits its
 * dataset, a person's passport hits SLTD, a notice loaded after the record
 * still hits it (retro-hit), matches are retracted when the record is
 * withdrawn or the entry removed, delta loads change only what they name, a
 * malformed load file is reported line by line, and instant checks and
 * matches obey dissemination. Resolved records are checked in batches: a
 * poison pill among them is dead-lettered alone, a redelivery changes nothing.
 * Real intake, dedup and matching processes, real
 * Kafka, real Postgres, the loader CLI as a process.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import {
  contractHeaders,
  DeadLetterSchema,
  DisseminationSchema,
  DisseminationScope,
  MatchFoundSchema,
  MatchLevel,
  MatchRetractedSchema,
  RecordKind,
  RecordResolvedSchema,
  ResolutionDecision,
  SharedRecordSchema,
} from '@crosscheck/contracts';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadReference } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;
const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-matching-'));

beforeAll(async () => {
  suite = await createSuite('matching');
  await suite.start('intake', 'dedup', 'matching');
});

afterAll(async () => {
  await suite?.close();
});

function file(name: string, lines: unknown[]): string {
  const target = path.join(dir, name);
  writeFileSync(
    target,
    lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n',
  );
  return target;
}

async function load(dataset: string, lines: unknown[], ...extra: string[]) {
  return loadReference(suite, [
    '--dataset',
    dataset,
    '--file',
    file(`${dataset}-${randomUUID()}.ndjson`, lines),
    ...extra,
  ]);
}

async function keyOf(agency: string, service: 'dedup' | 'matching' = 'matching'): Promise<string> {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url(service));
  return key;
}

async function share(agency: string, record: Record<string, unknown>): Promise<string> {
  const shared = await shareRecord(suite.url('intake'), await keyOf(agency), {
    externalRef: `CASE-${randomUUID()}`,
    dissemination: { scope: 'all' },
    purpose: 'investigation',
    ...record,
  });
  if (shared.status !== 201) throw new Error(`sharing was refused: ${shared.status} ${JSON.stringify(shared.body)}`);
  return shared.body.record.id as string;
}

async function found(recordId: string) {
  return (await readTopic(suite, 'matches.found.v1'))
    .map((message) => fromBinary(MatchFoundSchema, message.value!))
    .filter((match) => match.recordId === recordId);
}

async function retracted(matchId: string) {
  return (await readTopic(suite, 'matches.retracted.v1'))
    .map((message) => fromBinary(MatchRetractedSchema, message.value!))
    .filter((retraction) => retraction.matchId === matchId);
}

async function check(agency: string, query: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${suite.url('matching')}/v1/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await keyOf(agency)}` },
    body: JSON.stringify(query),
  });
  return { status: response.status, body: await response.json() };
}

const notice = (
  entryId: string,
  given: string,
  family: string,
  dateOfBirth: string,
  extra: Record<string, unknown> = {},
) => ({
  entryId,
  colour: 'red',
  noticeRef: `A-${entryId}`,
  charges: 'Armed robbery',
  subject: { names: [{ given, family }], dateOfBirth, sex: 'male', ...extra },
});

describe('every record kind', () => {
  beforeAll(async () => {
    expect((await load('notices', [notice('RN-1', 'Dmitri', 'Sokolov', '1969-02-11')])).code).toBe(0);
    expect(
      (
        await load('sltd', [
          {
            entryId: 'SLTD-1',
            travelDocument: { number: 'X1234567', type: 'passport', issuingCountry: 'RUS', status: 'stolen' },
          },
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await load('smv', [
          {
            entryId: 'SMV-1',
            vehicle: {
              vin: '1HGCM82633A004352',
              plate: 'AB-123-CD',
              registrationCountry: 'FRA',
              make: 'Honda',
              model: 'Accord',
            },
          },
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await load('firearms', [
          {
            entryId: 'FA-1',
            firearm: { serialNumber: 'GLK-778812', make: 'Glock', model: '17', calibre: '9x19mm', type: 'pistol' },
          },
        ])
      ).code,
    ).toBe(0);
    const art = await load('works-of-art', [
      { entryId: 'WOA-1', artwork: { title: 'The Concert', objectType: 'painting', maker: 'Johannes Vermeer' } },
    ]);
    expect(art).toMatchObject({ code: 0 });
    expect(art.stdout).toContain('1 added');
  });

  it.each([
    [
      'a person',
      {
        kind: 'person',
        person: { names: [{ full: 'Дмитрий Соколов', script: 'Cyrl' }], dateOfBirth: '1969-02-11', sex: 'male' },
      },
      'notices',
      'RN-1',
    ],
    [
      'a travel document written another way',
      {
        kind: 'travel_document',
        travelDocument: { number: 'x 123-4567', type: 'passport', issuingCountry: 'RUS', status: 'stolen' },
      },
      'sltd',
      'SLTD-1',
    ],
    ['a vehicle', { kind: 'vehicle', vehicle: { vin: '1HGCM82633A004352' } }, 'smv', 'SMV-1'],
    ['a firearm', { kind: 'firearm', firearm: { serialNumber: 'GLK778812', make: 'GLOCK' } }, 'firearms', 'FA-1'],
    [
      'an artwork',
      { kind: 'artwork', artwork: { title: 'The concert', objectType: 'painting', maker: 'Vermeer, Johannes' } },
      'works-of-art',
      'WOA-1',
    ],
  ])('%s hits its dataset', async (_, record, dataset, entryId) => {
    const recordId = await share('FRA', record);
    await waitForPipelineIdle(suite);
    const matches = await found(recordId);
    expect(matches.map((match) => [match.dataset, match.entryId, match.level])).toContainEqual([
      dataset,
      entryId,
      MatchLevel.HIT,
    ]);
    const match = matches.find((m) => m.entryId === entryId)!;
    expect(match.features.length).toBeGreaterThan(0);
    expect(match.entryOwner).toBe('IPSG');
    expect(match.recordOwner).toBe('FRA');
  });

  it('checks a person’s passport against SLTD', async () => {
    const recordId = await share('DEU', {
      kind: 'person',
      person: {
        names: [{ given: 'Oleg', family: 'Orlov' }],
        dateOfBirth: '1980-01-01',
        documents: [{ number: 'X1234567', type: 'passport', issuingCountry: 'RUS' }],
      },
    });
    await waitForPipelineIdle(suite);
    const matches = await found(recordId);
    expect(matches.map((match) => [match.dataset, match.entryId])).toContainEqual(['sltd', 'SLTD-1']);
  });
});

describe('matches after the fact', () => {
  it('a notice loaded after the record hits it (retro-hit), and is retracted when the entry is removed', async () => {
    const recordId = await share('ITA', {
      kind: 'person',
      person: { names: [{ given: 'Salvatore', family: 'Greco' }], dateOfBirth: '1977-08-30', sex: 'male' },
    });
    await waitForPipelineIdle(suite);
    expect(await found(recordId)).toEqual([]);

    const delta = await load('notices', [notice('RN-RETRO', 'Salvatore', 'Greco', '1977-08-30')], '--mode', 'delta');
    expect(delta.stdout).toContain('1 added');
    await waitForPipelineIdle(suite);
    const [match] = await found(recordId);
    expect(match).toMatchObject({ dataset: 'notices', entryId: 'RN-RETRO', level: MatchLevel.HIT, recordOwner: 'ITA' });
    // The delta changed nothing else: the earlier notice still serves.
    expect(
      (
        await check('ITA', {
          kind: 'person',
          person: { names: [{ given: 'Dmitri', family: 'Sokolov' }], dateOfBirth: '1969-02-11' },
        })
      ).body.hits,
    ).toHaveLength(1);

    const removal = await load('notices', [{ entryId: 'RN-RETRO', op: 'remove' }], '--mode', 'delta');
    expect(removal.stdout).toContain('1 removed');
    await waitForPipelineIdle(suite);
    expect(await retracted(match.matchId)).toEqual([
      expect.objectContaining({ reason: 'the reference entry was removed', entityId: match.entityId }),
    ]);
  });

  it('a withdrawn record has its matches retracted', async () => {
    const recordId = await share('ESP', {
      kind: 'vehicle',
      vehicle: { vin: '1HGCM82633A004352', plate: 'AB123CD', registrationCountry: 'FRA' },
    });
    await waitForPipelineIdle(suite);
    const [match] = await found(recordId);
    expect(match.entryId).toBe('SMV-1');

    const withdrawn = await fetch(`${suite.url('intake')}/v1/records/${recordId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await keyOf('ESP')}` },
    });
    expect(withdrawn.status).toBe(200);
    await waitForPipelineIdle(suite);
    const [retraction] = await retracted(match.matchId);
    expect(retraction.reason).toMatch(/withdrawn|left its entity/);
  });

  it('the same pair seen again with the same outcome publishes nothing new', async () => {
    const record = { kind: 'firearm', firearm: { serialNumber: 'GLK 778812', make: 'Glock' } };
    const first = await share('NLD', record);
    await waitForPipelineIdle(suite);
    const before = (await readTopic(suite, 'matches.found.v1')).length;
    // The whole firearms dataset loaded again, unchanged: no entry changes, so no retro-check and no new match.
    const again = await load('firearms', [
      {
        entryId: 'FA-1',
        firearm: { serialNumber: 'GLK-778812', make: 'Glock', model: '17', calibre: '9x19mm', type: 'pistol' },
      },
    ]);
    expect(again.stdout).toContain('0 added, 0 changed, 1 unchanged');
    await waitForPipelineIdle(suite);
    expect((await readTopic(suite, 'matches.found.v1')).length).toBe(before);
    expect(await found(first)).toHaveLength(1);
  });
});

describe('loading', () => {
  it('reports a malformed file line by line, and with --stop-on-bad-line changes nothing', async () => {
    const lines = [
      { entryId: 'SMV-OK', vehicle: { vin: 'WVWZZZ1JZXW000001', registrationCountry: 'DEU' } },
      '{"entryId": "SMV-BROKEN", ',
      { entryId: 'SMV-BADVIN', vehicle: { vin: 'IOQ' } },
      { entryId: 'SMV-COUNTRY', vehicle: { vin: 'WVWZZZ1JZXW000002', registrationCountry: 'XXA' } },
    ];
    const stopped = await load('smv', lines, '--mode', 'delta', '--stop-on-bad-line');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('line 2');
    expect((await check('FRA', { kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001' } })).body.hits).toEqual([]);

    const skipped = await load('smv', lines, '--mode', 'delta');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('1 added');
    expect(skipped.stdout).toMatch(/line 2: .*JSON/);
    expect(skipped.stdout).toMatch(/line 3: vehicle\.vin/);
    expect(skipped.stdout).toMatch(/line 4: vehicle\.registrationCountry/);
    expect((await check('FRA', { kind: 'vehicle', vehicle: { vin: 'WVWZZZ1JZXW000001' } })).body.hits).toHaveLength(1);
  });

  it('lets the data owner load over the API, and nobody else', async () => {
    const interpol = await suite.agencies.key('IPSG', ['data-owner']);
    const bka = await suite.agencies.key('BKA', ['data-owner']);
    await Promise.all([
      suite.agencies.accepted(interpol, suite.url('matching')),
      suite.agencies.accepted(bka, suite.url('matching')),
    ]);
    const post = (key: string, dataset: string, body: string, query = '') =>
      fetch(`${suite.url('matching')}/v1/datasets/${dataset}/loads${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` },
        body,
      });
    const line = JSON.stringify({
      entryId: 'FA-2',
      firearm: { serialNumber: 'WAL-9912', make: 'Walther', type: 'pistol' },
    });
    const query = { kind: 'firearm', firearm: { serialNumber: 'WAL9912', make: 'Walther' } };

    const stopped = await post(
      interpol,
      'firearms',
      `${line}\n{"entryId":"FA-3","firearm":{"make":"Walther"}}`,
      '?stopOnBadLine=true',
    );
    expect(stopped.status).toBe(400);
    expect(((await stopped.json()) as { error: { message: string } }).error.message).toContain('line 2');
    expect((await check('FRA', query)).body.hits).toEqual([]);

    const loaded = await post(interpol, 'firearms', line);
    expect(loaded.status).toBe(201);
    expect(await loaded.json()).toMatchObject({
      dataset: 'firearms',
      mode: 'delta',
      added: 1,
      removed: 0,
      rejected: [],
    });
    expect((await check('FRA', query)).body.hits.map((hit: { entryId: string }) => hit.entryId)).toEqual(['FA-2']);

    // The firearms dataset belongs to IPSG: BKA may not change it, an agency key may not load at all.
    const removal = JSON.stringify({ entryId: 'FA-2', op: 'remove' });
    expect((await post(bka, 'firearms', removal)).status).toBe(403);
    expect((await post(await keyOf('FRA'), 'firearms', removal)).status).toBe(403);
    expect((await post(interpol, 'stolen-bikes', removal)).status).toBe(404);
    expect((await check('FRA', query)).body.hits.map((hit: { entryId: string }) => hit.entryId)).toEqual(['FA-2']);
  });

  it('refuses a file for an unknown dataset and changes nothing', async () => {
    const answer = await loadReference(suite, [
      '--dataset',
      'stolen-bikes',
      '--file',
      file('bikes.ndjson', [{ entryId: 'B-1' }]),
    ]);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('--dataset: must be one of notices, sltd, smv, firearms, works-of-art');
  });
});

describe('dissemination', () => {
  it('an instant check never shows a hidden entry the caller’s agency may not see', async () => {
    const loaded = await load(
      'notices',
      [notice('RN-SECRET', 'Viktor', 'Bout', '1967-01-13')],
      '--mode',
      'delta',
      '--owner',
      'USA',
      '--dissemination',
      'agencies:GBR',
      '--outside',
      'hidden',
    );
    expect(loaded.code).toBe(0);
    const query = {
      kind: 'person',
      person: { names: [{ given: 'Viktor', family: 'Bout' }], dateOfBirth: '1967-01-13' },
    };
    const britain = await check('GBR', query);
    expect(britain.status).toBe(200);
    expect(britain.body.hits.map((hit: { entryId: string }) => hit.entryId)).toContain('RN-SECRET');
    expect(britain.body.hits[0]).toMatchObject({ dataset: 'notices', level: 'hit', noticeColour: 'red' });
    const france = await check('FRA', query);
    expect(france.body.hits).toEqual([]);
  });

  it('every instant check leaves one audit line, with or without hits, refused or not', async () => {
    expect(
      (await load('notices', [notice('RN-AUDIT', 'Pavel', 'Ostrovsky', '1971-05-30')], '--mode', 'delta')).code,
    ).toBe(0);
    const hitting = {
      kind: 'person',
      person: { names: [{ given: 'Pavel', family: 'Ostrovsky' }], dateOfBirth: '1971-05-30' },
    };
    expect((await check('NLD', hitting)).body.hits.length).toBeGreaterThan(0);
    const missing = { kind: 'person', person: { names: [{ given: 'Nobody', family: 'Anywhere' }] } };
    expect((await check('NLD', missing)).body.hits).toEqual([]);
    expect((await check('NLD', { kind: 'vehicle', vehicle: { vin: 'TOO-SHORT' } })).status).toBe(400);
    const admin = await suite.agencies.key('CCOPS', ['admin']);
    await suite.agencies.accepted(admin, suite.url('matching'));
    const audit = await fetch(`${suite.url('matching')}/v1/admin/audit?agency=NLD&action=reference.check`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const { entries } = (await audit.json()) as { entries: { outcome: string; status: number; traceId: string }[] };
    expect(entries.map((line) => `${line.outcome} ${line.status}`).sort()).toEqual(['ok 200', 'ok 200', 'refused 400']);
    expect(entries.every((line) => /^[0-9a-f]{32}$/.test(line.traceId))).toBe(true);
  });

  it('a match carries the dissemination of both sides', async () => {
    const recordId = await share('CAN', {
      kind: 'person',
      person: { names: [{ given: 'Viktor', family: 'Bout' }], dateOfBirth: '1967-01-13' },
      dissemination: { scope: 'owner-only' },
    });
    await waitForPipelineIdle(suite);
    const [match] = await found(recordId);
    expect(match.entryId).toBe('RN-SECRET');
    expect(match.entryDissemination?.agencies).toEqual(['GBR']);
    expect(match.recordDissemination?.agencies).toEqual([]);
    expect(match.recordOwner).toBe('CAN');
    expect(match.entryOwner).toBe('USA');
  });

  it('instant checks refuse bad input and unauthenticated callers', async () => {
    const bad = await check('FRA', { kind: 'vehicle', vehicle: { vin: 'TOO-SHORT' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toContainEqual(expect.objectContaining({ field: 'vehicle.vin' }));
    const anonymous = await fetch(`${suite.url('matching')}/v1/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    const batch = await fetch(`${suite.url('matching')}/v1/checks/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await keyOf('FRA')}` },
      body: JSON.stringify([
        { kind: 'vehicle', vehicle: { vin: '1HGCM82633A004352' } },
        { kind: 'vehicle', vehicle: { vin: 'bad' } },
      ]),
    });
    const results = ((await batch.json()) as { results: { status: number; hits?: { entryId: string }[] }[] }).results;
    expect(results.map((result) => result.status)).toEqual([200, 400]);
    expect(results[0].hits!.map((hit) => hit.entryId)).toEqual(['SMV-1']);
  });
});

describe('checking resolved records in batches', () => {
  /** A RecordResolved as dedup publishes it: a vehicle record, a new entity of its own. */
  function resolvedVehicle(recordId: string, vin: string) {
    const record = create(SharedRecordSchema, {
      recordId,
      version: 1,
      owner: 'FRA',
      kind: RecordKind.VEHICLE,
      dissemination: create(DisseminationSchema, { scope: DisseminationScope.ALL }),
      body: { case: 'vehicle', value: { vin } },
    });
    const event = create(RecordResolvedSchema, {
      entityId: randomUUID(),
      record,
      decision: ResolutionDecision.NEW_ENTITY,
    });
    return {
      key: event.entityId,
      value: Buffer.from(toBinary(RecordResolvedSchema, event)),
      headers: contractHeaders(RecordResolvedSchema, randomUUID()),
    };
  }

  it('checks every good record of a batch, dead-letters only the poison pill, and changes nothing on redelivery', async () => {
    expect(
      (await load('smv', [{ entryId: 'SMV-BATCH', vehicle: { vin: 'WVWZZZ1JZXW000001' } }], '--mode', 'delta')).code,
    ).toBe(0);
    await waitForPipelineIdle(suite);
    const good = Array.from({ length: 40 }, () => randomUUID());
    // Decodes, but Postgres refuses its record id: it fails its batch for a reason of its own, every time.
    const poison = resolvedVehicle('not-a-uuid', 'WVWZZZ1JZXW000001');
    const messages = good.map((recordId) => resolvedVehicle(recordId, 'WVWZZZ1JZXW000001'));
    messages.splice(20, 0, poison);
    messages.push(messages[0]); // the same message twice: the inbox keeps it once
    const producer = suite.kafka.producer();
    await producer.connect();
    // One key for all, so they share a partition and come in one Kafka batch.
    await producer.send({
      topic: suite.topic('records.resolved.v1'),
      messages: messages.map((message) => ({ ...message, key: 'batch' })),
    });
    await producer.disconnect();
    await waitForPipelineIdle(suite);

    const matches = (await readTopic(suite, 'matches.found.v1'))
      .map((message) => fromBinary(MatchFoundSchema, message.value!))
      .filter((match) => match.entryId === 'SMV-BATCH');
    expect(matches.map((match) => match.recordId).sort()).toEqual([...good].sort());
    expect(
      matches.every(
        (match) =>
          match.level === MatchLevel.HIT &&
          match.record?.recordId === match.recordId &&
          match.entry?.entryId === 'SMV-BATCH',
      ),
    ).toBe(true);
    const letters = (await readTopic(suite, 'records.resolved.v1.dlq')).map((message) =>
      fromBinary(DeadLetterSchema, message.value!),
    );
    expect(letters).toHaveLength(1);
    expect(Buffer.from(letters[0].value)).toEqual(poison.value);
    const metrics = await (await fetch(`${suite.url('matching')}/metrics`)).text();
    expect(metrics).toMatch(/crosscheck_messages_processed_total\{topic="records.resolved.v1",outcome="duplicate"\} 1/);
    expect(metrics).toMatch(/crosscheck_dead_letters_total\{topic="records.resolved.v1"\} 1/);
  });
});
