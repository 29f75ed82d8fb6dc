import type { ContactValue } from './contact-details';
import { contactValuesOf, rarity } from './contact-details';
import { PersonLike, personFactsOf, scorePersons } from './person';

const born = { year: 1971, month: 3, day: 14 };
const address = (street: string, number: string, postcode: string, normalized?: string) => ({
  street,
  number,
  postcode,
  country: 'AUS',
  normalized: normalized ?? `AUS|${postcode}|${street}|${number}`,
});
const person = (given: string, family: string, more: Partial<PersonLike> = {}): PersonLike => ({
  names: [{ given, family }],
  dateOfBirth: born,
  ...more,
});
const home = address('milne cove', '5', '2602');
const carriedBy =
  (records: number) =>
  (value: ContactValue): number | undefined =>
    value.attribute === 'address' || value.attribute === 'phone' ? records : undefined;
const score = (a: PersonLike, b: PersonLike, records?: number) =>
  scorePersons(personFactsOf(a), personFactsOf(b), records === undefined ? undefined : carriedBy(records)).score;

describe('contact details as evidence of one person', () => {
  it.each<[string, PersonLike, PersonLike, number | undefined, 'same' | 'apart']>([
    [
      'one given name replaced, same birth date and a rare address: one person',
      person('amelia', 'ryan', { addresses: [home] }),
      person('edward', 'ryan', { addresses: [home] }),
      2,
      'same',
    ],
    [
      'the same, but the address is a hostel 12 records give: weak, apart',
      person('amelia', 'ryan', { addresses: [home] }),
      person('edward', 'ryan', { addresses: [home] }),
      12,
      'apart',
    ],
    [
      'the same, but 30 records give the address: no evidence, apart',
      person('amelia', 'ryan', { addresses: [home] }),
      person('edward', 'ryan', { addresses: [home] }),
      30,
      'apart',
    ],
    [
      'another house number in the same street: no evidence',
      person('amelia', 'ryan', { addresses: [home] }),
      person('edward', 'ryan', { addresses: [address('milne cove', '7', '2602')] }),
      2,
      'apart',
    ],
    [
      'half a name and a rare address, no birth date: apart (a possible duplicate at most)',
      person('network', 'tenant', { addresses: [home], dateOfBirth: undefined }),
      person('network', 'visitatore', { addresses: [home], dateOfBirth: undefined }),
      2,
      'apart',
    ],
    [
      'a relative at the same address: another given name and birth date',
      person('amelia', 'ryan', { addresses: [home] }),
      person('edward', 'ryan', { addresses: [home], dateOfBirth: { year: 1940, month: 7, day: 2 } }),
      2,
      'apart',
    ],
    [
      'names and birth dates apart, one phone: apart',
      person('amelia', 'ryan', { phones: [{ number: '0412 345 678', e164: '+61412345678' }] }),
      person('marco', 'bianchi', {
        phones: [{ number: '+61 412 345 678', e164: '+61412345678' }],
        dateOfBirth: { year: 1980, month: 1, day: 1 },
      }),
      2,
      'apart',
    ],
    [
      'a shared social security number and a rare address outweigh a mistyped birth date',
      person('tahni', 'skeen', {
        addresses: [home],
        identifiers: [{ type: 3, number: '4111794', numberNormalized: '4111794', country: 'AUS' }],
      }),
      person('tahni', 'murton', {
        addresses: [home],
        identifiers: [{ type: 3, number: '4111794', numberNormalized: '4111794', country: 'AUS' }],
        dateOfBirth: { year: 1950, month: 9, day: 9 },
      }),
      2,
      'same',
    ],
  ])('%s', (_, a, b, records, expected) => {
    if (expected === 'same') expect(score(a, b, records)).toBeGreaterThanOrEqual(0.85);
    else expect(score(a, b, records)).toBeLessThan(0.85);
  });

  it('says which value was shared and by how many records', () => {
    const pair = scorePersons(
      personFactsOf(person('amelia', 'ryan', { addresses: [home] })),
      personFactsOf(person('edward', 'ryan', { addresses: [home] })),
      carriedBy(3),
    );
    expect(pair.features.find((feature) => feature.feature === 'address')?.detail).toBe(
      'same address 5 milne cove 2602 AUS, carried by 3 records',
    );
  });

  it.each([
    ['street spacing and a postcode one digit off', address('milnecove', '5', '2603'), 0.95],
    ['another house number', address('milne cove', '7', '2602'), undefined],
    ['another street', address('miller place', '5', '2602'), undefined],
    ['another postcode and no locality', address('milne cove', '5', '3999'), undefined],
  ])('compares an address typed apart part by part: %s', (_, other, expected) => {
    const pair = scorePersons(
      personFactsOf(person('amelia', 'ryan', { addresses: [home] })),
      personFactsOf(person('amelia', 'ryan', { addresses: [other] })),
    );
    expect(pair.features.find((feature) => feature.feature === 'address')?.score).toBe(expected);
  });

  it('keeps the full weight while 5 records carry a value, then 5/n, and none past 20', () => {
    expect([2, 5, 10, 20, 21].map(rarity)).toEqual([1, 1, 0.5, 0.25, 0]);
  });

  it('gives networks the same values it compares, identifiers typed', () => {
    const facts = personFactsOf(
      person('amelia', 'ryan', {
        addresses: [home],
        emails: [{ address: 'A@x.org', normalized: 'a@x.org' }],
        identifiers: [{ type: 2, number: '12-345', numberNormalized: '12345', country: 'ITA' }],
      }),
    );
    expect(contactValuesOf(facts)).toEqual([
      { attribute: 'email', value: 'a@x.org' },
      { attribute: 'address', value: 'AUS|2602|milne cove|5' },
      { attribute: 'identifier', value: 'ITA|tax_id|12345' },
    ]);
  });
});
