import { Readable } from 'node:stream';
import { create } from '@bufbuild/protobuf';
import {
  DisseminationSchema,
  DisseminationScope,
  DocumentStatus,
  NoticeColour,
  ReferenceEntry,
} from '@crosscheck/contracts';
import { parseCsvMapping } from './csv-mapping';
import { parseCsv } from './csv.parser';
import { DatasetName, ReferenceChange, ReferenceFormatError } from '../../model/reference-change';

const SLTD_MAPPING =
  'entryId=ID,travelDocument.number=DOC_NO,travelDocument.type="passport",travelDocument.issuingCountry=COUNTRY,travelDocument.status=STATUS,travelDocument.holderName=HOLDER,travelDocument.issuedOn=ISSUED';
const SLTD_HEADER = 'ID,DOC_NO,COUNTRY,STATUS,HOLDER,ISSUED';

async function parse(dataset: DatasetName, mapping: string, rows: string[]): Promise<ReferenceChange[]> {
  const context = {
    dataset,
    owner: 'FRA-NCB',
    dissemination: create(DisseminationSchema, { scope: DisseminationScope.ALL }),
  };
  const changes: ReferenceChange[] = [];
  for await (const change of parseCsv(Readable.from([rows.join('\n')]), context, parseCsvMapping(mapping)))
    changes.push(change);
  return changes;
}

function entryOf(change: ReferenceChange): ReferenceEntry {
  if (change.op !== 'upsert') throw new Error(`expected an upsert, got ${JSON.stringify(change)}`);
  return change.entry;
}

describe('parseCsv', () => {
  it('puts each mapped column in its field, constants included, and leaves empty cells out', async () => {
    const [full, sparse] = await parse('sltd', SLTD_MAPPING, [
      SLTD_HEADER,
      'S-1,AB123456,FRA,stolen,Jean Dupont,2019-05-02',
      'S-2,CD654321,DEU,lost,,',
    ]);
    expect(entryOf(full)).toMatchObject({ entryId: 'S-1', owner: 'FRA-NCB', dataset: 'sltd' });
    expect(entryOf(full).body.value).toMatchObject({
      document: { number: 'AB123456', numberNormalized: 'AB123456', issuingCountry: 'FRA' },
      status: DocumentStatus.STOLEN,
      holderName: 'Jean Dupont',
      issuedOn: { year: 2019, month: 5, day: 2 },
    });
    expect(entryOf(sparse).body.value).toMatchObject({ status: DocumentStatus.LOST, holderName: '' });
    expect(entryOf(sparse).body.value).not.toHaveProperty('issuedOn');
  });

  it('builds lists from numbered targets and ;-separated cells, closing up empty elements', async () => {
    const mapping =
      'entryId=ID,colour="red",subject.names.0.given=GIVEN,subject.names.0.family=FAMILY,subject.names.1.full=ALIAS,subject.names.1.alias="true",subject.nationalities=NAT';
    const [withAlias, withoutAlias] = await parse('notices', mapping, [
      'ID,GIVEN,FAMILY,ALIAS,NAT',
      'N-1,Ivan,Petrov,Vanya,RUS; UKR',
      'N-2,Olga,Ivanova,,',
    ]);
    const notice = entryOf(withAlias).body.value as {
      colour: NoticeColour;
      subject: { names: object[]; nationalities: string[] };
    };
    expect(notice.colour).toBe(NoticeColour.RED);
    expect(notice.subject.names).toMatchObject([
      { full: 'Ivan Petrov', alias: false },
      { full: 'Vanya', alias: true },
    ]);
    expect(notice.subject.nationalities).toEqual(['RUS', 'UKR']);
    expect((entryOf(withoutAlias).body.value as typeof notice).subject.names).toHaveLength(1);
  });

  it('takes whole numbers as numbers, and leaves other text for the validator to name', async () => {
    const mapping = 'entryId=ID,vehicle.vin=VIN,vehicle.year=YEAR';
    const [good, bad] = await parse('smv', mapping, [
      'ID,VIN,YEAR',
      'V-1,1M8GDM9AXKP042788,2019',
      'V-2,1M8GDM9AXKP042788,20x9',
    ]);
    expect(entryOf(good).body.value).toMatchObject({ vinNormalized: '1M8GDM9AXKP042788', year: 2019 });
    expect(bad).toMatchObject({
      line: 3,
      op: 'rejected',
      reason: expect.stringContaining('vehicle.year: must be an integer number'),
    });
  });

  it.each([
    ['ADD', 'upsert'],
    ['MOD', 'upsert'],
    ['upsert', 'upsert'],
    ['', 'upsert'],
    ['DEL', 'remove'],
    ['del', 'remove'],
    ['remove', 'remove'],
  ])('treats op %s in the mapped op column as %s', async (op, expected) => {
    const [change] = await parse('sltd', `${SLTD_MAPPING},op=CHANGE`, [
      `${SLTD_HEADER},CHANGE`,
      `S-1,AB123456,FRA,stolen,,,${op}`,
    ]);
    expect(change.op).toBe(expected);
    if (change.op === 'remove') expect(change.entryId).toBe('S-1');
  });

  it('finds a column named op without a mapping, and removes with nothing but the entryId', async () => {
    const changes = await parse('sltd', SLTD_MAPPING, [
      `${SLTD_HEADER},Op`,
      'S-1,,,,,,DEL',
      'S-2,AB123456,FRA,stolen,,,MERGE',
    ]);
    expect(changes).toEqual([
      { line: 2, op: 'remove', entryId: 'S-1' },
      expect.objectContaining({ line: 3, op: 'rejected', reason: 'op: must be one of ADD, MOD, DEL, upsert, remove' }),
    ]);
  });

  it('rejects bad records with the same reasons as NDJSON, numbered by the line they start on', async () => {
    const changes = await parse('sltd', `${SLTD_MAPPING},travelDocument.mrz=MRZ`, [
      `${SLTD_HEADER},MRZ`,
      'S-1,AB123456,FR,stolen,,,',
      '',
      'S-2,AB123456,FRA,stolen,,,"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10"',
      'S-3,AB123456,FRA,stolen,,2019-02-30,',
      'S-4,AB123456,FRA',
      ',AB123456,FRA,stolen,,,',
    ]);
    expect(changes.map((change) => [change.line, change.op === 'rejected' ? change.reason : change.op])).toEqual([
      [2, 'travelDocument.issuingCountry: must be an ISO 3166-1 alpha-3 country code'],
      [4, 'upsert'],
      [
        6,
        'travelDocument.issuedOn: must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future',
      ],
      [7, 'line: has 3 fields where the header has 7'],
      [8, 'entryId: must be a non-empty string of at most 128 characters'],
    ]);
  });

  it.each([
    [
      'a mapped column the header lacks',
      SLTD_MAPPING,
      'ID,DOC_NO,COUNTRY,STATUS,HOLDER',
      'CSV mapping: travelDocument.issuedOn: column ISSUED is not in the header (ID, DOC_NO, COUNTRY, STATUS, HOLDER)',
    ],
    [
      'a target of another dataset',
      'entryId=ID,vehicle.vin=VIN',
      'ID,VIN',
      'CSV mapping: vehicle.vin: is not a field of dataset sltd',
    ],
    ['a quote left open', SLTD_MAPPING, `${SLTD_HEADER}\nS-1,"AB123456,FRA,stolen,,`, 'CSV: Quote Not Closed'],
    ['an empty file', SLTD_MAPPING, '', 'CSV: has no header row'],
  ])('refuses the whole file for %s', async (_, mapping, text, message) => {
    const attempt = parse('sltd', mapping, [text]);
    await expect(attempt).rejects.toThrow(ReferenceFormatError);
    await expect(parse('sltd', mapping, [text])).rejects.toThrow(message);
  });
});
