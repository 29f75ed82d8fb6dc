import { calibreOf, firearmFactsOf, FirearmLike, scoreFirearms } from './firearm';

const glock = (serialNumber: string, more: Partial<FirearmLike> = {}): FirearmLike => ({ serialNumber, make: 'Glock', model: '17', calibre: '9x19mm', type: 'pistol', ...more });
const score = (a: FirearmLike, b: FirearmLike) => scoreFirearms(firearmFactsOf(a), firearmFactsOf(b));

describe('scoreFirearms: one firearm reported twice scores 0.85 or more', () => {
  it.each<[string, FirearmLike, FirearmLike]>([
    ['the serial with separators', glock('ABC123456'), glock('abc-123.456')],
    ['the serial misread by OCR', glock('ABC123456'), glock('A8C1234S6')],
    ['the make spelt otherwise, calibre written otherwise', glock('ABC123456', { make: 'GLOCK Ges.m.b.H.' }), glock('ABC123456', { calibre: '9mm Parabellum' })],
    ['S&W for Smith & Wesson', glock('DFR1234', { make: 'Smith & Wesson', model: 'M&P9' }), glock('DFR1234', { make: 'S&W', model: 'M&P 9' })],
    ['the make unknown on one side', glock('ABC123456'), glock('ABC123456', { make: '' })],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoreFirearms: different firearms score under 0.75', () => {
  it.each<[string, FirearmLike, FirearmLike]>([
    ['another serial, same make and model', glock('ABC123456'), glock('XYZ987654')],
    ['the next gun of a batch', glock('ABC123456'), glock('ABC123457')],
    ['the same serial from another maker', glock('123456'), glock('123456', { make: 'Beretta', model: '92FS' })],
    ['the same serial and maker, another calibre and model', glock('ABC123456'), glock('ABC123456', { model: '22', calibre: '.40 S&W' })],
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
    ['unknown', 'unknown'],
  ])('%s → %s', (input, expected) => {
    expect(calibreOf(input)).toBe(expected);
  });
});
