import { scoreVehicles, vehicleFactsOf, VehicleLike } from './vehicle';

const golf = (vin: string, more: Partial<VehicleLike> = {}): VehicleLike => ({
  vin,
  plate: 'B-AB 1234',
  registrationCountry: 'DEU',
  make: 'Volkswagen',
  model: 'Golf',
  colour: 'grey',
  year: 2019,
  ...more,
});
const score = (a: VehicleLike, b: VehicleLike) => scoreVehicles(vehicleFactsOf(a), vehicleFactsOf(b));

describe('scoreVehicles: one vehicle reported twice scores 0.85 or more', () => {
  it.each<[string, VehicleLike, VehicleLike]>([
    ['the VIN with separators and lower case', golf('WVWZZZ1JZXW000001'), golf('wvw-zzz1jz xw000001')],
    ['the VIN misread by OCR (O/0, S/5, B/8)', golf('WVWZZZ1JZXW000001'), golf('WVWZZZ1JZXWOOOOO1')],
    [
      'a VW for a Volkswagen, another colour, no plate',
      golf('WVWZZZ1JZXW000001'),
      golf('WVWZZZ1JZXW000001', { make: 'VW', colour: 'silver', plate: '' }),
    ],
    [
      'a North American VIN one character off, the check digit showing the misread one',
      golf('1M8GDM9AXKP042788', { make: 'Ford' }),
      golf('1M8GDM9AXKP042738', { make: 'Ford' }),
    ],
    ['the same plate and country, VIN unknown on one side', golf('WVWZZZ1JZXW000001'), golf('')],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoreVehicles: different vehicles score under 0.75', () => {
  it.each<[string, VehicleLike, VehicleLike]>([
    [
      'another VIN, same make, model, year and colour',
      golf('WVWZZZ1JZXW000001'),
      golf('WVWZZZ1KZAW123456', { plate: 'M-XY 987' }),
    ],
    [
      'another VIN on the same plate (plates move)',
      golf('WVWZZZ1JZXW000001'),
      golf('WBA3A5C53CF256985', { make: 'BMW', model: '320i' }),
    ],
    [
      'the next VIN off a European line (no check digit)',
      golf('WVWZZZ1JZXW000001', { plate: '' }),
      golf('WVWZZZ1JZXW000002', { plate: '' }),
    ],
    [
      'the same VIN under another make',
      golf('WVWZZZ1JZXW000001', { plate: '' }),
      golf('WVWZZZ1JZXW000001', { make: 'Toyota', model: 'Corolla', plate: '' }),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeLessThan(0.75);
  });
});

describe('vehicleFactsOf', () => {
  it('normalises identifiers, folds OCR confusions and resolves make aliases', () => {
    expect(vehicleFactsOf(golf('1m8-gdm9axkp042788', { make: 'VW' }))).toMatchObject({
      vin: '1M8GDM9AXKP042788',
      vinFolded: '1M860M9AXKP042788',
      vinCheckDigit: 'ok',
      plate: 'BAB1234',
      country: 'DEU',
      make: 'volkswagen',
    });
  });

  it('explains why two VINs agree', () => {
    const [vin] = score(golf('WVWZZZ1JZXW000001'), golf('WVWZZZ1JZXWOOOOO1')).features;
    expect(vin).toEqual({
      feature: 'vin',
      score: 0.95,
      weight: 1.5,
      detail: 'same VIN but for OCR confusions (O/0, I/1, S/5, B/8...): WVWZZZ1JZXW000001 vs WVWZZZ1JZXWOOOOO1',
    });
  });
});
