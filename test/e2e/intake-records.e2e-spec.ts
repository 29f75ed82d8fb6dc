/**
 * A record's life at intake, through the API an agency's system calls: all
 * five kinds with their format checks, updates, withdrawal, retention expiry
 * and listing, each with what it publishes downstream.
 */
import { fromBinary } from '@bufbuild/protobuf';
import { RecordReceivedSchema, RecordWithdrawnSchema } from '@crosscheck/contracts';
import { recordOfKind } from '../fixtures/kinds';
import { shareRecord, unknownPerson } from '../fixtures/records';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';

jest.setTimeout(120_000);

let suite: Suite;
let france: string;
let germany: string;
let italy: string;

beforeAll(async () => {
  suite = await createSuite('records');
  await suite.startWith('intake', { RETENTION_SWEEP_SECONDS: '1' });
  [france, germany, italy] = await Promise.all(['FRA', 'DEU', 'ITA'].map((code) => suite.agencies.key(code)));
});

afterAll(async () => {
  await suite?.close();
});

const call = (method: string, route: string, key: string, body?: unknown) =>
  suite.agencies.call(method, route, key, body);

/** Waits until the record's events are on Kafka, and returns them in order. */
async function publishedFor(recordId: string, topic: 'records.received.v1' | 'records.withdrawn.v1', count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const messages = (await readTopic(suite, topic)).filter((message) => message.key?.toString() === recordId);
    if (messages.length >= count || Date.now() > deadline) return messages;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('every kind', () => {
  it.each(Object.keys(recordOfKind) as (keyof typeof recordOfKind)[])(
    'a %s record is accepted and published with its identifiers normalised',
    async (kind) => {
      const shared = await shareRecord(suite.url('intake'), france, recordOfKind[kind]());
      expect(shared.status).toBe(201);
      expect(shared.body.record).toMatchObject({ kind, version: 1, status: 'current', owner: 'FRA' });
      const [message] = await publishedFor(shared.body.record.id, 'records.received.v1', 1);
      const record = fromBinary(RecordReceivedSchema, message.value!).record!;
      expect(record.body.case).toBe(kind === 'travel_document' ? 'travelDocument' : kind);
      if (record.body.case === 'vehicle')
        expect(record.body.value).toMatchObject({ vin: '1M8GDM9A-XKP042788', vinNormalized: '1M8GDM9AXKP042788' });
      if (record.body.case === 'firearm') expect(record.body.value.serialNormalized).toBe('SN123456');
      if (record.body.case === 'organisation')
        expect(record.body.value.registrationNumbers[0].numberNormalized).toBe('1027700132195');
      if (record.body.case === 'person')
        expect(record.body.value.documents[0]).toMatchObject({ number: 'FE 123-456', numberNormalized: 'FE123456' });
      if (record.body.case === 'person')
        expect(record.body.value.names[0]).toMatchObject({ given: 'Olena', original: 'Олена Коваленко' });
    },
  );

  it('warns, but accepts, a VIN whose check digit does not add up', async () => {
    const record = recordOfKind.vehicle();
    record.vehicle.vin = '1M8GDM9A1KP042788';
    const shared = await shareRecord(suite.url('intake'), france, record);
    expect(shared.status).toBe(201);
    expect(shared.body.warnings).toEqual([expect.objectContaining({ field: 'vehicle.vin', rule: 'vinCheckDigit' })]);
  });

  it.each([
    [
      'a VIN with the letter O',
      () => ({ ...recordOfKind.vehicle(), vehicle: { vin: '1M8GDM9AXKPO42788' } }),
      'vehicle.vin',
      'isVin',
    ],
    [
      'a VIN of 16 characters',
      () => ({ ...recordOfKind.vehicle(), vehicle: { vin: '1M8GDM9AXKP04278' } }),
      'vehicle.vin',
      'isVin',
    ],
    [
      'an MRZ with a wrong check digit',
      () => {
        const record = recordOfKind.travel_document();
        record.travelDocument.mrz = record.travelDocument.mrz.replace('L898902C36', 'L898902C37');
        return record;
      },
      'travelDocument.mrz',
      'isMrz',
    ],
    [
      'a body of another kind',
      () => ({ ...recordOfKind.vehicle(), person: unknownPerson().person }),
      'person',
      'onlyForKind',
    ],
    ['a missing body', () => ({ ...recordOfKind.firearm(), firearm: undefined }), 'firearm', 'isDefined'],
    ['an unknown kind', () => ({ ...recordOfKind.artwork(), kind: 'spaceship' }), 'kind', 'isIn'],
    [
      'a plate without its country',
      () => ({ ...recordOfKind.vehicle(), vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB123' } }),
      'vehicle.registrationCountry',
      'isISO31661Alpha3',
    ],
    [
      'an outside policy that is not one',
      () => ({ ...recordOfKind.artwork(), dissemination: { scope: 'owner-only', outside: 'shown' } }),
      'dissemination.outside',
      'isIn',
    ],
    [
      'an expiry beyond five years',
      () => ({ ...recordOfKind.artwork(), expiresAt: '2040-01-01T00:00:00Z' }),
      'expiresAt',
      'maxRetention',
    ],
  ])('refuses %s, naming the field and the rule', async (_, build, field, rule) => {
    const refused = await shareRecord(suite.url('intake'), france, build());
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toContainEqual(expect.objectContaining({ field, rule }));
  });
});

describe('sharing at once', () => {
  it('creates a record shared by several requests at the same moment once; the others answer unchanged', async () => {
    const record = unknownPerson();
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () => shareRecord(suite.url('intake'), france, record)),
      call('POST', '/v1/records/batch', france, [record]).then(({ body }) => ({
        body: { outcome: body.results[0].outcome, record: { id: body.results[0].id } },
      })),
    ]);
    const outcomes = answers.map((answer) => answer.body.outcome).sort();
    expect(outcomes).toEqual(['created', ...Array.from({ length: 6 }, () => 'unchanged')]);
    expect(new Set(answers.map((answer) => answer.body.record.id)).size).toBe(1);
    expect(await publishedFor(answers[0].body.record.id, 'records.received.v1', 2)).toHaveLength(1);
  });
});

describe('updates', () => {
  it('make a new version that flows downstream, in order', async () => {
    const original = recordOfKind.firearm();
    const shared = await shareRecord(suite.url('intake'), france, original);
    const { externalRef, ...content } = original;
    const changed = { ...content, firearm: { ...content.firearm, model: '19' } };

    const updated = await call('PUT', `/v1/records/${shared.body.record.id}`, france, changed);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      outcome: 'updated',
      record: { version: 2, externalRef, firearm: { model: '19' } },
    });
    const again = await call('PUT', `/v1/records/${shared.body.record.id}`, france, changed);
    expect(again.body).toMatchObject({ outcome: 'unchanged', record: { version: 2 } });

    const published = await publishedFor(shared.body.record.id, 'records.received.v1', 2);
    expect(published.map((message) => fromBinary(RecordReceivedSchema, message.value!).record!.version)).toEqual([
      1, 2,
    ]);
  });

  it('are the owner’s alone: 403 for an agency that may see it, 404 for one that may not', async () => {
    const shared = await shareRecord(suite.url('intake'), france, {
      ...recordOfKind.artwork(),
      dissemination: { scope: 'agencies', agencies: ['DEU'] },
    });
    const { externalRef: _, ...content } = recordOfKind.artwork();
    expect((await call('PUT', `/v1/records/${shared.body.record.id}`, germany, content)).status).toBe(403);
    expect((await call('PUT', `/v1/records/${shared.body.record.id}`, italy, content)).status).toBe(404);
    expect((await call('DELETE', `/v1/records/${shared.body.record.id}`, italy)).status).toBe(404);
  });

  it('cannot change a record’s kind', async () => {
    const shared = await shareRecord(suite.url('intake'), france, recordOfKind.artwork());
    const { externalRef: _, ...content } = recordOfKind.firearm();
    const refused = await call('PUT', `/v1/records/${shared.body.record.id}`, france, content);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toContainEqual(expect.objectContaining({ field: 'kind', rule: 'immutable' }));
  });
});

describe('withdrawal', () => {
  it('stops serving the record to others and publishes one withdrawal, however often it is asked', async () => {
    const shared = await shareRecord(suite.url('intake'), france, recordOfKind.person());
    const id = shared.body.record.id;
    expect((await call('GET', `/v1/records/${id}`, germany)).status).toBe(200);

    const withdrawn = await call('DELETE', `/v1/records/${id}?reason=entered%20in%20error`, france);
    expect(withdrawn).toMatchObject({
      status: 200,
      body: { status: 'withdrawn', withdrawalReason: 'entered in error' },
    });
    expect((await call('DELETE', `/v1/records/${id}`, france)).status).toBe(200);

    expect((await call('GET', `/v1/records/${id}`, germany)).status).toBe(404);
    expect((await call('GET', `/v1/records/${id}`, france)).body.status).toBe('withdrawn');
    const published = await publishedFor(id, 'records.withdrawn.v1', 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await publishedFor(id, 'records.withdrawn.v1', 2)).toHaveLength(1);
    expect(fromBinary(RecordWithdrawnSchema, published[0].value!)).toMatchObject({
      recordId: id,
      owner: 'FRA',
      version: 1,
      reason: 'entered in error',
    });
  });

  it('happens by itself when a record’s retention runs out', async () => {
    const shared = await shareRecord(suite.url('intake'), france, {
      ...recordOfKind.firearm(),
      expiresAt: new Date(Date.now() + 1_500).toISOString(),
    });
    expect(shared.status).toBe(201);
    const [withdrawal] = await publishedFor(shared.body.record.id, 'records.withdrawn.v1', 1);
    expect(fromBinary(RecordWithdrawnSchema, withdrawal.value!).reason).toBe('expired');
    expect((await call('GET', `/v1/records/${shared.body.record.id}`, germany)).status).toBe(404);
    expect((await call('GET', `/v1/records/${shared.body.record.id}`, france)).body).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'expired',
    });
  });
});

describe('listing', () => {
  it('shows only what the agency may see, a page at a time, with filters', async () => {
    const lister = await suite.agencies.key('ESP');
    const vehicle = recordOfKind.vehicle();
    vehicle.vehicle.vin = '5YJ3E1EA7KF317000';
    await shareRecord(suite.url('intake'), lister, vehicle);
    await shareRecord(suite.url('intake'), lister, recordOfKind.artwork());
    await shareRecord(suite.url('intake'), lister, recordOfKind.firearm());
    const hidden = await shareRecord(suite.url('intake'), france, {
      ...recordOfKind.artwork(),
      dissemination: { scope: 'owner-only' },
    });

    const first = await call('GET', '/v1/records?owner=ESP&limit=2', lister);
    expect(first.status).toBe(200);
    expect(first.body.records).toHaveLength(2);
    const second = await call('GET', `/v1/records?owner=ESP&limit=2&cursor=${first.body.nextCursor}`, lister);
    expect(second.body.records).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...first.body.records, ...second.body.records].map((r: { id: string }) => r.id)).size).toBe(3);

    const everything = await call('GET', '/v1/records?limit=500', lister);
    expect(everything.body.records.map((r: { id: string }) => r.id)).not.toContain(hidden.body.record.id);
    expect((await call('GET', '/v1/records?kind=vehicle&owner=ESP', lister)).body.records).toHaveLength(1);
    expect((await call('GET', '/v1/records?identifier=5yj3e1ea7-kf317000', lister)).body.records).toHaveLength(1);
    expect((await call('GET', '/v1/records?kind=boat', lister)).status).toBe(400);
  });
});

describe("a vehicle's type", () => {
  it('is kept, read back and published; a type off the list is refused', async () => {
    const record = recordOfKind.vehicle();
    const shared = await shareRecord(suite.url('intake'), france, {
      ...record,
      vehicle: { ...record.vehicle, vehicleType: 'trailer' },
    });
    expect(shared.status).toBe(201);
    const read = await call('GET', `/v1/records/${shared.body.record.id}`, france);
    expect(read.body.vehicle.vehicleType).toBe('trailer');
    const [message] = await publishedFor(shared.body.record.id, 'records.received.v1', 1);
    expect(fromBinary(RecordReceivedSchema, message.value!).record!.body.value).toMatchObject({
      vehicleType: 'trailer',
    });
    const refused = await shareRecord(suite.url('intake'), france, {
      ...recordOfKind.vehicle(),
      vehicle: { ...record.vehicle, vehicleType: 'boat' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toContainEqual(
      expect.objectContaining({ field: 'vehicle.vehicleType', rule: 'isIn' }),
    );
  });
});

describe('the API documentation', () => {
  it('is served at /docs, generated from the schemas the code validates with', async () => {
    const page = await fetch(`${suite.url('intake')}/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
    const document = (await (await fetch(`${suite.url('intake')}/docs/openapi.json`)).json()) as any;
    expect(document.openapi).toMatch(/^3\.1/);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/records', '/v1/records/batch', '/v1/records/{id}', '/v1/admin/agencies']),
    );
    expect(document.paths['/v1/records'].post['x-required-roles']).toEqual(['agency']);
    const share = document.components.schemas.ShareRecord;
    expect(share.additionalProperties).toBe(false);
    expect(share.required).toEqual(expect.arrayContaining(['externalRef', 'kind', 'dissemination', 'purpose']));
    expect(document.components.schemas.Vehicle.properties.vin.description).toMatch(/VIN/);
  });
});
