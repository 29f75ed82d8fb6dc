/**
 * Networks as agencies see them: persons shared by different agencies joined
 * through a shared phone, email or address, or through relations an agency
 * declared (a person used a vehicle, and another agency's person used the
 * same one), and only what the caller may see: an owner-only record makes no
 * edge for anyone else, and counts of who shares a value are of visible
 * records. A value many entities share (a hotel) makes no edge. Real intake
 * and dedup processes, real Kafka, real Postgres.
 */
import { randomUUID } from 'node:crypto';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('networks');
  await suite.start('intake', 'dedup');
});

afterAll(async () => {
  await suite?.close();
});

type Dissemination = { scope: 'all' } | { scope: 'owner-only' } | { scope: 'agencies'; agencies: string[] };

interface NetworkAnswer {
  entityId: string;
  entities: { entityId: string; kind: string; distance: number; agencies: string[]; records: { id: string }[] }[];
  edges: {
    from: string;
    to: string;
    records: [string, string];
    reason: string;
    value: string;
    strength: string;
    score: number;
    explanation: string;
  }[];
}

async function keyOf(agency: string): Promise<string> {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url('dedup'));
  return key;
}

/** Shares a record and answers its id; `body` is the kind's body. */
async function share(
  agency: string,
  kind: 'person' | 'vehicle',
  body: object,
  options: { dissemination?: Dissemination; externalRef?: string; caseRef?: string } = {},
): Promise<string> {
  const shared = await shareRecord(suite.url('intake'), await keyOf(agency), {
    kind,
    externalRef: options.externalRef ?? `REF-${randomUUID()}`,
    dissemination: options.dissemination ?? { scope: 'all' },
    purpose: 'investigation',
    ...(options.caseRef ? { caseRef: options.caseRef } : {}),
    [kind]: body,
  });
  if (shared.status !== 201) throw new Error(`sharing was refused: ${shared.status} ${JSON.stringify(shared.body)}`);
  return shared.body.record.id as string;
}

/** A person of a name no other test uses, with the given contact details. */
const person = (family: string, extra: object = {}) => ({
  names: [{ given: 'Network', family: `${family}${randomUUID().slice(0, 8)}` }],
  ...extra,
});

async function get(agency: string, path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${suite.url('dedup')}${path}`, {
    headers: { authorization: `Bearer ${await keyOf(agency)}` },
  });
  return { status: response.status, body: await response.json() };
}

async function entityIdOf(agency: string, recordId: string): Promise<string> {
  const answer = await get(agency, `/v1/records/${recordId}/entity`);
  if (answer.status !== 200) throw new Error(`no entity for ${recordId}: ${answer.status}`);
  return answer.body.entityId;
}

async function network(agency: string, recordId: string, depth?: number): Promise<NetworkAnswer> {
  const entityId = await entityIdOf(agency, recordId);
  const answer = await get(agency, `/v1/entities/${entityId}/network${depth ? `?depth=${depth}` : ''}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

const recordsIn = (answer: NetworkAnswer) => answer.entities.flatMap((entity) => entity.records.map((r) => r.id));

describe('two agencies’ cases sharing a phone', () => {
  let french: string;
  let german: string;

  beforeAll(async () => {
    french = await share('FRA', 'person', person('Lefort', { phones: [{ number: '+33 6 41 22 33 01' }] }), {
      caseRef: 'FR-CASE-1',
    });
    german = await share(
      'DEU',
      'person',
      person('Brandt', { phones: [{ number: '06 41 22 33 01', country: 'FRA' }] }),
      { caseRef: 'DE-CASE-9' },
    );
    await waitForPipelineIdle(suite);
  });

  it('are connected for every caller that may see both, the edge saying why', async () => {
    for (const caller of ['FRA', 'DEU', 'NLD']) {
      const answer = await network(caller, french);
      const germanEntity = await entityIdOf(caller, german);
      expect(answer.entities.map((entity) => [entity.entityId, entity.distance])).toEqual([
        [answer.entityId, 0],
        [germanEntity, 1],
      ]);
      expect(answer.edges).toEqual([
        expect.objectContaining({
          from: answer.entityId,
          to: germanEntity,
          records: [french, german],
          reason: 'phone',
          value: '+33641223301',
          strength: 'strong',
          score: 0.9,
          explanation: 'same phone number +33641223301, carried by 2 records',
        }),
      ]);
    }
  });

  it('are connected the other way round too', async () => {
    const answer = await network('DEU', german);
    expect(recordsIn(answer).sort()).toEqual([french, german].sort());
  });
});

describe('an owner-only record', () => {
  let french: string;
  let hidden: string;
  let public_: string;

  beforeAll(async () => {
    const phone = { number: '+33 6 41 22 33 02' };
    french = await share('FRA', 'person', person('Marchal', { phones: [phone] }));
    hidden = await share('DEU', 'person', person('Keller', { phones: [phone] }), {
      dissemination: { scope: 'owner-only' },
    });
    public_ = await share('ESP', 'person', person('Ortega', { phones: [phone] }));
    await waitForPipelineIdle(suite);
  });

  it('makes no edge for another agency, and is not counted among those sharing the value', async () => {
    const answer = await network('FRA', french);
    expect(recordsIn(answer).sort()).toEqual([french, public_].sort());
    expect(JSON.stringify(answer)).not.toContain(hidden);
    expect(answer.edges.map((edge) => edge.explanation)).toEqual([
      'same phone number +33641223302, carried by 2 records',
    ]);
  });

  it('has its edges for its owner, counted with it', async () => {
    const answer = await network('DEU', hidden);
    expect(recordsIn(answer).sort()).toEqual([french, hidden, public_].sort());
    // Three people on one phone: a triangle, each edge counting all three.
    expect(answer.edges.map((edge) => [...edge.records].sort())).toEqual(
      expect.arrayContaining([[french, hidden].sort(), [hidden, public_].sort(), [french, public_].sort()]),
    );
    expect(answer.edges.map((edge) => edge.explanation)).toEqual(
      Array(3).fill('same phone number +33641223302, carried by 3 records'),
    );
  });

  it('is no end of a path for another agency, and is one for its owner', async () => {
    const [from, to] = [await entityIdOf('FRA', french), await entityIdOf('DEU', hidden)];
    const hiddenPath = await get('FRA', `/v1/entities/${from}/path?to=${to}`);
    expect(hiddenPath.status).toBe(404);
    expect(JSON.stringify(hiddenPath.body)).not.toContain(hidden);
    const ownPath = await get('DEU', `/v1/entities/${from}/path?to=${to}`);
    expect(ownPath.body).toEqual(expect.objectContaining({ found: true }));
    expect(ownPath.body.edges).toHaveLength(1);
  });

  it('is answered as not found to another agency asking for its network', async () => {
    const entityId = await entityIdOf('DEU', hidden);
    const answer = await get('FRA', `/v1/entities/${entityId}/network`);
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).not.toContain(hidden);
  });
});

describe('a chain of three agencies’ persons: a phone, then an email', () => {
  let first: string;
  let second: string;
  let third: string;

  beforeAll(async () => {
    first = await share('FRA', 'person', person('Roux', { phones: [{ number: '+33 6 41 22 33 03' }] }));
    second = await share(
      'NLD',
      'person',
      person('Visser', { phones: [{ number: '+33641223303' }], emails: ['Visser.Network@Example.org'] }),
    );
    third = await share('BEL', 'person', person('Peeters', { emails: ['visser.network@example.org '] }));
    await waitForPipelineIdle(suite);
  });

  it('is reached as far as the depth asked', async () => {
    expect(recordsIn(await network('FRA', first, 1)).sort()).toEqual([first, second].sort());
    const two = await network('FRA', first, 2);
    expect(two.entities.map((entity) => entity.distance)).toEqual([0, 1, 2]);
    expect(recordsIn(two)).toEqual([first, second, third]);
    expect(two.edges.map((edge) => edge.reason).sort()).toEqual(['email', 'phone']);
  });

  it('answers how the first is connected to the third: the shortest path, each edge explained', async () => {
    const [from, to] = [await entityIdOf('FRA', first), await entityIdOf('FRA', third)];
    const path = await get('FRA', `/v1/entities/${from}/path?to=${to}`);
    expect(path.status).toBe(200);
    expect(path.body).toEqual(expect.objectContaining({ from, to, found: true }));
    expect(path.body.entities.map((entity: { records: { id: string }[] }) => entity.records[0].id)).toEqual([
      first,
      second,
      third,
    ]);
    expect(path.body.edges.map((edge: { reason: string; explanation: string }) => edge.explanation)).toEqual([
      'same phone number +33641223303, carried by 2 records',
      'same email address visser.network@example.org, carried by 2 records',
    ]);
    const tooShort = await get('FRA', `/v1/entities/${from}/path?to=${to}&maxHops=1`);
    expect(tooShort.body).toEqual(expect.objectContaining({ found: false, entities: [], edges: [] }));
  });
});

it('makes no edge of an address that very many entities share (a hotel), and a strong one of a rare address', async () => {
  const hotel = { street: 'Avenue des Voyageurs', number: '1', postcode: '75010', locality: 'Paris', country: 'FRA' };
  const safeHouse = { street: 'Rue Cachée', number: '7', postcode: '13002', locality: 'Marseille', country: 'FRA' };
  const guests: string[] = [];
  for (let i = 0; i < 21; i++) guests.push(await share('FRA', 'person', person(`Guest${i}`, { addresses: [hotel] })));
  const tenant = await share('FRA', 'person', person('Tenant', { addresses: [hotel, safeHouse] }));
  const visitor = await share(
    'ITA',
    'person',
    person('Visitatore', { addresses: [{ ...safeHouse, street: 'RUE CACHEE' }] }),
  );
  await waitForPipelineIdle(suite, 60_000);

  const answer = await network('FRA', tenant, 1);
  expect(recordsIn(answer).sort()).toEqual([tenant, visitor].sort());
  expect(answer.edges).toEqual([
    expect.objectContaining({ reason: 'address', strength: 'strong', value: 'FRA|13002|rue cachee|7' }),
  ]);
  expect(recordsIn(await network('FRA', guests[0], 1))).toEqual([guests[0]]);
});

describe('declared relations', () => {
  const vin = '1M8GDM9AXKP042788';
  let frenchDriver: string;
  let germanDriver: string;
  let hiddenPassenger: string;

  beforeAll(async () => {
    // The person is shared before the vehicle it declares: the relation finds its target whenever it comes.
    frenchDriver = await share(
      'FRA',
      'person',
      person('Driver', { relations: [{ to: 'FR-CAR-1', role: 'used', since: '2025-03' }] }),
    );
    await share('FRA', 'vehicle', { vin, plate: 'AB-123-CD', registrationCountry: 'FRA' }, { externalRef: 'FR-CAR-1' });
    await share('DEU', 'vehicle', { vin: '1M8 GDM9AXKP042788' }, { externalRef: 'DE-CAR-7' });
    germanDriver = await share('DEU', 'person', person('Fahrer', { relations: [{ to: 'DE-CAR-7', role: 'owned' }] }));
    hiddenPassenger = await share(
      'DEU',
      'person',
      person('Mitfahrer', { relations: [{ to: 'DE-CAR-7', role: 'carried' }] }),
      { dissemination: { scope: 'owner-only' } },
    );
    await waitForPipelineIdle(suite);
  });

  it('join two agencies’ drivers through the vehicle both declared, the relation as the explanation', async () => {
    const answer = await network('FRA', frenchDriver, 2);
    const vehicle = answer.entities.find((entity) => entity.kind === 'vehicle')!;
    expect(vehicle).toEqual(expect.objectContaining({ distance: 1, agencies: ['DEU', 'FRA'] }));
    expect(answer.entities.map((entity) => entity.records.map((r) => r.id)).flat()).toContain(germanDriver);
    expect(answer.edges.map((edge) => [edge.reason, edge.value, edge.strength, edge.explanation]).sort()).toEqual([
      ['relation', 'owned', 'declared', 'DEU declared: owned'],
      ['relation', 'used', 'declared', 'FRA declared: used, since 2025-03'],
    ]);
  });

  it('keep an owner-only relation to its owner, and every edge that would reveal it', async () => {
    const others = await network('FRA', frenchDriver, 3);
    expect(JSON.stringify(others)).not.toContain(hiddenPassenger);
    expect(others.edges.map((edge) => edge.value)).not.toContain('carried');
    const owner = await network('DEU', germanDriver, 2);
    expect(recordsIn(owner)).toContain(hiddenPassenger);
    expect(owner.edges.map((edge) => edge.explanation)).toContain('DEU declared: carried');
  });
});

it('forgets an edge when a new version drops the phone, and when the record is withdrawn', async () => {
  const externalRef = `FR-${randomUUID()}`;
  const french = person('Changeant', { phones: [{ number: '+33 6 41 22 33 04' }] });
  const frenchId = await share('FRA', 'person', french, { externalRef });
  const german = await share('DEU', 'person', person('Wechsel', { phones: [{ number: '+33641223304' }] }));
  const spanish = await share('ESP', 'person', person('Cambio', { emails: ['cambio.network@example.org'] }));
  await waitForPipelineIdle(suite);
  expect(recordsIn(await network('DEU', german, 1)).sort()).toEqual([frenchId, german].sort());

  // The new version drops the phone and gives an email the Spanish person has.
  expect(
    await share(
      'FRA',
      'person',
      { ...french, phones: undefined, emails: ['Cambio.Network@example.org'] },
      { externalRef },
    ),
  ).toBe(frenchId);
  await waitForPipelineIdle(suite);
  expect(recordsIn(await network('DEU', german, 1))).toEqual([german]);
  expect(recordsIn(await network('DEU', spanish, 1)).sort()).toEqual([frenchId, spanish].sort());

  const withdrawn = await fetch(`${suite.url('intake')}/v1/records/${frenchId}?reason=closed`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${await keyOf('FRA')}` },
  });
  expect(withdrawn.status).toBe(200);
  await waitForPipelineIdle(suite);
  expect(recordsIn(await network('DEU', spanish, 1))).toEqual([spanish]);
});

it.each([
  ['zero', '0'],
  ['over the maximum', '4'],
  ['not a number', 'two'],
  ['a fraction', '1.5'],
])('refuses a depth that is %s, naming the field and the rule', async (_, depth) => {
  const record = await share('FRA', 'person', person('Depth'));
  await waitForPipelineIdle(suite);
  const entityId = await entityIdOf('FRA', record);
  const answer = await get('FRA', `/v1/entities/${entityId}/network?depth=${depth}`);
  expect(answer.status).toBe(400);
  expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'depth', rule: 'isInRange' })]);
});

it.each([
  ['without `to`', '', 'to', 'isDefined'],
  ['with too many hops', '&maxHops=7', 'maxHops', 'isInRange'],
])('refuses a path query %s, naming the field and the rule', async (_, query, field, rule) => {
  const record = await share('FRA', 'person', person('Path'));
  await waitForPipelineIdle(suite);
  const entityId = await entityIdOf('FRA', record);
  const to = query ? `?to=${entityId}` : '?';
  const answer = await get('FRA', `/v1/entities/${entityId}/path${to}${query}`);
  expect(answer.status).toBe(400);
  expect(answer.body.error.details).toEqual([expect.objectContaining({ field, rule })]);
});

it('answers an unknown or malformed entity id with 404', async () => {
  for (const id of ['not-a-uuid', randomUUID()])
    expect((await get('FRA', `/v1/entities/${id}/network`)).status).toBe(404);
});
