import { csvFieldsOf, csvTargetsOf, parseCsvMapping } from './csv-mapping';
import { ReferenceFormatError } from '../../model/reference-change';

describe('parseCsvMapping', () => {
  it.each([
    [
      'target=COLUMN pairs, constants in double quotes',
      ' entryId = ID, travelDocument.number=DOC NO ,travelDocument.status="stolen",',
      [
        { target: 'entryId', source: { column: 'ID' } },
        { target: 'travelDocument.number', source: { column: 'DOC NO' } },
        { target: 'travelDocument.status', source: { value: 'stolen' } },
      ],
    ],
    [
      'a JSON object, for column names with commas or equals signs',
      '{"entryId": "ID", "subject.names.0.family": "NAME, FAMILY", "subject.names.0.alias": {"value": "false"}}',
      [
        { target: 'entryId', source: { column: 'ID' } },
        { target: 'subject.names.0.family', source: { column: 'NAME, FAMILY' } },
        { target: 'subject.names.0.alias', source: { value: 'false' } },
      ],
    ],
  ])('reads %s', (_, text, fields) => {
    expect(parseCsvMapping(text).fields).toEqual(fields);
  });

  it.each([
    ['an empty mapping', '  ', 'CSV mapping: is empty'],
    ['an entry without =', 'entryId=ID,DOC_NO', 'CSV mapping: "DOC_NO": must be target=COLUMN or target="constant"'],
    [
      'a target no dataset has',
      'entryId=ID,travelDocument.colour=C',
      'CSV mapping: travelDocument.colour: is not a field of any dataset',
    ],
    [
      'a field path with brackets',
      'subject.names[0].given=G',
      'CSV mapping: subject.names[0].given: is not a field path such as travelDocument.number or subject.names.0.given',
    ],
    [
      'a list element without its index',
      'subject.names.given=G',
      'CSV mapping: subject.names.given: needs a list index, as in subject.names.0.given',
    ],
    ['invalid JSON', '{"entryId": ', 'CSV mapping: not valid JSON'],
    [
      'a JSON source that is neither a column nor a constant',
      '{"entryId": 7}',
      'CSV mapping: entryId: must be a column name or {"value": "constant"}',
    ],
  ])('refuses %s, saying why', (_, text, message) => {
    expect(() => parseCsvMapping(text)).toThrow(ReferenceFormatError);
    expect(() => parseCsvMapping(text)).toThrow(message);
  });

  it('checks targets against the dataset when told which', () => {
    expect(() => parseCsvMapping('entryId=ID,vehicle.vin=VIN', 'sltd')).toThrow(
      'CSV mapping: vehicle.vin: is not a field of dataset sltd',
    );
    expect(parseCsvMapping('entryId=ID,vehicle.vin=VIN', 'smv').fields).toHaveLength(2);
  });
});

describe('csvTargetsOf', () => {
  it('splits each target into keys and list indexes, with the kind of value it takes', () => {
    const targets = csvTargetsOf(
      parseCsvMapping('entryId=ID,subject.names.1.alias="true",subject.nationalities=NAT,subject.nationalities.3=NAT4'),
      'notices',
    );
    expect(targets.map(({ path, kind }) => [path, kind])).toEqual([
      [['entryId'], 'string'],
      [['subject', 'names', 1, 'alias'], 'boolean'],
      [['subject', 'nationalities'], 'list'],
      [['subject', 'nationalities', 3], 'string'],
    ]);
  });

  it.each([
    [
      'a target of another dataset',
      'entryId=ID,vehicle.vin=VIN',
      'sltd',
      'CSV mapping: vehicle.vin: is not a field of dataset sltd',
    ],
    [
      'a target mapped twice',
      'entryId=ID,travelDocument.number=A,travelDocument.number=B',
      'sltd',
      'CSV mapping: travelDocument.number: is mapped twice',
    ],
    [
      'a mapping without entryId',
      'travelDocument.number=A',
      'sltd',
      'CSV mapping: entryId: must be mapped to a column',
    ],
  ] as const)('refuses %s', (_, text, dataset, message) => {
    expect(() => csvTargetsOf(parseCsvMapping(text), dataset)).toThrow(message);
  });
});

describe('csvFieldsOf', () => {
  it('reads each dataset’s fields from the DTOs that validate it', () => {
    expect([...csvFieldsOf('sltd').keys()].sort()).toEqual(
      [
        'entryId',
        'op',
        'outside',
        'travelDocument.expiresOn',
        'travelDocument.holderName',
        'travelDocument.issuedOn',
        'travelDocument.issuingCountry',
        'travelDocument.mrz',
        'travelDocument.number',
        'travelDocument.status',
        'travelDocument.type',
      ].sort(),
    );
    expect(csvFieldsOf('smv').get('vehicle.year')).toBe('integer');
    expect(csvFieldsOf('notices').get('subject.names.*.alias')).toBe('boolean');
    expect(csvFieldsOf('notices').get('subject.documents.*.issuingCountry')).toBe('string');
    expect(csvFieldsOf('notices').get('subject.distinguishingMarks')).toBe('list');
    expect(csvFieldsOf('notices').get('colour')).toBe('string');
    expect(csvFieldsOf('works-of-art').get('artwork.description')).toBe('string');
    expect(csvFieldsOf('firearms').get('firearm.serialNumber')).toBe('string');
  });
});
