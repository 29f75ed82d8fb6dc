import { calibreOf, firearmFactsOf, FirearmLike, scoreFirearms } from './firearm';

const glock = (serialNumber: string, more: Partial<FirearmLike> = {}): FirearmLike => ({
  serialNumber,
  make: 'Glock',
  model: '17',
  calibre: '9x19mm',
  type: 'pistol',
  ...more,
});
const score = (a: FirearmLike, b: FirearmLike) => scoreFirearms(firearmFactsOf(a), firearmFactsOf(b));

describe('scoreFirearms: one firearm reported twice scores 0.85 or more', () => {
  it.each<[string, FirearmLike, FirearmLike]>([
    ['the serial with separators', glock('ABC123456'), glock('abc-123.456')],
    ['the serial misread by OCR', glock('ABC123456'), glock('A8C1234S6')],
    [
      'the make spelt otherwise, calibre written otherwise',
      glock('ABC123456', { make: 'GLOCK Ges.m.b.H.' }),
      glock('ABC123456', { calibre: '9mm Parabellum' }),
    ],
    [
      'S&W for Smith & Wesson',
      glock('DFR1234', { make: 'Smith & Wesson', model: 'M&P9' }),
      glock('DFR1234', { make: 'S&W', model: 'M&P 9' }),
    ],
    ['the make unknown on one side', glock('ABC123456'), glock('ABC123456', { make: '' })],
    [
      'the maker by its full name (Pietro Beretta)',
      glock('BER123456', { make: 'Beretta', model: '92FS' }),
      glock('BER123456', { make: 'Pietro Beretta', model: '92FS' }),
    ],
    [
      "the maker by its company name (Colt's Manufacturing)",
      glock('1234C', { make: 'Colt', model: 'Python' }),
      glock('1234C', { make: "Colt's Manufacturing", model: 'Python' }),
    ],
    [
      'the maker with its company words (Sturm, Ruger & Co.)',
      glock('123-45678', { make: 'Ruger', model: 'LCP' }),
      glock('123-45678', { make: 'Sturm, Ruger & Co.', model: 'LCP' }),
    ],
    [
      'the maker by its initials (CZUB)',
      glock('A123456', { make: 'CZ', model: '75' }),
      glock('A123456', { make: 'CZUB', model: '75' }),
    ],
    [
      'a .32 ACP written 7.65 mm Browning',
      glock('123456A', { make: 'Walther', model: 'PPK', calibre: '.32 ACP' }),
      glock('123456A', { make: 'Walther', model: 'PPK', calibre: '7.65mm Browning' }),
    ],
    [
      'a 12 gauge written 12/70',
      glock('U1234567', { make: 'Mossberg', model: '500', calibre: '12 gauge' }),
      glock('U1234567', { make: 'Mossberg', model: '500', calibre: '12/70' }),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoreFirearms: different firearms score under 0.75', () => {
  it.each<[string, FirearmLike, FirearmLike]>([
    ['another serial, same make and model', glock('ABC123456'), glock('XYZ987654')],
    ['the next gun of a batch', glock('ABC123456'), glock('ABC123457')],
    ['the same serial from another maker', glock('123456'), glock('123456', { make: 'Beretta', model: '92FS' })],
    [
      'the same serial from another maker with a company word (Tula Arms, Walther Arms)',
      glock('AB123', { make: 'Tula Arms', model: 'TT-33' }),
      glock('AB123', { make: 'Walther Arms', model: 'TT-33' }),
    ],
    [
      'the same serial and maker, another calibre and model',
      glock('ABC123456'),
      glock('ABC123456', { model: '22', calibre: '.40 S&W' }),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeLessThan(0.75);
  });
});

describe('calibreOf', () => {
  it.each([
    ['9x19mm', '9x19'],
    ['9 mm Parabellum', '9'],
    ['.45 ACP', '45'],
    ['5,56 x 45', '5.56x45'],
    ['.223 Rem', '5.56x45'],
    ['7.62×39', '7.62x39'],
    ['12 gauge', '12ga'],
    ['12/70', '12ga'],
    ['12ga', '12ga'],
    ['12 GA', '12ga'],
    ['.32 ACP', '7.65'],
    ['7,65 mm', '7.65'],
    ['unknown', 'unknown'],
  ])('%s → %s', (input, expected) => {
    expect(calibreOf(input)).toBe(expected);
  });
});
