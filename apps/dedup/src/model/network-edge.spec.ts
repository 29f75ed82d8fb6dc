import { attributeEdgeStrength, explainAttribute, explainRelation } from './network-edge';

describe('attributeEdgeStrength', () => {
  it.each([
    ['a phone two entities share', 'phone', 2, { score: 0.9, strength: 'strong' }],
    ['an address five share', 'address', 5, { score: 0.8, strength: 'strong' }],
    ['an address ten share (a hostel)', 'address', 10, { score: 0.4, strength: 'weak' }],
    ['a phone twenty share', 'phone', 20, { score: 0.225, strength: 'weak' }],
    ['an address twenty-one share (a hotel, an NGO): no edge', 'address', 21, undefined],
    ['a registration number two organisations share', 'registration', 2, { score: 0.95, strength: 'strong' }],
    ['a registration number six share', 'registration', 6, { score: 0.792, strength: 'weak' }],
  ] as const)('%s', (_, attribute, sharing, expected) => {
    expect(attributeEdgeStrength(attribute, sharing)).toEqual(expected);
  });
});

it.each([
  ['phone', '+33612345678', 2, 'same phone number +33612345678, carried by 2 records'],
  ['address', 'FRA|75002|rue de la paix|12', 3, 'same address FRA 75002 rue de la paix 12, carried by 3 records'],
  ['address', '|dover|main st|', 2, 'same address dover main st, carried by 2 records'],
  [
    'registration',
    'company_registration|DEU|HRB12345',
    2,
    'same registration number HRB12345 (DEU company registration), carried by 2 records',
  ],
] as const)('explains a shared %s in words', (attribute, value, sharing, expected) => {
  expect(explainAttribute(attribute, value, sharing)).toBe(expected);
});

it.each([
  ['FRA', 'associate', null, null, 'FRA declared: associate'],
  ['FRA', 'used', '2024-05', '2025', 'FRA declared: used, since 2024-05, until 2025'],
])('explains a relation %s %s', (owner, role, since, until, expected) => {
  expect(explainRelation(owner, role, since, until)).toBe(expected);
});
