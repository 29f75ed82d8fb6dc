/**
 * Contributions to the reference databases, as agencies make them over the
 * API: a passport reported stolen at 10:00 raises an alert on the record of
 * the traveller who crossed a border with it at 09:00 (a retro-hit through the
 * loader's versioning and matching's retro-check), an agency reaches only its
 * own entries, dissemination holds, batches answer item by item, removal takes
 * a reason that lands in the audit log and retracts the standing alerts, and
 * bad input changes nothing. Real intake, dedup, matching and alerting, real
 * Kafka and Postgres.
 */
import { randomUUID } from 'node:crypto';
import { fromBinary } from '@bufbuild/protobuf';
import { ReferenceChangedSchema } from '@crosscheck/contracts';
import { alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('contributions');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
});

afterAll(async () => {
  await suite?.close();
});

async function keyOf(agency: string): Promise<string> {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url('matching'));
  return key;
}

async function call(agency: string, method: string, route: string, body?: unknown) {
  const response = await fetch(`${suite.url('matching')}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${await keyOf(agency)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const stolenPassport = (number: string, dissemination: unknown = { scope: 'all' }) => ({
  entryRef: `SLTD-${number}`,
  dissemination,
  travelDocument: { number, type: 'passport', issuingCountry: 'FRA', status: 'stolen', holderName: 'Claire Martin' },
});

/** A traveller's record, shared by the border agency with the passport they showed. */
async function crossedTheBorder(agency: string, passport: string, reportedAt: string): Promise<string> {
  const shared = await shareRecord(suite.url('intake'), await suite.agencies.key(agency), {
    kind: 'person',
    externalRef: `CROSSING-${randomUUID()}`,
    dissemination: { scope: 'all' },
    purpose: 'border-check',
    reportedAt,
    person: {
      names: [{ given: 'Claire', family: 'Martin' }],
      dateOfBirth: '1988-04-02',
      documents: [{ number: passport, type: 'passport', issuingCountry: 'FRA' }],
    },
  });
  expect(shared.status).toBe(201);
  return shared.body.record.id;
}

describe('a passport reported stolen after it was used', () => {
  let recordId: string;
  const passport = '17FR43211';

  it('alerts on the record that crossed a border with it an hour earlier (a retro-hit)', async () => {
    recordId = await crossedTheBorder('ESP', passport, '2026-12-06T09:00:00Z');
    await waitForPipelineIdle(suite);
    const borderAnalyst = await analystKey(suite, 'ESP');
    expect(await alertsOf(suite, borderAnalyst)).toEqual([]);

    const reported = await call('FRA', 'POST', '/v1/contributions/sltd', stolenPassport(passport));
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({
      outcome: 'created',
      contribution: { dataset: 'sltd', entryRef: `SLTD-${passport}`, entryId: `FRA:SLTD-${passport}`, version: 1 },
    });
    await waitForPipelineIdle(suite);

    const [alert] = await alertsOf(suite, borderAnalyst);
    expect(alert).toMatchObject({ recordId, dataset: 'sltd', entryId: `FRA:SLTD-${passport}`, level: 'hit' });
    // The passport's owner hears of the hit on its entry too.
    const ownerAlerts = await alertsOf(suite, await analystKey(suite, 'FRA'));
    expect(ownerAlerts.map((a) => [a.recordId, a.entryId])).toContainEqual([recordId, `FRA:SLTD-${passport}`]);
  });

  it('is a new version of the agency’s own part, published on reference.changed.v1, and re-sending it changes nothing', async () => {
    const again = await call('FRA', 'POST', '/v1/contributions/sltd', stolenPassport(passport));
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    const changed = await call('FRA', 'POST', '/v1/contributions/sltd', {
      ...stolenPassport(passport),
      travelDocument: { ...stolenPassport(passport).travelDocument, status: 'lost' },
    });
    expect(changed.status).toBe(201);
    expect(changed.body.outcome).toBe('updated');
    expect(changed.body.contribution.version).toBeGreaterThan(1);
    await waitForPipelineIdle(suite);

    const events = (await readTopic(suite, 'reference.changed.v1'))
      .map((message) => fromBinary(ReferenceChangedSchema, message.value!))
      .filter((event) => event.entry?.entryId === `FRA:SLTD-${passport}`);
    expect(events.map((event) => event.entry?.owner)).toEqual(['FRA', 'FRA']);
    expect(events.map((event) => Number(event.datasetVersion))).toEqual([1, changed.body.contribution.version]);
  });

  it('is seen, changed and removed by its owner alone', async () => {
    const route = `/v1/contributions/sltd/SLTD-${passport}`;
    expect((await call('FRA', 'GET', route)).status).toBe(200);
    expect((await call('DEU', 'GET', route)).status).toBe(404);
    expect((await call('DEU', 'GET', '/v1/contributions/sltd')).body.contributions).toEqual([]);
    expect((await call('DEU', 'DELETE', `${route}?reason=mine`)).status).toBe(404);
    expect((await call('DEU', 'PUT', route, stolenPassport(passport))).status).toBe(404);
    // DEU's own entry under the same entryRef is another entry, in DEU's part.
    expect(
      (await call('DEU', 'POST', '/v1/contributions/sltd', stolenPassport(passport))).body.contribution,
    ).toMatchObject({ entryId: `DEU:SLTD-${passport}`, version: 1 });
    const listed = await call('FRA', 'GET', '/v1/contributions/sltd');
    expect(listed.body.contributions.map((c: { entryId: string }) => c.entryId)).toEqual([`FRA:SLTD-${passport}`]);
  });

  it('once recovered, is removed with a reason kept in the audit log, and the standing alert is retracted', async () => {
    expect((await call('FRA', 'DELETE', `/v1/contributions/sltd/SLTD-${passport}`)).body.error).toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ field: 'reason', rule: 'isNotEmpty' })],
    });
    const removed = await call(
      'FRA',
      'DELETE',
      `/v1/contributions/sltd/SLTD-${passport}?reason=${encodeURIComponent('recovered at Lyon airport')}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.outcome).toBe('removed');
    expect((await call('FRA', 'DELETE', `/v1/contributions/sltd/SLTD-${passport}?reason=again`)).status).toBe(404);
    await waitForPipelineIdle(suite);

    const alerts = await alertsOf(suite, await analystKey(suite, 'ESP'));
    expect(alerts.find((alert) => alert.entryId === `FRA:SLTD-${passport}`)).toMatchObject({
      recordId,
      status: 'retracted',
    });
    // DEU's entry for the same passport still stands, and so does the alert on it.
    expect(alerts.find((alert) => alert.entryId === `DEU:SLTD-${passport}`)).toMatchObject({ status: 'new' });

    const admin = await suite.agencies.admin();
    await suite.agencies.accepted(admin, suite.url('matching'));
    const audit = await fetch(
      `${suite.url('matching')}/v1/admin/audit?agency=FRA&action=reference.contribution.remove`,
      {
        headers: { authorization: `Bearer ${admin}` },
      },
    );
    const lines = ((await audit.json()) as { entries: { detail: string | null; status: number }[] }).entries;
    expect(lines.map((line: { detail: string | null; status: number }) => [line.status, line.detail])).toContainEqual([
      200,
      `sltd/FRA:SLTD-${passport} removed: recovered at Lyon airport`,
    ]);
  });
});

describe('dissemination of a contributed entry', () => {
  it('reaches only the agencies it names, in instant checks and alerts', async () => {
    const passport = '17FR99887';
    expect(
      (
        await call(
          'FRA',
          'POST',
          '/v1/contributions/sltd',
          stolenPassport(passport, { scope: 'agencies', agencies: ['ITA'] }),
        )
      ).status,
    ).toBe(201);
    const query = {
      kind: 'travel_document',
      travelDocument: { number: passport, type: 'passport', issuingCountry: 'FRA', status: 'stolen' },
    };
    expect((await call('ITA', 'POST', '/v1/checks', query)).body.hits).toHaveLength(1);
    expect((await call('NLD', 'POST', '/v1/checks', query)).body.hits).toEqual([]);

    const nldRecord = await crossedTheBorder('NLD', passport, '2026-12-06T11:00:00Z');
    await waitForPipelineIdle(suite);
    expect((await alertsOf(suite, await analystKey(suite, 'NLD'))).map((a) => a.recordId)).not.toContain(nldRecord);
  });
});

describe('batches', () => {
  it('answer item by item; the good items are one version, a bad one is refused on its own', async () => {
    const answer = await call('POL', 'POST', '/v1/contributions/smv/batch', [
      { entryRef: 'SMV-1', dissemination: { scope: 'all' }, vehicle: { vin: 'WVWZZZ1JZXW000001', make: 'Volkswagen' } },
      {
        entryRef: 'SMV-2',
        dissemination: { scope: 'all' },
        vehicle: { vin: 'SUPZZZ1JZXW000002', plate: 'WA 12345', registrationCountry: 'POL' },
      },
      { entryRef: 'SMV-3', dissemination: { scope: 'all' }, vehicle: { vin: 'TOO-SHORT' } },
      { entryRef: 'SMV-1', dissemination: { scope: 'all' }, vehicle: { vin: 'WVWZZZ1JZXW000001' } },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { status: number; outcome?: string }) => [r.status, r.outcome])).toEqual([
      [201, 'created'],
      [201, 'created'],
      [400, undefined],
      [409, undefined],
    ]);
    expect(answer.body.results[2].error.details[0].field).toBe('vehicle.vin');
    const listed = await call('POL', 'GET', '/v1/contributions/smv');
    expect(
      listed.body.contributions.map((c: { entryRef: string; version: number }) => [c.entryRef, c.version]),
    ).toEqual([
      ['SMV-1', 1],
      ['SMV-2', 1],
    ]);
  });
});

describe('bad input', () => {
  const good = stolenPassport('17FR55555');
  it.each([
    ['a dataset agencies do not contribute to', 'POST', '/v1/contributions/notices', good, 404, undefined, undefined],
    ['an unknown dataset', 'POST', '/v1/contributions/nope', good, 404, undefined, undefined],
    ['a body that is not an object', 'POST', '/v1/contributions/sltd', [good], 400, 'entry', 'isObject'],
    ['no entryRef', 'POST', '/v1/contributions/sltd', { ...good, entryRef: undefined }, 400, 'entryRef', 'isDefined'],
    [
      'no dissemination',
      'POST',
      '/v1/contributions/sltd',
      { ...good, dissemination: undefined },
      400,
      'dissemination',
      'isDefined',
    ],
    [
      'a vehicle in sltd',
      'POST',
      '/v1/contributions/sltd',
      { ...good, vehicle: { vin: 'WVWZZZ1JZXW000001' } },
      400,
      'vehicle',
      'bodyForDataset',
    ],
    [
      'a bad issuing country',
      'POST',
      '/v1/contributions/sltd',
      { ...good, travelDocument: { ...good.travelDocument, issuingCountry: 'XXX' } },
      400,
      'travelDocument.issuingCountry',
      undefined,
    ],
    ['a batch that is not an array', 'POST', '/v1/contributions/sltd/batch', good, 400, 'entries', 'isArray'],
    ['an empty batch', 'POST', '/v1/contributions/sltd/batch', [], 400, 'entries', 'arraySize'],
    ['a limit of 0', 'GET', '/v1/contributions/sltd?limit=0', undefined, 400, 'limit', 'isInt'],
    [
      'a removal without a reason',
      'DELETE',
      '/v1/contributions/sltd/SLTD-17FR55555',
      undefined,
      400,
      'reason',
      'isNotEmpty',
    ],
    [
      'another entryRef in a PUT',
      'PUT',
      '/v1/contributions/sltd/SLTD-17FR55555',
      { ...good, entryRef: 'OTHER' },
      400,
      'entryRef',
      'immutable',
    ],
  ])(
    '%s is refused, naming the field and the rule, and changes nothing',
    async (_, method, route, body, status, field, rule) => {
      if (method !== 'POST')
        expect((await call('BEL', 'POST', '/v1/contributions/sltd', good)).status).toBeLessThan(300);
      const before = (await call('BEL', 'GET', '/v1/contributions/sltd')).body.contributions;
      const answer = await call('BEL', method, route, body);
      expect(answer.status).toBe(status);
      if (field)
        expect(answer.body.error.details).toContainEqual(expect.objectContaining({ field, ...(rule ? { rule } : {}) }));
      expect((await call('BEL', 'GET', '/v1/contributions/sltd')).body.contributions).toEqual(before);
    },
  );
});
