import { create } from '@bufbuild/protobuf';
import {
  DisseminationSchema,
  DisseminationScope,
  DocumentStatus,
  DocumentType,
  NoticeColour,
  ReferenceEntry,
  Sex,
} from '@crosscheck/contracts';
import { FollowTheMoneyOptions, parseFollowTheMoney } from './follow-the-money.parser';
import { DatasetName, ReferenceChange } from '../../model/reference-change';

const putin = {
  id: 'Q7747',
  schema: 'Person',
  target: true,
  properties: {
    name: ['Vladimir Vladimirovich Putin', 'Владимир Владимирович Путин'],
    firstName: ['Vladimir'],
    lastName: ['Putin'],
    alias: ['Vladimir Putin', 'Путин', 'VLADIMIR VLADIMIROVICH PUTIN'],
    birthDate: ['1952-10-07'],
    birthPlace: ['Leningrad'],
    nationality: ['ru', 'su'],
    gender: ['male'],
    topics: ['sanction', 'role.pep'],
  },
};
const passport = {
  id: 'ofac-passport-1',
  schema: 'Passport',
  properties: {
    holder: ['Q7747'],
    number: ['720123456'],
    country: ['ru'],
    startDate: ['2015-03-01'],
    endDate: ['2025-03-01T00:00:00'],
  },
};
const vehicle = {
  id: 'ofac-vehicle-1',
  schema: 'Vehicle',
  properties: {
    registrationNumber: ['A 123 BC 77', '1M8GDM9AXKP042788'],
    country: ['ru'],
    model: ['Land Cruiser'],
    buildDate: ['2019-06'],
  },
};

async function* linesOf(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function parse(
  dataset: DatasetName,
  entities: unknown[],
  options?: FollowTheMoneyOptions,
): Promise<ReferenceChange[]> {
  const context = {
    dataset,
    owner: 'OPENSANCTIONS',
    dissemination: create(DisseminationSchema, { scope: DisseminationScope.ALL }),
  };
  const changes: ReferenceChange[] = [];
  const lines = entities.map((entity) => (typeof entity === 'string' ? entity : JSON.stringify(entity)));
  for await (const change of parseFollowTheMoney(linesOf(lines), context, options)) changes.push(change);
  return changes;
}

function entryOf(change: ReferenceChange): ReferenceEntry {
  if (change.op !== 'upsert') throw new Error(`expected an upsert, got ${JSON.stringify(change)}`);
  return change.entry;
}

function withProperties<T extends { properties: object }>(entity: T, properties: Record<string, unknown>): T {
  return { ...entity, properties: { ...entity.properties, ...properties } };
}

describe('parseFollowTheMoney', () => {
  it('makes a Person a blue notice by default: names then aliases (repeats dropped), birth date, sex, nationalities in alpha-3', async () => {
    const [change] = await parse('notices', [putin]);
    const entry = entryOf(change);
    expect(entry).toMatchObject({ entryId: 'Q7747', dataset: 'notices', owner: 'OPENSANCTIONS' });
    if (entry.body.case !== 'notice') throw new Error(entry.body.case);
    expect(entry.body.value).toMatchObject({ colour: NoticeColour.BLUE, charges: 'sanction, role.pep' });
    expect(entry.body.value.subject).toMatchObject({
      names: [
        { full: 'Vladimir Vladimirovich Putin', given: 'Vladimir', family: 'Putin', alias: false },
        { full: 'Владимир Владимирович Путин', alias: false },
        { full: 'Vladimir Putin', alias: true },
        { full: 'Путин', alias: true },
      ],
      dateOfBirth: { year: 1952, month: 10, day: 7 },
      sex: Sex.MALE,
      // `su` (the Soviet Union) has no ISO 3166-1 code and is left out.
      nationalities: ['RUS'],
      placeOfBirth: 'Leningrad',
    });
  });

  it('gives the notice the colour the options ask for', async () => {
    const [change] = await parse('notices', [putin], { noticeColour: 'red' });
    expect(entryOf(change).body.value).toMatchObject({ colour: NoticeColour.RED });
  });

  it('keeps at most 50 names, the names of record first', async () => {
    const aliases = Array.from({ length: 60 }, (_, index) => `Alias ${index}`);
    const [change] = await parse('notices', [withProperties(putin, { alias: aliases })]);
    const names = (entryOf(change).body.value as { subject: { names: { full: string }[] } }).subject.names;
    expect(names).toHaveLength(50);
    expect(names[0].full).toBe('Vladimir Vladimirovich Putin');
  });

  it('skips Persons that are not targets (relatives, associates) unless asked for them', async () => {
    const relative = { ...putin, id: 'relative-1', target: false };
    expect(await parse('notices', [relative])).toEqual([
      { line: 1, op: 'skipped', reason: expect.stringContaining('not a target') },
    ]);
    expect((await parse('notices', [relative], { includeNonTargets: true }))[0].op).toBe('upsert');
  });

  it('makes a Passport a travel document named after a holder read earlier, status invalid by default', async () => {
    const [skippedPerson, document] = await parse('sltd', [putin, passport]);
    expect(skippedPerson).toMatchObject({
      op: 'skipped',
      reason: 'schema Person is loaded into dataset notices, not sltd',
    });
    expect(entryOf(document).body.value).toMatchObject({
      document: {
        number: '720123456',
        numberNormalized: '720123456',
        type: DocumentType.PASSPORT,
        issuingCountry: 'RUS',
      },
      status: DocumentStatus.INVALID,
      holderName: 'Vladimir Vladimirovich Putin',
      issuedOn: { year: 2015, month: 3, day: 1 },
      expiresOn: { year: 2025, month: 3, day: 1 },
    });
  });

  it('leaves the holder name empty when the holder comes later, or was forgotten past holderNames', async () => {
    const [later] = await parse('sltd', [passport, putin]);
    expect(entryOf(later).body.value).toMatchObject({ holderName: '' });
    const other = { ...putin, id: 'Q1', properties: { name: ['Someone Else'] } };
    const [, , forgotten] = await parse('sltd', [putin, other, passport], { holderNames: 1 });
    expect(entryOf(forgotten).body.value).toMatchObject({ holderName: '' });
  });

  it('prefers the name printed on the passport, and the status the options ask for', async () => {
    const [change] = await parse('sltd', [withProperties(passport, { givenName: ['Vladimir'], surname: ['Putin'] })], {
      documentStatus: 'revoked',
    });
    expect(entryOf(change).body.value).toMatchObject({ holderName: 'Vladimir Putin', status: DocumentStatus.REVOKED });
  });

  it.each([
    ['National ID card', DocumentType.ID_CARD],
    ['Driving license', DocumentType.DRIVING_LICENCE],
    ['Residence permit', DocumentType.RESIDENCE_PERMIT],
    ['Passport', DocumentType.PASSPORT],
    ['Tax number', DocumentType.OTHER],
  ])('reads an Identification of type %s as that document type', async (type, expected) => {
    const [change] = await parse('sltd', [
      { ...passport, schema: 'Identification', properties: { ...passport.properties, type: [type] } },
    ]);
    expect(entryOf(change).body.value).toMatchObject({ document: { type: expected } });
  });

  it('makes a Vehicle a vehicle: the registration number that is a VIN as the VIN, the other as the plate', async () => {
    const [change] = await parse('smv', [vehicle]);
    expect(entryOf(change).body.value).toMatchObject({
      vin: '1M8GDM9AXKP042788',
      vinNormalized: '1M8GDM9AXKP042788',
      plate: 'A 123 BC 77',
      registrationCountry: 'RUS',
      model: 'Land Cruiser',
      year: 2019,
    });
  });

  it.each<[string, DatasetName, unknown, string]>([
    [
      'a document without a country',
      'sltd',
      withProperties(passport, { country: [] }),
      'properties.country: is required: a travel document needs its issuing country',
    ],
    [
      'a document of a country without an alpha-3 code',
      'sltd',
      withProperties(passport, { country: ['xk'] }),
      'properties.country: xk is not a country with an ISO 3166-1 alpha-3 code',
    ],
    [
      'a document without a number',
      'sltd',
      withProperties(passport, { number: [] }),
      'travelDocument.number: may hold only letters, digits',
    ],
    [
      'a document number with other characters',
      'sltd',
      withProperties(passport, { number: ['№ 72 0123456'] }),
      'travelDocument.number: may hold only letters, digits, spaces and . / < -',
    ],
    [
      'a vehicle without a VIN',
      'smv',
      withProperties(vehicle, { registrationNumber: ['A 123 BC 77'] }),
      'properties.registrationNumber: holds no VIN',
    ],
    [
      'a Person without any name',
      'notices',
      { ...putin, properties: { birthDate: ['1952'] } },
      'subject.names: must contain at least 1 elements',
    ],
    ['an entity without an id', 'notices', { ...putin, id: '' }, 'id: must be a non-empty string'],
    ['an entity without a schema', 'notices', { id: 'x', properties: {} }, 'schema: must be a string'],
    [
      'properties that are not an object',
      'notices',
      { ...putin, properties: ['x'] },
      'properties: must be a JSON object',
    ],
    ['an unknown delta op', 'notices', { op: 'UPSERT', entity: putin }, 'op: must be one of ADD, MOD, DEL'],
    ['a delta without its entity', 'notices', { op: 'ADD' }, 'entity: must be a JSON object'],
    ['invalid JSON', 'notices', '{"id": "Q7747", ', 'line: not valid JSON'],
  ])('rejects %s, naming the field and the rule', async (_, dataset, entity, reason) => {
    const [change] = await parse(dataset, [entity]);
    expect(change).toMatchObject({ line: 1, op: 'rejected' });
    expect(change.op === 'rejected' && change.reason).toContain(reason);
  });

  it('applies delta files: ADD and MOD upsert, DEL removes by entity id', async () => {
    const changes = await parse('notices', [
      { op: 'ADD', entity: putin },
      { op: 'MOD', entity: withProperties(putin, { birthDate: ['1952'] }) },
      { op: 'DEL', entity: { id: 'Q7747', schema: 'Person' } },
      { op: 'DEL', entity: { id: 'Q8' } },
      { op: 'DEL', entity: { id: 'ofac-passport-1', schema: 'Passport' } },
    ]);
    expect(changes.map((change) => [change.line, change.op])).toEqual([
      [1, 'upsert'],
      [2, 'upsert'],
      [3, 'remove'],
      [4, 'remove'],
      [5, 'skipped'],
    ]);
    expect(changes[2]).toEqual({ line: 3, op: 'remove', entryId: 'Q7747' });
  });

  it.each(['Company', 'Organization', 'Address', 'Sanction', 'Ownership', 'Vessel'])(
    'skips %s entities, saying why',
    async (schema) => {
      const changes = await parse('notices', [{ id: 'x-1', schema, properties: { name: ['Acme'] } }]);
      expect(changes).toEqual([{ line: 1, op: 'skipped', reason: `schema ${schema} is loaded into no dataset` }]);
    },
  );

  it('skips entities of another dataset’s schema, and numbers lines as in the file', async () => {
    const changes = await parse('smv', [putin, '', passport, vehicle]);
    expect(changes.map((change) => [change.line, change.op])).toEqual([
      [1, 'skipped'],
      [3, 'skipped'],
      [4, 'upsert'],
    ]);
  });
});
