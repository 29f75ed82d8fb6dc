import { scoreTravelDocuments, travelDocumentFactsOf, TravelDocumentLike } from './travel-document';

const PASSPORT = 1;
const ID_CARD = 2;
const MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const doc = (
  number: string,
  more: Partial<TravelDocumentLike> = {},
  issuingCountry = 'UTO',
  type = PASSPORT,
): TravelDocumentLike => ({
  document: { number, type, issuingCountry },
  holderName: 'Anna Maria Eriksson',
  ...more,
});
const score = (a: TravelDocumentLike, b: TravelDocumentLike) =>
  scoreTravelDocuments(travelDocumentFactsOf(a), travelDocumentFactsOf(b));

describe('scoreTravelDocuments: one document reported twice scores 0.85 or more', () => {
  it.each<[string, TravelDocumentLike, TravelDocumentLike]>([
    ['the number with separators', doc('L898902C3'), doc('L89-8902 C3')],
    ['the number misread by OCR (O/0, I/1)', doc('L898902C3'), doc('L8989O2C3')],
    [
      'the holder name in another order and case',
      doc('L898902C3'),
      doc('L898902C3', { holderName: 'ERIKSSON Anna Maria' }),
    ],
    ['the holder name missing (a blank document)', doc('L898902C3'), doc('L898902C3', { holderName: '' })],
    ['the number read from the MRZ only', doc('L898902C3', { mrz: MRZ }), { mrz: MRZ }],
    ['the issuing country unknown on one side', doc('L898902C3'), doc('L898902C3', {}, '')],
    [
      'the same number and country carried by someone else (the stolen document is the subject)',
      doc('L898902C3'),
      doc('L898-902 C3', { holderName: 'Ivan Petrov' }),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoreTravelDocuments: different documents score under 0.75', () => {
  it.each<[string, TravelDocumentLike, TravelDocumentLike]>([
    ['another number, same holder and country (a renewed passport)', doc('L898902C3'), doc('X1234567')],
    ['the same number from another issuing country', doc('L898902C3'), doc('L898902C3', {}, 'DEU')],
    ['the next blank of a stolen batch', doc('AA1000041', { holderName: '' }), doc('AA1000042', { holderName: '' })],
    [
      'a number that only reads alike under OCR, and another holder',
      doc('L898902C3'),
      doc('L8989O2C3', { holderName: 'Ivan Petrov' }),
    ],
    [
      'a number one digit off, same country, another holder',
      doc('L898902C3'),
      doc('L898903C3', { holderName: 'Ivan Petrov' }),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeLessThan(0.75);
  });
});

describe('travelDocumentFactsOf', () => {
  it('fills what the record leaves empty from the MRZ: number, country, type, holder, date of birth, sex, expiry', () => {
    expect(travelDocumentFactsOf({ mrz: MRZ })).toMatchObject({
      document: { number: 'L898902C3', folded: 'L898902C3', type: 'passport', country: 'UTO' },
      holderNames: [
        {
          parts: [
            { text: 'anna', role: 'given' },
            { text: 'maria', role: 'given' },
            { text: 'eriksson', role: 'family' },
          ],
        },
      ],
      holderDateOfBirth: { year: 1974, month: 8, day: 12 },
      holderSex: 'female',
      expiresOn: { year: 2012, month: 4, day: 15 },
    });
  });

  it('prefers the record’s own fields over the MRZ', () => {
    const facts = travelDocumentFactsOf({
      document: { number: 'X-1', type: ID_CARD, issuingCountry: 'deu' },
      mrz: MRZ,
    });
    expect(facts.document).toEqual({ number: 'X1', folded: 'X1', type: 'id_card', country: 'DEU' });
  });

  it('explains the number, the country and the holder', () => {
    const features = score(doc('L898902C3'), doc('L8989O2C3', { holderName: 'Anna Erikson' })).features;
    expect(features.map((f) => [f.feature, f.detail])).toEqual([
      ['document_number', 'same number but for OCR confusions (O/0, I/1, S/5, B/8...): L898902C3 vs L8989O2C3'],
      ['issuing_country', 'both issued by UTO'],
      ['document_type', 'both passport'],
      ['holder_name', expect.stringContaining('Eriksson ≈ Erikson')],
    ]);
  });
});
