import { compileCsvHeader, CsvHeaderError, csvRowToRecord } from './csv-records';

const map = (header: string[], row: string[]) => csvRowToRecord(compileCsvHeader(header), row);

describe('CSV header paths → record JSON', () => {
  it.each<[string, string[], string[], Record<string, unknown>]>([
    [
      'the example of the CLI help',
      [
        'kind',
        'externalRef',
        'dissemination.scope',
        'purpose',
        'person.names.0.given',
        'person.names.0.family',
        'person.dateOfBirth',
        'person.nationalities',
      ],
      ['person', 'FR-0001', 'all', 'border-check', 'Ivan', 'Petrov', '1971-03-14', 'RUS;UKR'],
      {
        kind: 'person',
        externalRef: 'FR-0001',
        dissemination: { scope: 'all' },
        purpose: 'border-check',
        person: {
          names: [{ given: 'Ivan', family: 'Petrov' }],
          dateOfBirth: '1971-03-14',
          nationalities: ['RUS', 'UKR'],
        },
      },
    ],
    [
      'an organisation, its countries in one cell and an alias flag',
      [
        'kind',
        'organisation.names.0.name',
        'organisation.names.1.name',
        'organisation.names.1.alias',
        'organisation.countries',
      ],
      ['organisation', 'Sonho Americano', 'Сонхо Американо', 'true', 'BRA;USA'],
      {
        kind: 'organisation',
        organisation: {
          names: [{ name: 'Sonho Americano' }, { name: 'Сонхо Американо', alias: true }],
          countries: ['BRA', 'USA'],
        },
      },
    ],
    [
      'numbered segments make lists, in index order, whatever the column order',
      ['person.names.1.family', 'person.names.0.family', 'person.documents.0.number', 'person.documents.0.type'],
      ['Petrova', 'Petrov', 'FE 123', 'passport'],
      {
        person: {
          names: [{ family: 'Petrov' }, { family: 'Petrova' }],
          documents: [{ number: 'FE 123', type: 'passport' }],
        },
      },
    ],
    [
      'empty cells are omitted, and so are objects and elements left empty',
      [
        'kind',
        'caseRef',
        'person.names.0.given',
        'person.names.0.family',
        'person.names.1.family',
        'vehicle.vin',
        'vehicle.plate',
      ],
      ['person', '', '', 'Petrov', '  ', '', ''],
      { kind: 'person', person: { names: [{ family: 'Petrov' }] } },
    ],
    [
      'an empty first element closes up',
      ['person.names.0.family', 'person.names.1.family'],
      ['', 'Petrova'],
      { person: { names: [{ family: 'Petrova' }] } },
    ],
    [
      'list fields split on ; and drop empty parts',
      ['dissemination.scope', 'dissemination.agencies', 'person.nationalities'],
      ['agencies', 'FRA; DEU;;', 'UKR'],
      { dissemination: { scope: 'agencies', agencies: ['FRA', 'DEU'] }, person: { nationalities: ['UKR'] } },
    ],
    [
      'a list field may also be given one element per column, without splitting',
      ['person.nationalities.0', 'person.nationalities.1'],
      ['RUS', 'U;A'],
      { person: { nationalities: ['RUS', 'U;A'] } },
    ],
    [
      'other fields keep their ;',
      ['person.distinguishingMarks.0', 'artwork.description'],
      ['scar; left hand', 'oil; canvas'],
      { person: { distinguishingMarks: ['scar; left hand'] }, artwork: { description: 'oil; canvas' } },
    ],
    [
      'vehicle.year becomes a number',
      ['kind', 'vehicle.vin', 'vehicle.year'],
      ['vehicle', '1M8GDM9AXKP042788', '2019'],
      { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', year: 2019 } },
    ],
    [
      'a year that is not a whole number stays text, for intake to refuse by name',
      ['vehicle.year'],
      ['20x9'],
      { vehicle: { year: '20x9' } },
    ],
    [
      'alias becomes a boolean',
      ['person.names.0.full', 'person.names.0.alias', 'person.names.1.full', 'person.names.1.alias'],
      ['Vanya', 'TRUE', 'Ivan', 'false'],
      {
        person: {
          names: [
            { full: 'Vanya', alias: true },
            { full: 'Ivan', alias: false },
          ],
        },
      },
    ],
    [
      'other numbers stay text',
      ['externalRef', 'firearm.model', 'person.dateOfBirth'],
      ['0042', '17', '1971'],
      { externalRef: '0042', firearm: { model: '17' }, person: { dateOfBirth: '1971' } },
    ],
    [
      'cells are trimmed, header names too',
      [' kind ', 'purpose'],
      ['  firearm ', ' investigation'],
      { kind: 'firearm', purpose: 'investigation' },
    ],
    [
      'a cell may hold line breaks (an MRZ)',
      ['travelDocument.mrz'],
      ['P<UTO\nL898'],
      { travelDocument: { mrz: 'P<UTO\nL898' } },
    ],
    [
      'a field named like an Object method is an ordinary field',
      ['artwork.constructor', 'artwork.toString'],
      ['x', 'y'],
      { artwork: { constructor: 'x', toString: 'y' } },
    ],
    [
      'a row of empty cells is an empty record (intake will say what is missing)',
      ['kind', 'person.names.0.family'],
      ['', ''],
      {},
    ],
  ])('%s', (_, header, row, record) => {
    expect(map(header, row)).toEqual(record);
  });

  it('reads only as many cells as there are columns', () => {
    expect(map(['kind'], ['person', 'extra'])).toEqual({ kind: 'person' });
  });
});

describe('CSV headers that cannot describe a record', () => {
  it.each([
    [['kind', ''], /column 2: the header names no field/],
    [['kind', 'person..names'], /column 2 "person..names": "" is not a field name/],
    [['0.kind'], /"0" is not a field name$/],
    [['person.names.-1.family'], /"-1" is not a field name or a list index/],
    [['person.names.1000.family'], /"1000" is not a field name or a list index \(0-999\)/],
    [['person.names.01.family'], /"01" is not a field name/],
    [['__proto__.polluted'], /"__proto__" is not a field name/],
    [['kind', 'kind'], /column 2 "kind": the same path as column "kind"/],
    [
      ['person', 'person.names.0.family'],
      /column 2 "person.names.0.family": column "person" already holds person as a single value/,
    ],
    [['person.names.0.family', 'person'], /column 2 "person": other columns already fill fields inside person/],
    [
      ['person.names.0.family', 'person.names.given'],
      /person.names is used both as a list \(numbered elements\) and as an object \(named fields\)/,
    ],
    [['person.nationalities', 'person.nationalities.0'], /already holds person.nationalities as a single value/],
    [[], /the header row is empty/],
  ])('%j', (header, message) => {
    expect(() => compileCsvHeader(header)).toThrow(CsvHeaderError);
    expect(() => compileCsvHeader(header)).toThrow(message);
  });
});
