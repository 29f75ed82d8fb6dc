import { e164Of, normalizedAddress, normalizedEmail } from './contact-details';

describe('e164Of', () => {
  it.each([
    ['an international number with spaces', '+33 6 12 34 56 78', undefined, '+33612345678'],
    ['a national number with its country', '06 12 34 56 78', 'FRA', '+33612345678'],
    ['the country in lower case', '06.12.34.56.78', 'fra', '+33612345678'],
    ['a German mobile with its trunk zero', '0151 23456789', 'DEU', '+4915123456789'],
    ['a national number without a country', '06 12 34 56 78', undefined, undefined],
    ['a number too short to be one', '+33 12', undefined, undefined],
    ['a country code that does not exist', '+999 1234567', undefined, undefined],
  ])('%s', (_, number, country, expected) => {
    expect(e164Of(number, country)).toBe(expected);
  });
});

describe('normalizedAddress', () => {
  it.each([
    [
      'street, number and postcode, folded',
      { street: 'Rua São João', number: '12-A', postcode: '1100-001', locality: 'Lisboa', country: 'PRT' },
      'PRT|1100 001|rua sao joao|12 a',
    ],
    ['street and locality without postcode', { street: 'Main St.', locality: 'Dover' }, '|dover|main st|'],
    [
      'free text of three words or more',
      { text: '12, Rue de la Paix — Paris', country: 'FRA' },
      'FRA|12 rue de la paix paris',
    ],
    ['a bare town places nobody', { locality: 'Paris', country: 'FRA' }, ''],
    ['a street alone places nobody', { street: 'High Street' }, ''],
    ['free text too short', { text: 'Paris' }, ''],
  ])('%s', (_, address, expected) => {
    expect(normalizedAddress(address)).toBe(expected);
  });
});

it('reads an email address trimmed and in lower case', () => {
  expect(normalizedEmail(' Ivan.Petrov@Example.ORG ')).toBe('ivan.petrov@example.org');
});
