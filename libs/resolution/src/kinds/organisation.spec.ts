import { OrganisationLike, organisationFactsOf, scoreOrganisations } from './organisation';

const COMPANY_REGISTRATION = 1;
const organisation = (names: string[], more: Partial<OrganisationLike> = {}): OrganisationLike => ({
  names: names.map((name, index) => ({ name, alias: index > 0 })),
  ...more,
});
const score = (a: OrganisationLike, b: OrganisationLike) =>
  scoreOrganisations(organisationFactsOf(a), organisationFactsOf(b));
const registered = (number: string, country = 'BRA') => ({
  registrationNumbers: [{ type: COMPANY_REGISTRATION, number, country }],
});

describe('scoreOrganisations: one organisation written two ways scores 0.85 or more', () => {
  it.each<[string, OrganisationLike, OrganisationLike]>([
    ['in Cyrillic and in Latin', organisation(['Сонхо Американо']), organisation(['Sonho Americano'])],
    ['with and without its legal form', organisation(['Sonho Americano Ltda.']), organisation(['Sonho Americano'])],
    [
      'a legal form in Russian and its Latin name',
      organisation(['ООО «Северный путь»']),
      organisation(['Severny Put LLC']),
    ],
    ['another legal form for one name', organisation(['Nordweg GmbH']), organisation(['Nordweg AG'])],
    [
      'introduced as "the group known as"',
      organisation(['the group known as Lei do Retorno']),
      organisation(['Lei do Retorno']),
    ],
    [
      'an alias that the other gives as its name',
      organisation(['PCC', 'CaiCai III']),
      organisation(['a.k.a. CaiCai III']),
    ],
    ['a typo', organisation(['Sonho Americano']), organisation(['Sonho Amercano'])],
    ['one number in roman numerals and in digits', organisation(['CaiCai III']), organisation(['Кайкай 3'])],
    [
      'a shared registration number under another name',
      organisation(['Nordweg Logistik GmbH'], registered('HRB 12345', 'DEU')),
      organisation(['NW Transporte GmbH'], registered('HRB12345', 'DEU')),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scoreOrganisations: different organisations stay under 0.75', () => {
  it.each<[string, OrganisationLike, OrganisationLike]>([
    ['one word of two differs', organisation(['Sonho Americano']), organisation(['Sonho Brasileiro'])],
    ['another number of one faction', organisation(['CaiCai III']), organisation(['CaiCai II'])],
    ['only the legal form is shared', organisation(['Nordweg GmbH']), organisation(['Südstern GmbH'])],
    [
      'one name, two numbers in one register',
      organisation(['Acme Trading Ltd'], registered('04512345', 'GBR')),
      organisation(['Acme Trading Ltd'], registered('09876543', 'GBR')),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeLessThan(0.75);
  });
});

it('leaves a group and one numbered faction of its name to review, between 0.7 and 0.85', () => {
  const result = score(organisation(['CaiCai']), organisation(['CaiCai III']));
  expect(result.score).toBeGreaterThanOrEqual(0.7);
  expect(result.score).toBeLessThan(0.85);
  expect(result.features).toContainEqual(expect.objectContaining({ detail: 'numbered 3 on one side only' }));
});

it('lets a legal form count little, and says why', () => {
  const same = score(organisation(['Nordweg GmbH']), organisation(['Nordweg GmbH']));
  const other = score(organisation(['Nordweg GmbH']), organisation(['Nordweg AG']));
  expect(same.score).toBe(1);
  expect(other.score).toBeGreaterThanOrEqual(0.9);
  expect(other.features).toEqual(
    expect.arrayContaining([expect.objectContaining({ feature: 'legal_form', detail: 'limited vs joint stock' })]),
  );
});

it('reads the legal form the record gives beside the names', () => {
  const facts = organisationFactsOf(organisation(['Северный путь'], { legalForm: 'О.О.О.', countries: ['rus'] }));
  expect(facts.legalForms).toEqual(['limited']);
  expect(facts.countries).toEqual(['RUS']);
  expect(facts.nameForms[0].parts.map((part) => part.text)).toEqual(['severnyy', 'put']);
});
