import type { ReferenceEntry, SharedRecord } from '../api/types';
import { comparable, compareSides, entryBody, headline } from './record-view';

const sharedPerson: SharedRecord = {
  recordId: 'r1',
  kind: 'RECORD_KIND_PERSON',
  owner: 'FRA',
  person: {
    names: [
      { given: 'Ivan', family: 'Petrov', original: 'Иван Петров', script: 'Cyrl' },
      { full: 'Vanya P', alias: true },
    ],
    dateOfBirth: { year: 1971, month: 3, day: 14 },
    sex: 'SEX_MALE',
    nationalities: ['RUS'],
    documents: [{ number: 'P1234567', type: 'DOCUMENT_TYPE_PASSPORT', issuingCountry: 'RUS' }],
  },
};

const redNotice: ReferenceEntry = {
  entryId: 'RN-2026-000101',
  dataset: 'notices',
  owner: 'IPSG',
  notice: {
    colour: 'NOTICE_COLOUR_RED',
    noticeRef: '2026/101',
    subject: {
      names: [{ full: 'PETROV Ivan' }],
      dateOfBirth: { year: 1971 },
      sex: 'SEX_MALE',
      nationalities: ['RUS', 'UKR'],
    },
  },
};

describe('compareSides', () => {
  it('lays a person record beside a notice subject, field by field', () => {
    const rows = compareSides(sharedPerson, redNotice);
    expect(rows.map((row) => row.label)).toEqual(['Names', 'Date of birth', 'Sex', 'Nationalities', 'Documents']);
    const names = rows[0];
    expect(names.record).toEqual([
      { text: 'Ivan Petrov', original: { text: 'Иван Петров', script: 'Cyrl' } },
      { text: 'Vanya P', note: 'alias' },
    ]);
    expect(names.entry).toEqual([{ text: 'PETROV Ivan' }]);
    expect(rows.find((row) => row.label === 'Date of birth')).toMatchObject({
      record: [{ text: '14 Mar 1971' }],
      entry: [{ text: '1971' }],
      agreement: 'differs',
    });
    expect(rows.find((row) => row.label === 'Documents')).toMatchObject({
      record: [{ text: 'passport · P1234567 · RUS' }],
      entry: [],
      agreement: undefined,
    });
  });

  it('says where the sides agree, whatever the case and word order', () => {
    const rows = compareSides(sharedPerson, redNotice);
    expect(rows.find((row) => row.label === 'Names')!.agreement).toBe('same');
    expect(rows.find((row) => row.label === 'Sex')!.agreement).toBe('same');
    expect(rows.find((row) => row.label === 'Nationalities')!.agreement).toBe('same');
  });

  it('agrees on a name written in the original script on one side only', () => {
    const entry: ReferenceEntry = { notice: { subject: { names: [{ full: 'Иван Петров' }] } } };
    expect(compareSides(sharedPerson, entry)[0].agreement).toBe('same');
  });

  it('compares a travel document with its SLTD entry', () => {
    const record: SharedRecord = {
      travelDocument: {
        document: { number: 'X12-345', type: 'DOCUMENT_TYPE_PASSPORT', issuingCountry: 'DEU' },
        holderName: 'Anna Weber',
      },
    };
    const entry: ReferenceEntry = {
      entryId: 'SLTD-1',
      travelDocument: {
        document: { number: 'X12345', type: 'DOCUMENT_TYPE_PASSPORT', issuingCountry: 'DEU' },
        status: 'DOCUMENT_STATUS_STOLEN',
      },
    };
    const rows = compareSides(record, entry);
    expect(rows.map((row) => [row.label, row.record.map((v) => v.text), row.entry.map((v) => v.text)])).toEqual([
      ['Document number', ['X12-345'], ['X12345']],
      ['Document type', ['passport'], ['passport']],
      ['Issuing country', ['DEU'], ['DEU']],
      ['Status', [], ['stolen']],
      ['Holder', ['Anna Weber'], []],
    ]);
  });

  it('shows a vehicle plate with its country, and firearms and artworks by their keys', () => {
    expect(
      compareSides(
        {
          vehicle: {
            vin: 'WVWZZZ1JZXW000001',
            plate: 'AB-123-CD',
            registrationCountry: 'FRA',
            make: 'Volkswagen',
            vehicleType: 'car',
            year: 2019,
          },
        },
        { vehicle: { vin: 'WVWZZZ1JZXW000001', make: 'VW', vehicleType: 'van' } },
      ),
    ).toEqual([
      {
        label: 'VIN',
        record: [{ text: 'WVWZZZ1JZXW000001' }],
        entry: [{ text: 'WVWZZZ1JZXW000001' }],
        agreement: 'same',
      },
      { label: 'Plate', record: [{ text: 'AB-123-CD', note: 'FRA' }], entry: [], agreement: undefined },
      { label: 'Make', record: [{ text: 'Volkswagen' }], entry: [{ text: 'VW' }], agreement: 'differs' },
      { label: 'Vehicle type', record: [{ text: 'car' }], entry: [{ text: 'van' }], agreement: 'differs' },
      { label: 'Year', record: [{ text: '2019' }], entry: [], agreement: undefined },
    ]);
    expect(
      compareSides(
        { firearm: { serialNumber: 'G123', make: 'Glock' } },
        { firearm: { serialNumber: 'G123', make: 'Glock', calibre: '9mm' } },
      ).map((row) => row.label),
    ).toEqual(['Serial number', 'Make', 'Calibre']);
    expect(
      compareSides(
        { artwork: { title: 'Madonna', objectType: 'painting', maker: 'Unknown' } },
        { artwork: { title: 'The Madonna', objectType: 'Painting' } },
      ).map((row) => [row.label, row.agreement]),
    ).toEqual([
      ['Title', 'differs'],
      ['Object type', 'same'],
      ['Maker', undefined],
    ]);
  });

  it('copes with a side that is missing', () => {
    expect(compareSides(null, redNotice).map((row) => row.record)).toEqual([[], [], [], []]);
    expect(compareSides(sharedPerson, undefined).every((row) => row.entry.length === 0)).toBe(true);
  });
});

it('comparable ignores case, accents, punctuation and order', () => {
  expect(comparable('PÉTROV, Ivan')).toBe(comparable('ivan petrov'));
  expect(comparable('X12-345')).not.toBe(comparable('X12345'));
});

it('headline names a record in a line', () => {
  expect(headline(sharedPerson)).toBe('Ivan Petrov');
  expect(headline(entryBody(redNotice))).toBe('PETROV Ivan');
  expect(headline({ vehicle: { make: 'Volkswagen', model: 'Golf', vin: 'WVW1' } })).toBe('Volkswagen Golf WVW1');
  expect(
    headline({ travelDocument: { document: { number: 'X1', type: 'DOCUMENT_TYPE_ID_CARD', issuingCountry: 'DEU' } } }),
  ).toBe('ID card · X1 · DEU');
});

it('shows an organisation record field by field, and names it by its name of record', () => {
  const sonho: SharedRecord = {
    kind: 'RECORD_KIND_ORGANISATION',
    organisation: {
      names: [{ name: 'Sonho Americano' }, { name: 'Сонхо Американо', script: 'Cyrl', alias: true }],
      organisationType: 'criminal_group',
      registrationNumbers: [
        { type: 'ORGANISATION_IDENTIFIER_TYPE_COMPANY_REGISTRATION', number: '12.345', country: 'BRA' },
      ],
      countries: ['BRA', 'USA'],
    },
  };
  const rows = compareSides(sonho, undefined);
  expect(rows.map((row) => row.label)).toEqual(['Names', 'Organisation type', 'Registration numbers', 'Countries']);
  expect(rows[0].record[1]).toEqual({ text: 'Сонхо Американо', note: 'alias' });
  expect(rows[1].record).toEqual([{ text: 'criminal group' }]);
  expect(rows[2].record).toEqual([{ text: 'company registration · 12.345 · BRA' }]);
  expect(headline(sonho)).toBe('Sonho Americano');
  expect(headline({ organisation: {} })).toBe('Unnamed organisation');
});
