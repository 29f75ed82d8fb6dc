/**
 * Dedup as agencies see it: records shared by different agencies, in different
 * scripts and spellings, become one entity with links between the agencies'
 * cases; homonyms stay apart; an update can split a record off and a
 * withdrawal takes it out; the entity views obey dissemination. Real intake
 * and dedup processes, real Kafka, real Postgres.
 */
import { randomUUID } from 'node:crypto';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { endOffsets, readTopic } from '../harness/topics';
import { PersonRecordInput, shareRecord } from '../fixtures/records';

jest.setTimeout(120_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('dedup');
  await suite.start('intake', 'dedup');
});

afterAll(async () => {
  await suite?.close();
});

/** A key of `agency` that dedup already knows (keys reach it over Kafka). */
async function keyOf(agency: string): Promise<string> {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url('dedup'));
  return key;
}

function person(
  names: PersonRecordInput['person']['names'],
  extra: Partial<PersonRecordInput['person']> = {},
  dissemination: PersonRecordInput['dissemination'] = { scope: 'all' },
): PersonRecordInput {
  return {
    kind: 'person',
    externalRef: `CASE-${randomUUID()}`,
    dissemination,
    purpose: 'investigation',
    person: { names, ...extra },
  };
}

async function share(agency: string, record: PersonRecordInput): Promise<string> {
  const shared = await shareRecord(suite.url('intake'), await keyOf(agency), record);
  if (shared.status !== 201) throw new Error(`sharing was refused: ${shared.status} ${JSON.stringify(shared.body)}`);
  return shared.body.record.id as string;
}

async function entityOfRecord(agency: string, recordId: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${suite.url('dedup')}/v1/records/${recordId}/entity`, {
    headers: { authorization: `Bearer ${await keyOf(agency)}` },
  });
  return { status: response.status, body: await response.json() };
}

async function entity(agency: string, entityId: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${suite.url('dedup')}/v1/entities/${entityId}`, {
    headers: { authorization: `Bearer ${await keyOf(agency)}` },
  });
  return { status: response.status, body: await response.json() };
}

const withoutExternalRef = ({ externalRef: _, ...content }: PersonRecordInput) => content;

const recordIds = (view: { records: { id: string }[] }) => view.records.map((record) => record.id).sort();

describe('records of one person shared by several agencies', () => {
  it('become one entity across agencies, spellings and scripts, with the links between the cases', async () => {
    const french = await share(
      'FRA',
      person([{ given: 'Aleksandr', family: 'Ivanov' }], {
        dateOfBirth: '1968-07-21',
        sex: 'male',
        nationalities: ['RUS'],
      }),
    );
    const ukrainian = await share(
      'UKR',
      person([{ full: 'Александр Иванов', script: 'Cyrl' }], { dateOfBirth: '1968-07-21', sex: 'male' }),
    );
    const german = await share(
      'DEU',
      person([{ full: 'IVANOV, Alexander' }], { dateOfBirth: '1968', nationalities: ['RUS'] }),
    );
    await waitForPipelineIdle(suite);

    const view = await entityOfRecord('FRA', french);
    expect(view.status).toBe(200);
    expect(recordIds(view.body)).toEqual([french, ukrainian, german].sort());
    expect(view.body.kind).toBe('person');
    // Three agencies, three links, each with the evidence behind it.
    expect(view.body.links).toHaveLength(3);
    for (const link of view.body.links) {
      expect(link.agencies[0]).not.toBe(link.agencies[1]);
      expect(link.score).toBeGreaterThan(0);
      expect(link.explanation.map((feature: { feature: string }) => feature.feature)).toContain('name');
    }
    expect((await entity('DEU', view.body.entityId)).body.entityId).toBe(view.body.entityId);
  });

  it('stay apart when they are homonyms born on different dates', async () => {
    const first = await share(
      'FRA',
      person([{ given: 'Mohammed', family: 'Ali' }], { dateOfBirth: '1980-05-01', sex: 'male' }),
    );
    const second = await share(
      'ESP',
      person([{ given: 'Mohammed', family: 'Ali' }], { dateOfBirth: '1991-11-23', sex: 'male' }),
    );
    await waitForPipelineIdle(suite);

    const [a, b] = [await entityOfRecord('FRA', first), await entityOfRecord('ESP', second)];
    expect(a.body.entityId).not.toBe(b.body.entityId);
    expect(recordIds(a.body)).toEqual([first]);
    expect(recordIds(b.body)).toEqual([second]);
  });
});

describe('a record that changes', () => {
  it('leaves its entity when an update makes it another person, and on withdrawal', async () => {
    const original = await share(
      'ITA',
      person([{ given: 'Giuseppe', family: 'Esposito' }], { dateOfBirth: '1975-02-11', sex: 'male' }),
    );
    const copy = person([{ given: 'Giuseppe', family: 'Esposito' }], { dateOfBirth: '1975-02-11', sex: 'male' });
    const other = await share('BEL', copy);
    const third = await share('NLD', person([{ full: 'Esposito Giuseppe' }], { dateOfBirth: '1975-02-11' }));
    await waitForPipelineIdle(suite);
    const together = await entityOfRecord('ITA', original);
    expect(recordIds(together.body)).toEqual([original, other, third].sort());

    // Belgium corrects its record: it was somebody else altogether.
    const updated = await fetch(`${suite.url('intake')}/v1/records/${other}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await keyOf('BEL')}` },
      body: JSON.stringify({
        ...withoutExternalRef(copy),
        person: { names: [{ given: 'Marieke', family: 'Janssens' }], dateOfBirth: '1990-09-30', sex: 'female' },
      }),
    });
    if (updated.status !== 200) throw new Error(`the update was refused: ${updated.status} ${await updated.text()}`);
    await waitForPipelineIdle(suite);
    expect(recordIds((await entityOfRecord('ITA', original)).body)).toEqual([original, third].sort());
    const split = await entityOfRecord('BEL', other);
    expect(split.body.entityId).not.toBe(together.body.entityId);
    expect(recordIds(split.body)).toEqual([other]);

    const withdrawn = await fetch(`${suite.url('intake')}/v1/records/${third}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await keyOf('NLD')}` },
    });
    expect(withdrawn.status).toBe(200);
    await waitForPipelineIdle(suite);
    expect(recordIds((await entityOfRecord('ITA', original)).body)).toEqual([original]);
    expect((await entityOfRecord('NLD', third)).status).toBe(404);

    // Each change was published, keyed by the entity it changed.
    const resolved = await readTopic(suite, 'records.resolved.v1');
    const keys = resolved.map((message) => message.key?.toString());
    expect(keys.filter((key) => key === together.body.entityId).length).toBeGreaterThanOrEqual(5);
  });

  it('merges two entities into the older when an update shows they are one person, and the other id redirects', async () => {
    const older = await share(
      'FRA',
      person([{ given: 'Piotr', family: 'Zieliński' }], { dateOfBirth: '1980-01-01', sex: 'male' }),
    );
    const content = person([{ given: 'Maria', family: 'Costa' }], { dateOfBirth: '1970-05-05', sex: 'female' });
    const newer = await share('BEL', content);
    await waitForPipelineIdle(suite);
    const [first, second] = [
      (await entityOfRecord('FRA', older)).body.entityId,
      (await entityOfRecord('BEL', newer)).body.entityId,
    ];
    expect(first).not.toBe(second);

    // Belgium corrects its record: it is France's Piotr Zieliński after all.
    const updated = await fetch(`${suite.url('intake')}/v1/records/${newer}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await keyOf('BEL')}` },
      body: JSON.stringify({
        ...withoutExternalRef(content),
        person: { names: [{ given: 'Piotr', family: 'Zielinski' }], dateOfBirth: '1980-01-01', sex: 'male' },
      }),
    });
    if (updated.status !== 200) throw new Error(`the update was refused: ${updated.status} ${await updated.text()}`);
    await waitForPipelineIdle(suite);

    const merged = await entity('BEL', second);
    expect(merged.status).toBe(200);
    expect(merged.body.entityId).toBe(first);
    expect(merged.body.mergedFrom).toBe(second);
    expect(recordIds(merged.body)).toEqual([older, newer].sort());
    expect((await entityOfRecord('FRA', newer)).body.entityId).toBe(first);
  });

  it('changes nothing when delivered again, even under a new message id', async () => {
    const recordId = await share(
      'POL',
      person([{ given: 'Krzysztof', family: 'Wójcik' }], { dateOfBirth: '1983-04-04' }),
    );
    await waitForPipelineIdle(suite);
    const before = await endOffsets(suite, 'records.resolved.v1');
    const entityBefore = await entityOfRecord('POL', recordId);

    const received = (await readTopic(suite, 'records.received.v1')).find(
      (message) => message.key?.toString() === recordId,
    )!;
    const producer = suite.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: suite.topic('records.received.v1'),
      messages: [
        { key: received.key, value: received.value, headers: received.headers },
        { key: received.key, value: received.value, headers: { ...received.headers, 'message-id': randomUUID() } },
      ],
    });
    await producer.disconnect();
    await waitForPipelineIdle(suite);

    expect(await endOffsets(suite, 'records.resolved.v1')).toEqual(before);
    expect((await entityOfRecord('POL', recordId)).body).toEqual(entityBefore.body);
  });
});

describe('entity views', () => {
  it('show an agency only the members it may see, and never that others exist', async () => {
    const open = await share(
      'FRA',
      person([{ given: 'Dragan', family: 'Marković' }], { dateOfBirth: '1979-12-03', sex: 'male' }),
    );
    const restricted = await share(
      'SRB',
      person(
        [{ full: 'Драган Марковић', script: 'Cyrl' }],
        { dateOfBirth: '1979-12-03', sex: 'male' },
        { scope: 'owner-only' },
      ),
    );
    await keyOf('AUT'); // dissemination names agencies that exist
    const forAustria = await share(
      'HRV',
      person(
        [{ given: 'Dragan', family: 'Markovic' }],
        { dateOfBirth: '1979-12-03' },
        { scope: 'agencies', agencies: ['AUT'] },
      ),
    );
    await waitForPipelineIdle(suite);

    // Serbia sees its own record and the open one, not the one Croatia shared with Austria alone.
    const owner = await entityOfRecord('SRB', restricted);
    expect(recordIds(owner.body)).toEqual([open, restricted].sort());
    expect(owner.body.links).toHaveLength(1);

    const france = await entityOfRecord('FRA', open);
    expect(france.body.entityId).toBe(owner.body.entityId);
    expect(recordIds(france.body)).toEqual([open]);
    expect(france.body.links).toEqual([]);
    expect(JSON.stringify(france.body)).not.toContain(restricted);
    expect(JSON.stringify(france.body)).not.toContain('SRB');

    const austria = await entity('AUT', owner.body.entityId);
    expect(recordIds(austria.body)).toEqual([open, forAustria].sort());
    expect(austria.body.links).toHaveLength(1);
    expect(JSON.stringify(austria.body)).not.toContain(restricted);

    // A record it may not see, and an entity it can see nothing of, are answered like ones that do not exist.
    const hidden = await entityOfRecord('FRA', restricted);
    const missing = await entityOfRecord('FRA', randomUUID());
    expect(hidden.status).toBe(404);
    expect(hidden.body.error).toEqual(missing.body.error);
    const onlyRestricted = await share(
      'SRB',
      person([{ given: 'Zoran', family: 'Nikolić' }], { dateOfBirth: '1966-01-19' }, { scope: 'owner-only' }),
    );
    await waitForPipelineIdle(suite);
    const entityId = (await entityOfRecord('SRB', onlyRestricted)).body.entityId;
    expect((await entity('FRA', entityId)).status).toBe(404);
  });

  it('carry no evidence about a record the caller may not see: not its spelling, its owner, a decision or a score', async () => {
    // The hidden record comes first, so the visible ones were resolved against it and dedup's stored evidence names it.
    const hidden = await share(
      'SRB',
      person(
        [{ full: 'Милош Обреновић', script: 'Cyrl' }],
        { dateOfBirth: '1981-06-17', sex: 'male', nationalities: ['MNE'] },
        { scope: 'owner-only' },
      ),
    );
    await waitForPipelineIdle(suite);
    const french = await share(
      'FRA',
      person([{ given: 'Milos', family: 'Obrenovic' }], { dateOfBirth: '1981-06-17', sex: 'male' }),
    );
    await waitForPipelineIdle(suite);
    const german = await share('DEU', person([{ given: 'Miloš', family: 'Obrenović' }], { dateOfBirth: '1981-06-17' }));
    await waitForPipelineIdle(suite);

    const owner = await entityOfRecord('SRB', hidden);
    expect(recordIds(owner.body)).toEqual([hidden, french, german].sort());

    for (const read of [
      await entityOfRecord('FRA', french),
      await entity('FRA', owner.body.entityId),
      await entityOfRecord('ITA', german),
    ]) {
      expect(read.status).toBe(200);
      expect(recordIds(read.body)).toEqual([french, german].sort());
      const text = JSON.stringify(read.body);
      for (const secret of [hidden, 'SRB', 'MNE', 'Милош', 'Обреновић']) expect(text).not.toContain(secret);
      // The oldest record it may see started the entity as far as the caller can tell; the other joined it on visible evidence.
      const byId = Object.fromEntries(read.body.records.map((record: { id: string }) => [record.id, record]));
      expect(byId[french]).toMatchObject({ decision: 'new_entity', score: 0, explanation: [] });
      expect(byId[german].decision).toBe('joined_entity');
      expect(byId[german].explanation.map((feature: { detail: string }) => feature.detail).join(' ')).toContain(
        'Milos',
      );
    }
  });

  it('are written to dedup’s audit log, which an admin can query, without personal data', async () => {
    const recordId = await share('FIN', person([{ given: 'Aino', family: 'Virtanen' }], { dateOfBirth: '1988-10-10' }));
    await waitForPipelineIdle(suite);
    expect((await entityOfRecord('FIN', recordId)).status).toBe(200);

    const admin = await suite.agencies.admin();
    await suite.agencies.accepted(admin, suite.url('dedup'));
    const response = await fetch(`${suite.url('dedup')}/v1/admin/audit?agency=FIN&action=entity.read`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const { entries } = (await response.json()) as {
      entries: { agency: string; action: string; recordIds: string[]; outcome: string; traceId: string }[];
    };
    expect(entries[0]).toMatchObject({ agency: 'FIN', action: 'entity.read', outcome: 'ok' });
    expect(entries[0].recordIds).toContain(recordId);
    expect(JSON.stringify(entries)).not.toContain('Virtanen');
    const asAgency = await fetch(`${suite.url('dedup')}/v1/admin/audit`, {
      headers: { authorization: `Bearer ${await keyOf('FIN')}` },
    });
    expect(asAgency.status).toBe(403);
  });

  it('refuse callers without a valid key', async () => {
    const response = await fetch(`${suite.url('dedup')}/v1/entities/${randomUUID()}`);
    expect(response.status).toBe(401);
    const wrong = await fetch(`${suite.url('dedup')}/v1/entities/${randomUUID()}`, {
      headers: { authorization: 'Bearer cck_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });
    expect(wrong.status).toBe(401);
  });
});
