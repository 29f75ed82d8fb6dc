/**
 * Organisations as agencies share them: one group written in Cyrillic by one
 * agency and in Latin letters by another is one entity, while a group of
 * another name is not; a person its agency declares a member of a group
 * appears in the group's network, and a group's relation to another group is
 * an edge, while an owner-only member stays its owner's; a batch carries organisations like any kind; an organisation body
 * that breaks a rule is refused naming the field and the rule; and the demo
 * organisations `npm start` shares are shared once and never over a user's
 * record. A relation's role must fit the kind of the record it points at: intake
 * refuses a misfit to a record it holds (or one of the same batch), naming the
 * relation's path and the rule, and writes nothing; dedup drops one whose
 * target is shared later, so it makes no edge. Real intake and dedup processes, real Kafka, real Postgres.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_ORGANISATIONS, seedDemoOrganisations } from '@crosscheck/infra';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('organisations');
  await suite.start('intake', 'dedup');
});

afterAll(async () => {
  await suite?.close();
});

async function keyOf(agency: string): Promise<string> {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url('dedup'));
  return key;
}

function envelope(kind: string, body: object, externalRef = `REF-${randomUUID()}`) {
  return { kind, externalRef, dissemination: { scope: 'all' }, purpose: 'investigation', [kind]: body };
}

async function share(
  agency: string,
  kind: 'organisation' | 'person' | 'vehicle',
  body: object,
  externalRef?: string,
  dissemination: object = { scope: 'all' },
) {
  const shared = await shareRecord(suite.url('intake'), await keyOf(agency), {
    ...envelope(kind, body, externalRef),
    dissemination,
  });
  if (shared.status !== 201) throw new Error(`sharing was refused: ${shared.status} ${JSON.stringify(shared.body)}`);
  return shared.body.record.id as string;
}

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

/** A word no other test uses, in Latin letters and in Cyrillic, so candidates come only from this test. */
function freshWord(): { latin: string; cyrillic: string } {
  const letters: [string, string][] = [
    ['b', 'б'],
    ['d', 'д'],
    ['k', 'к'],
    ['l', 'л'],
    ['m', 'м'],
    ['n', 'н'],
    ['p', 'п'],
    ['r', 'р'],
    ['t', 'т'],
    ['v', 'в'],
    ['z', 'з'],
  ];
  const vowels: [string, string][] = [
    ['a', 'а'],
    ['o', 'о'],
    ['i', 'и'],
    ['u', 'у'],
  ];
  let latin = '';
  let cyrillic = '';
  for (let i = 0; i < 3; i++) {
    const [l, c] = letters[Math.floor(Math.random() * letters.length)];
    const [lv, cv] = vowels[Math.floor(Math.random() * vowels.length)];
    latin += l + lv;
    cyrillic += c + cv;
  }
  return { latin: latin[0].toUpperCase() + latin.slice(1), cyrillic: cyrillic[0].toUpperCase() + cyrillic.slice(1) };
}

describe('an organisation in Cyrillic and its Latin spelling', () => {
  const word = freshWord();
  let latin: string;
  let cyrillic: string;
  let other: string;

  beforeAll(async () => {
    latin = await share('FRA', 'organisation', {
      names: [{ name: `${word.latin} Americano Ltda.` }],
      organisationType: 'criminal_group',
      countries: ['BRA'],
    });
    cyrillic = await share('DEU', 'organisation', {
      names: [{ name: `ООО «${word.cyrillic} Американо»`, script: 'Cyrl' }],
      countries: ['BRA'],
    });
    other = await share('ESP', 'organisation', { names: [{ name: `${word.latin} Brasileiro` }] });
    await waitForPipelineIdle(suite);
  });

  it('become one entity, its evidence saying why', async () => {
    const entityId = await entityIdOf('FRA', latin);
    expect(await entityIdOf('FRA', cyrillic)).toBe(entityId);
    const entity = await get('NLD', `/v1/entities/${entityId}`);
    expect(entity.status).toBe(200);
    expect(entity.body.kind).toBe('organisation');
    expect(JSON.stringify(entity.body)).toContain(latin);
    expect(JSON.stringify(entity.body)).toContain(cyrillic);
  });

  it('stay apart from a group of another name', async () => {
    expect(await entityIdOf('FRA', other)).not.toBe(await entityIdOf('FRA', latin));
  });
});

describe('a person declared a member of a group', () => {
  let group: string;
  let member: string;
  let ally: string;

  beforeAll(async () => {
    const { latin } = freshWord();
    // The member is shared before the group it declares: the relation finds its target whenever it comes.
    member = await share('BRA', 'person', {
      names: [{ given: 'Membro', family: `${latin}son` }],
      relations: [{ to: 'BR-GROUP-1', role: 'member', since: '2023' }],
    });
    group = await share(
      'BRA',
      'organisation',
      { names: [{ name: `the group known as ${latin} Norte` }] },
      'BR-GROUP-1',
    );
    ally = await share('BRA', 'organisation', {
      names: [{ name: `${latin} Sul Holding S.A.` }],
      relations: [{ to: 'BR-GROUP-1', role: 'affiliate' }],
    });
    await waitForPipelineIdle(suite);
  });

  it("appears in the group's network, the relation as the explanation", async () => {
    const groupEntity = await entityIdOf('FRA', group);
    const answer = await get('FRA', `/v1/entities/${groupEntity}/network`);
    expect(answer.status).toBe(200);
    const memberEntity = await entityIdOf('FRA', member);
    expect(answer.body.entities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entityId: groupEntity, kind: 'organisation', distance: 0 }),
        expect.objectContaining({ entityId: memberEntity, kind: 'person', distance: 1 }),
      ]),
    );
    expect(answer.body.edges).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          records: expect.arrayContaining([group, member]),
          reason: 'relation',
          value: 'member',
          strength: 'declared',
          explanation: 'BRA declared: member, since 2023',
        }),
      ]),
    );
  });

  it("joins the group to another it is declared affiliated with, and the member to that one's network", async () => {
    const answer = await get('FRA', `/v1/entities/${await entityIdOf('FRA', ally)}/network?depth=2`);
    const records = answer.body.entities.flatMap((entity: { records: { id: string }[] }) =>
      entity.records.map((record) => record.id),
    );
    expect(records).toEqual([ally, group, member]);
    expect(answer.body.edges.map((edge: { value: string }) => edge.value).sort()).toEqual(['affiliate', 'member']);
  });
});

it("keeps an owner-only member out of the group's network for any other agency", async () => {
  const { latin } = freshWord();
  const group = await share('DEU', 'organisation', { names: [{ name: `${latin} Bande` }] }, 'DE-GROUP-1');
  const hidden = await share(
    'DEU',
    'person',
    { names: [{ given: 'Verdeckt', family: `${latin}mann` }], relations: [{ to: 'DE-GROUP-1', role: 'leader' }] },
    undefined,
    { scope: 'owner-only' },
  );
  await waitForPipelineIdle(suite);
  const groupEntity = await entityIdOf('DEU', group);
  const others = await get('FRA', `/v1/entities/${groupEntity}/network`);
  expect(others.status).toBe(200);
  expect(others.body.edges).toEqual([]);
  expect(JSON.stringify(others.body)).not.toContain(hidden);
  expect(JSON.stringify(others.body)).not.toContain('leader');
  const owner = await get('DEU', `/v1/entities/${groupEntity}/network`);
  expect(owner.body.edges.map((edge: { explanation: string }) => edge.explanation)).toEqual(['DEU declared: leader']);
});

it('takes organisations in a batch beside other kinds, answering each item on its own', async () => {
  const response = await fetch(`${suite.url('intake')}/v1/records/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await keyOf('FRA')}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      envelope('organisation', { names: [{ name: 'Lei do Retorno' }], countries: ['BRA'] }),
      envelope('organisation', { names: [{ name: '—' }] }),
      envelope('person', { names: [{ given: 'Ana', family: 'Batch' }] }),
    ]),
  });
  const answer = (await response.json()) as any;
  expect(response.status).toBe(200);
  expect(answer.summary).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
  expect(answer.results[1].error.details).toEqual([
    expect.objectContaining({ field: 'organisation.names[0].name', rule: 'hasSomeName' }),
  ]);
});

it.each<[string, object, string, string]>([
  ['no names', { names: [] }, 'organisation.names', 'arrayMinSize'],
  ['an empty name', { names: [{ name: '' }] }, 'organisation.names[0].name', 'isNotEmpty'],
  ['a name of punctuation only', { names: [{ name: '«»' }] }, 'organisation.names[0].name', 'hasSomeName'],
  [
    'a script that is no code',
    { names: [{ name: 'X', script: 'Cyrillic' }] },
    'organisation.names[0].script',
    'matches',
  ],
  [
    'a type off the list',
    { names: [{ name: 'X' }], organisationType: 'mafia' },
    'organisation.organisationType',
    'isIn',
  ],
  [
    'a registration number without its country',
    { names: [{ name: 'X' }], registrationNumbers: [{ type: 'vat', number: 'DE1' }] },
    'organisation.registrationNumbers[0].country',
    'isDefined',
  ],
  [
    'a registration type off the list',
    { names: [{ name: 'X' }], registrationNumbers: [{ type: 'licence', number: '1', country: 'DEU' }] },
    'organisation.registrationNumbers[0].type',
    'isIn',
  ],
  [
    'a country that does not exist',
    { names: [{ name: 'X' }], countries: ['XXA'] },
    'organisation.countries',
    'isISO31661Alpha3',
  ],
  [
    'a relation role only a person has',
    { names: [{ name: 'X' }], relations: [{ to: 'BR-1', role: 'member' }] },
    'organisation.relations[0].role',
    'isIn',
  ],
  [
    'a field of another kind',
    { names: [{ name: 'X' }], dateOfBirth: '1990' },
    'organisation.dateOfBirth',
    'unknownField',
  ],
])('refuses an organisation with %s, naming the field and the rule', async (_, body, field, rule) => {
  const shared = await shareRecord(suite.url('intake'), await keyOf('FRA'), envelope('organisation', body));
  expect(shared.status).toBe(400);
  expect(shared.body.error.details).toContainEqual(expect.objectContaining({ field, rule }));
});

it('describes the organisation body in the OpenAPI document', async () => {
  const document = (await (await fetch(`${suite.url('intake')}/docs/openapi.json`)).json()) as any;
  expect(document.components.schemas.Organisation.properties).toEqual(
    expect.objectContaining({ names: expect.anything(), registrationNumbers: expect.anything() }),
  );
});

it('shares the demo organisations once, and never over a record a user changed', async () => {
  const keys = (agency: 'BRA' | 'PRT') => keyOf(agency);
  const changed = {
    ...(DEMO_ORGANISATIONS.PRT[0] as object),
    organisation: { names: [{ name: 'Changed by a user' }] },
  };
  expect((await shareRecord(suite.url('intake'), await keyOf('PRT'), changed)).status).toBe(201);
  expect(await seedDemoOrganisations(suite.url('intake'), keys)).toBe(DEMO_ORGANISATIONS.BRA.length);
  expect(await seedDemoOrganisations(suite.url('intake'), keys)).toBe(0);
  const listed = await fetch(`${suite.url('intake')}/v1/records?owner=PRT&kind=organisation`, {
    headers: { authorization: `Bearer ${await keyOf('PRT')}` },
  });
  const { records } = (await listed.json()) as { records: { content: { organisation: object } }[] };
  expect(JSON.stringify(records)).toContain('Changed by a user');
  expect(JSON.stringify(records)).not.toContain('Американо');
});

describe('a relation whose role does not fit the kind of its target', () => {
  const tag = randomUUID().slice(0, 8);
  const refs = { vehicle: `ES-CAR-${tag}`, person: `ES-PER-${tag}`, organisation: `ES-ORG-${tag}` };
  const vehicle = { vin: '1M8GDM9AXKP042788', plate: 'ES-4321-B', registrationCountry: 'ESP' };
  let personId: string;

  beforeAll(async () => {
    await share('ESP', 'vehicle', vehicle, refs.vehicle);
    personId = await share('ESP', 'person', { names: [{ given: 'Lucía', family: `Vega${tag}` }] }, refs.person);
    await share('ESP', 'organisation', { names: [{ name: `Grupo ${tag}` }] }, refs.organisation);
  });

  const person = (to: string, role: string) => ({
    names: [{ given: 'Declarante', family: `Ruiz${tag}` }],
    relations: [{ to, role }],
  });
  const organisation = (to: string, role: string) => ({ names: [{ name: `Socio ${tag}` }], relations: [{ to, role }] });

  it.each<[string, 'person' | 'organisation', string, keyof typeof refs, string]>([
    ['a person a member of a vehicle', 'person', 'member', 'vehicle', 'an organisation'],
    ['a person the leader of a person', 'person', 'leader', 'person', 'an organisation'],
    ['a person family of an organisation', 'person', 'family', 'organisation', 'a person'],
    ['a person who used a person', 'person', 'used', 'person', 'a vehicle, a travel document or a firearm'],
    ['a person who carried an organisation', 'person', 'carried', 'organisation', 'a vehicle'],
    ['a person an associate of a vehicle', 'person', 'associate', 'vehicle', 'a person or an organisation'],
    ['an organisation an associate of a person', 'organisation', 'associate', 'person', 'an organisation'],
    ['an organisation affiliated with a vehicle', 'organisation', 'affiliate', 'vehicle', 'an organisation'],
  ])('refuses %s, naming the relation and the rule, and writes nothing', async (_, kind, role, target, allowed) => {
    const externalRef = `ES-DECL-${randomUUID()}`;
    const body = kind === 'person' ? person(refs[target], role) : organisation(refs[target], role);
    const refused = await shareRecord(suite.url('intake'), await keyOf('ESP'), envelope(kind, body, externalRef));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      expect.objectContaining({
        field: `${kind}.relations[0].role`,
        rule: 'fitsTarget',
        message: expect.stringContaining(`must be to ${allowed}`),
      }),
    ]);
    // Nothing was written: the same externalRef, now fitting, is a new record.
    const fitting =
      kind === 'person' ? person(refs.organisation, 'associate') : organisation(refs.organisation, 'affiliate');
    const created = await shareRecord(suite.url('intake'), await keyOf('ESP'), envelope(kind, fitting, externalRef));
    expect(created.status).toBe(201);
  });

  it.each<[string, string, keyof typeof refs]>([
    ['used a vehicle', 'used', 'vehicle'],
    ['a member of an organisation', 'member', 'organisation'],
    ['an associate of a person', 'associate', 'person'],
  ])('takes a person who %s', async (_, role, target) => {
    const shared = await shareRecord(
      suite.url('intake'),
      await keyOf('ESP'),
      envelope('person', person(refs[target], role)),
    );
    expect(shared.status).toBe(201);
  });

  it('refuses a new version whose relation misfits, keeping the version it had', async () => {
    const key = await keyOf('ESP');
    const update = await fetch(`${suite.url('intake')}/v1/records/${personId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        kind: 'person',
        dissemination: { scope: 'all' },
        purpose: 'investigation',
        person: {
          names: [{ given: 'Lucía', family: `Vega${tag}` }],
          relations: [{ to: refs.vehicle, role: 'family' }],
        },
      }),
    });
    expect(update.status).toBe(400);
    expect(((await update.json()) as any).error.details).toEqual([
      expect.objectContaining({ field: 'person.relations[0].role', rule: 'fitsTarget' }),
    ]);
    const stored = await fetch(`${suite.url('intake')}/v1/records/${personId}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(((await stored.json()) as any).version).toBe(1);
  });

  it('judges a target of the same batch by the kind it is shared as, the others of the batch written', async () => {
    const carRef = `ES-CAR2-${tag}`;
    const response = await fetch(`${suite.url('intake')}/v1/records/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await keyOf('ESP')}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        envelope('vehicle', { vin: 'WVWZZZ1JZXW000001' }, carRef),
        envelope('person', person(carRef, 'member')),
        envelope('person', person(carRef, 'owned')),
      ]),
    });
    const answer = (await response.json()) as any;
    expect(answer.summary).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(answer.results[1]).toMatchObject({
      status: 400,
      error: { details: [expect.objectContaining({ field: 'person.relations[0].role', rule: 'fitsTarget' })] },
    });
  });

  it('is dropped by dedup when the target is shared later, so it makes no edge, and is counted', async () => {
    const laterRef = `ES-LATER-${tag}`;
    const declaring = await share('ESP', 'person', {
      names: [{ given: 'Tardío', family: `Ortiz${tag}` }],
      relations: [
        { to: laterRef, role: 'member' },
        { to: refs.person, role: 'family' },
      ],
    });
    const target = await share('ESP', 'vehicle', { vin: 'JH4KA7561PC008269' }, laterRef);
    await waitForPipelineIdle(suite);
    const network = await get('ESP', `/v1/entities/${await entityIdOf('ESP', declaring)}/network?depth=1`);
    expect(network.status).toBe(200);
    // The relation that fits stays an edge; the one that does not is gone.
    expect(network.body.edges.map((edge: { value: string }) => edge.value)).toEqual(['family']);
    expect(JSON.stringify(network.body)).not.toContain(target);
    const metrics = await (await fetch(`${suite.url('dedup')}/metrics`)).text();
    expect(metrics).toMatch(
      /crosscheck_dedup_relations_dropped_total\{declaring_kind="person",role="member",target_kind="vehicle"\} [1-9]/,
    );
  });
});
