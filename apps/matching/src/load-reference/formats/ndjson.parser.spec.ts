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
import { MAX_LINE_CHARS, parseNdjson } from './ndjson.parser';
import { DatasetName, ParseContext, ReferenceChange } from '../../model/reference-change';

const TD3_MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

const valid = {
  notices: {
    entryId: 'RN-1',
    colour: 'red',
    noticeRef: 'A-101/1-2026',
    charges: 'Armed robbery',
    subject: {
      names: [{ given: 'Ivan', family: 'Petrov', original: 'Иван Петров', script: 'Cyrl' }],
      dateOfBirth: '1971-03',
      sex: 'male',
      nationalities: ['RUS'],
    },
  },
  sltd: {
    entryId: 'SLTD-1',
    travelDocument: {
      number: 'l898902c3',
      type: 'passport',
      issuingCountry: 'FRA',
      status: 'stolen',
      holderName: 'Anna Eriksson',
      issuedOn: '2019-05-02',
      expiresOn: '2039-05-01',
      mrz: TD3_MRZ,
    },
  },
  smv: {
    entryId: 'SMV-1',
    vehicle: {
      vin: '1m8gdm9a-xkp042788',
      plate: 'AB-123-CD',
      registrationCountry: 'FRA',
      make: 'Renault',
      model: 'Clio',
      colour: 'red',
      year: 2019,
      engineNumber: 'K9K-123',
    },
  },
  firearms: {
    entryId: 'FA-1',
    firearm: { serialNumber: 'ab 12.34-5', make: 'Glock', model: '17', calibre: '9x19mm', type: 'pistol' },
  },
  'works-of-art': {
    entryId: 'WOA-1',
    artwork: { title: 'Madonna with Child', objectType: 'painting', maker: 'Unknown', period: '17th century' },
  },
} satisfies Record<DatasetName, object>;

function contextFor(dataset: DatasetName): ParseContext {
  return {
    dataset,
    owner: 'IPSG',
    dissemination: create(DisseminationSchema, { scope: DisseminationScope.AGENCIES, agencies: ['FRA-NCB'] }),
  };
}

async function* linesOf(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function parse(dataset: DatasetName, lines: string[]): Promise<ReferenceChange[]> {
  const changes: ReferenceChange[] = [];
  for await (const change of parseNdjson(linesOf(lines), contextFor(dataset))) changes.push(change);
  return changes;
}

async function entryOf(dataset: DatasetName, line: object): Promise<ReferenceEntry> {
  const [change] = await parse(dataset, [JSON.stringify(line)]);
  if (change.op !== 'upsert') throw new Error(`expected an upsert, got ${JSON.stringify(change)}`);
  return change.entry;
}

/** `valid[dataset]` with `patch` merged into its body (or top level when `top`). */
function lineWith(dataset: DatasetName, patch: Record<string, unknown>, top = false): string {
  const line = structuredClone(valid[dataset]) as Record<string, unknown>;
  const body = {
    notices: 'subject',
    sltd: 'travelDocument',
    smv: 'vehicle',
    firearms: 'firearm',
    'works-of-art': 'artwork',
  }[dataset];
  if (top) Object.assign(line, patch);
  else Object.assign(line[body] as object, patch);
  return JSON.stringify(line);
}

describe('parseNdjson', () => {
  it.each(Object.keys(valid) as DatasetName[])(
    'turns a valid %s line into an entry owned and disseminated as the dataset says',
    async (dataset) => {
      const entry = await entryOf(dataset, valid[dataset]);
      expect(entry).toMatchObject({
        entryId: valid[dataset].entryId,
        dataset,
        owner: 'IPSG',
        dissemination: { scope: DisseminationScope.AGENCIES, agencies: ['FRA-NCB'] },
      });
    },
  );

  it('carries a notice over with its colour, reference, charges and subject', async () => {
    const entry = await entryOf('notices', valid.notices);
    if (entry.body.case !== 'notice') throw new Error(entry.body.case);
    expect(entry.body.value).toMatchObject({
      colour: NoticeColour.RED,
      noticeRef: 'A-101/1-2026',
      charges: 'Armed robbery',
    });
    expect(entry.body.value.subject).toMatchObject({
      names: [{ full: 'Ivan Petrov', given: 'Ivan', family: 'Petrov', original: 'Иван Петров', script: 'Cyrl' }],
      dateOfBirth: { year: 1971, month: 3, day: 0 },
      sex: Sex.MALE,
      nationalities: ['RUS'],
    });
  });

  it('fills the normalised identifiers beside the ones given', async () => {
    const document = await entryOf('sltd', valid.sltd);
    const vehicle = await entryOf('smv', valid.smv);
    const firearm = await entryOf('firearms', valid.firearms);
    expect(document.body.case === 'travelDocument' && document.body.value).toMatchObject({
      document: {
        number: 'l898902c3',
        numberNormalized: 'L898902C3',
        type: DocumentType.PASSPORT,
        issuingCountry: 'FRA',
      },
      status: DocumentStatus.STOLEN,
      issuedOn: { year: 2019, month: 5, day: 2 },
      mrz: TD3_MRZ,
    });
    expect(vehicle.body.case === 'vehicle' && vehicle.body.value).toMatchObject({
      vin: '1m8gdm9a-xkp042788',
      vinNormalized: '1M8GDM9AXKP042788',
      year: 2019,
    });
    expect(firearm.body.case === 'firearm' && firearm.body.value).toMatchObject({
      serialNumber: 'ab 12.34-5',
      serialNormalized: 'AB12345',
    });
  });

  it.each<[string, DatasetName, string, string]>([
    ['invalid JSON', 'sltd', '{"entryId": "SLTD-1", ', 'line: not valid JSON'],
    ['a value that is not an object', 'sltd', '["SLTD-1"]', 'line: must be a JSON object'],
    [
      'an unknown field',
      'sltd',
      lineWith('sltd', { coverColour: 'red' }),
      'travelDocument.coverColour: property coverColour should not exist',
    ],
    [
      'an unknown top-level field',
      'smv',
      lineWith('smv', { source: 'x' }, true),
      'source: property source should not exist',
    ],
    [
      'another dataset’s body',
      'sltd',
      lineWith('sltd', { vehicle: valid.smv.vehicle }, true),
      'vehicle: not allowed in dataset sltd, whose entries carry travelDocument',
    ],
    [
      'a notice in a vehicle dataset',
      'smv',
      JSON.stringify(valid.notices),
      'subject: not allowed in dataset smv, whose entries carry vehicle',
    ],
    ['no body', 'firearms', JSON.stringify({ entryId: 'FA-1' }), 'firearm: is required in dataset firearms'],
    [
      'a country that is not ISO 3166 alpha-3',
      'sltd',
      lineWith('sltd', { issuingCountry: 'FR' }),
      'travelDocument.issuingCountry: must be an ISO 3166-1 alpha-3 country code',
    ],
    [
      'a made-up country',
      'notices',
      lineWith('notices', { nationalities: ['XYZ'] }),
      'subject.nationalities: each must be an ISO 3166-1 alpha-3 country code',
    ],
    [
      'a date that does not exist',
      'sltd',
      lineWith('sltd', { issuedOn: '2019-02-30' }),
      'travelDocument.issuedOn: must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists',
    ],
    [
      'a birth date in the future',
      'notices',
      lineWith('notices', { dateOfBirth: '2999' }),
      'subject.dateOfBirth: must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future',
    ],
    [
      'a birth date written otherwise',
      'notices',
      lineWith('notices', { dateOfBirth: '14/03/1971' }),
      'subject.dateOfBirth: must be a date as YYYY',
    ],
    [
      'a VIN with an O',
      'smv',
      lineWith('smv', { vin: '1M8GDM9AXKPO42788' }),
      'vehicle.vin: must be a VIN: must not contain I, O or Q',
    ],
    [
      'a VIN too short',
      'smv',
      lineWith('smv', { vin: '1M8GDM9AXKP' }),
      'vehicle.vin: must be a VIN: must be 17 characters',
    ],
    [
      'a plate without its country',
      'smv',
      lineWith('smv', { registrationCountry: undefined }),
      'vehicle.registrationCountry: must be an ISO 3166-1 alpha-3 country code, and is required with a plate',
    ],
    [
      'an MRZ check digit that disagrees',
      'sltd',
      lineWith('sltd', { mrz: TD3_MRZ.replace('L898902C36', 'L898902C37') }),
      'travelDocument.mrz: must be a valid ICAO 9303 MRZ',
    ],
    [
      'a document type not in the list',
      'sltd',
      lineWith('sltd', { type: 'passbook' }),
      'travelDocument.type: must be one of the following values: passport',
    ],
    [
      'no entryId',
      'sltd',
      JSON.stringify({ travelDocument: valid.sltd.travelDocument }),
      'entryId: must be a non-empty string of at most 128 characters',
    ],
    [
      'a blank entryId',
      'sltd',
      lineWith('sltd', { entryId: '  ' }, true),
      'entryId: must contain visible characters, not only spaces or invisible formatting characters',
    ],
    [
      'an entryId too long',
      'sltd',
      lineWith('sltd', { entryId: 'E'.repeat(129) }, true),
      'entryId: must be a non-empty string of at most 128 characters',
    ],
    [
      'an oversize description',
      'works-of-art',
      lineWith('works-of-art', { description: 'x'.repeat(4001) }),
      'artwork.description: must be shorter than or equal to 4000 characters',
    ],
    [
      'an oversize holder name',
      'sltd',
      lineWith('sltd', { holderName: 'x'.repeat(301) }),
      'travelDocument.holderName: must be shorter than or equal to 300 characters',
    ],
    ['a firearm without its make', 'firearms', lineWith('firearms', { make: '' }), 'firearm.make: should not be empty'],
    [
      'a notice colour not in the list',
      'notices',
      lineWith('notices', { colour: 'pink' }, true),
      'colour: must be one of red, yellow, blue',
    ],
    [
      'a notice without names',
      'notices',
      lineWith('notices', { names: [] }),
      'subject.names: must contain at least 1 elements',
    ],
    [
      'a name with no part',
      'notices',
      lineWith('notices', { names: [{ script: 'Latn' }] }),
      'subject.names: names[0] needs at least one of full, given or family',
    ],
    [
      'an op that is neither upsert nor remove',
      'sltd',
      lineWith('sltd', { op: 'delete' }, true),
      'op: must be one of upsert, remove',
    ],
    [
      'a removal with a body',
      'sltd',
      lineWith('sltd', { op: 'remove' }, true),
      'travelDocument: a removal carries only entryId and op',
    ],
    [
      'a removal without entryId',
      'sltd',
      JSON.stringify({ op: 'remove' }),
      'entryId: must be a non-empty string of at most 128 characters',
    ],
    [
      'a line longer than any entry could be',
      'works-of-art',
      'x'.repeat(MAX_LINE_CHARS + 1),
      `line: must be at most ${MAX_LINE_CHARS} characters long`,
    ],
  ])('rejects %s, naming the field and the rule', async (_, dataset, line, reason) => {
    const [change] = await parse(dataset, [line]);
    expect(change).toMatchObject({ line: 1, op: 'rejected' });
    expect(change.op === 'rejected' && change.reason).toContain(reason);
  });

  it('lists every problem of a line, each with its field and rule', async () => {
    const [change] = await parse('sltd', [lineWith('sltd', { issuingCountry: 'XX', issuedOn: 'soon' })]);
    if (change.op !== 'rejected') throw new Error(change.op);
    expect(change.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'travelDocument.issuingCountry', rule: 'isISO31661Alpha3' }),
        expect.objectContaining({ field: 'travelDocument.issuedOn', rule: 'isPartialDate' }),
      ]),
    );
    expect(change.reason.split('; ')).toHaveLength(2);
  });

  it('removes an entry on an {"entryId", "op": "remove"} line, and upserts on "op": "upsert"', async () => {
    const changes = await parse('sltd', [
      JSON.stringify({ entryId: 'SLTD-9', op: 'remove' }),
      lineWith('sltd', { op: 'upsert' }, true),
    ]);
    expect(changes).toEqual([
      { line: 1, op: 'remove', entryId: 'SLTD-9' },
      expect.objectContaining({ line: 2, op: 'upsert' }),
    ]);
  });

  it('numbers lines as in the file: a BOM is dropped, blank lines are counted but yield nothing', async () => {
    const changes = await parse('firearms', [
      `\uFEFF${JSON.stringify(valid.firearms)}`,
      '',
      '   ',
      '{bad',
      JSON.stringify(valid.firearms),
    ]);
    expect(changes.map((change) => [change.line, change.op])).toEqual([
      [1, 'upsert'],
      [4, 'rejected'],
      [5, 'upsert'],
    ]);
  });
});
