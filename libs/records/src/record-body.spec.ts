import { create } from '@bufbuild/protobuf';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { checkBody, recordBody, recordBodyOf, RecordBodySchema } from './index';

const vehicle = { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788' } };
const person = { kind: 'person', person: { names: [{ given: 'Ivan', family: 'Petrov' }] } };

describe('the record body schema', () => {
  it.each<[string, object, string, string]>([
    ['an unknown field', { ...person, nickname: 'Ace' }, 'nickname', 'unknownField'],
    ['an unknown kind', { kind: 'boat' }, 'kind', 'isIn'],
    ['a missing body', { kind: 'firearm' }, 'firearm', 'isDefined'],
    ['a body of another kind', { ...person, vehicle: vehicle.vehicle }, 'vehicle', 'onlyForKind'],
    ['a body that is a list', { kind: 'person', person: [] }, 'person', 'isObject'],
    ['a name with no part', { kind: 'person', person: { names: [{ script: 'Latn' }] } }, 'person.names', 'hasSomeName'],
    ['an empty name', { kind: 'person', person: { names: [{ given: '' }] } }, 'person.names[0].given', 'isNotEmpty'],
    [
      'a date that does not exist',
      { kind: 'person', person: { names: [{ given: 'A' }], dateOfBirth: '1971-02-30' } },
      'person.dateOfBirth',
      'isPartialDate',
    ],
    [
      'a country that does not exist',
      { kind: 'person', person: { names: [{ given: 'A' }], nationalities: ['FRA', 'XXA'] } },
      'person.nationalities',
      'isISO31661Alpha3',
    ],
    ['a VIN with an O', { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKPO42788' } }, 'vehicle.vin', 'isVin'],
    [
      'a plate without its country',
      { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', plate: 'AB123' } },
      'vehicle.registrationCountry',
      'isISO31661Alpha3',
    ],
    [
      'a vehicle type off the list',
      { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', vehicleType: 'boat' } },
      'vehicle.vehicleType',
      'isIn',
    ],
    [
      'a year as text',
      { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788', year: '2019' } },
      'vehicle.year',
      'isInt',
    ],
    [
      'a title over its length',
      { kind: 'artwork', artwork: { title: 'x'.repeat(301), objectType: 'painting' } },
      'artwork.title',
      'maxLength',
    ],
    ...(
      [
        ['a phone number too short', { phones: [{ number: '+33 12' }] }, 'person.phones[0].number', 'isPhoneNumber'],
        [
          'a national number without country',
          { phones: [{ number: '0612345678' }] },
          'person.phones[0].number',
          'isPhoneNumber',
        ],
        ['a phone number with letters', { phones: [{ number: '+33 CALL' }] }, 'person.phones[0].number', 'matches'],
        [
          'a phone country that does not exist',
          { phones: [{ number: '0612345678', country: 'XXA' }] },
          'person.phones[0].country',
          'isISO31661Alpha3',
        ],
        ['an email without a domain', { emails: ['ivan@'] }, 'person.emails', 'isEmail'],
        ['an email with a space', { emails: ['ivan petrov@example.org'] }, 'person.emails', 'isEmail'],
        [
          'an address with only a country',
          { addresses: [{ country: 'FRA' }] },
          'person.addresses[0]',
          'hasSomeAddress',
        ],
        [
          'an address with an unknown field',
          { addresses: [{ street: 'Rue X', floor: 2 }] },
          'person.addresses[0].floor',
          'unknownField',
        ],
        [
          'an identifier type off the list',
          { identifiers: [{ type: 'pin', number: '1', country: 'FRA' }] },
          'person.identifiers[0].type',
          'isIn',
        ],
        [
          'an identifier without its country',
          { identifiers: [{ type: 'tax_id', number: '1' }] },
          'person.identifiers[0].country',
          'isDefined',
        ],
        [
          'a relation role off the list',
          { relations: [{ to: 'FR-1', role: 'friend' }] },
          'person.relations[0].role',
          'isIn',
        ],
        [
          'a relation to a reference with spaces',
          { relations: [{ to: 'FR 1', role: 'family' }] },
          'person.relations[0].to',
          'matches',
        ],
        [
          'a relation starting in the future',
          { relations: [{ to: 'FR-1', role: 'family', since: '2999' }] },
          'person.relations[0].since',
          'isPartialDate',
        ],
      ] as const
    ).map(([name, extra, field, rule]): [string, object, string, string] => [
      name,
      { kind: 'person', person: { ...person.person, ...extra } },
      field,
      rule,
    ]),
    ...(
      [
        ['no name', { names: [] }, 'organisation.names', 'arrayMinSize'],
        ['an empty name', { names: [{ name: '' }] }, 'organisation.names[0].name', 'isNotEmpty'],
        ['a name of punctuation only', { names: [{ name: '«—»' }] }, 'organisation.names[0].name', 'hasSomeName'],
        ['a name over its length', { names: [{ name: 'x'.repeat(301) }] }, 'organisation.names[0].name', 'maxLength'],
        [
          'a script that is no code',
          { names: [{ name: 'X', script: 'cyrillic' }] },
          'organisation.names[0].script',
          'matches',
        ],
        ['a type off the list', { organisationType: 'mafia' }, 'organisation.organisationType', 'isIn'],
        [
          'a registration type off the list',
          { registrationNumbers: [{ type: 'licence', number: '1', country: 'DEU' }] },
          'organisation.registrationNumbers[0].type',
          'isIn',
        ],
        [
          'a registration number without its country',
          { registrationNumbers: [{ type: 'vat', number: 'DE123' }] },
          'organisation.registrationNumbers[0].country',
          'isDefined',
        ],
        [
          'a registration number with symbols',
          { registrationNumbers: [{ type: 'vat', number: 'DE#123', country: 'DEU' }] },
          'organisation.registrationNumbers[0].number',
          'matches',
        ],
        ['a country that does not exist', { countries: ['BRA', 'XXA'] }, 'organisation.countries', 'isISO31661Alpha3'],
        [
          'a relation role a person has',
          { relations: [{ to: 'FR-ORG-2', role: 'member' }] },
          'organisation.relations[0].role',
          'isIn',
        ],
        ['a person’s field', { dateOfBirth: '1990' }, 'organisation.dateOfBirth', 'unknownField'],
      ] as const
    ).map(([name, extra, field, rule]): [string, object, string, string] => [
      `an organisation with ${name}`,
      { kind: 'organisation', organisation: { names: [{ name: 'Sonho Americano' }], ...extra } },
      field,
      rule,
    ]),
  ])('refuses %s, naming the field and the rule', (_, body, field, rule) => {
    const checked = recordBody.check(body);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('reads country codes in upper case', () => {
    const checked = recordBody.check({ kind: 'person', person: { names: [{ given: 'A' }], nationalities: ['swe'] } });
    expect(checked).toEqual({
      ok: true,
      value: expect.objectContaining({ person: expect.objectContaining({ nationalities: ['SWE'] }) }),
    });
  });

  it('maps a checked body to the contract, identifiers normalised beside the ones given', () => {
    const body = recordBody.parse({
      kind: 'vehicle',
      vehicle: { vin: '1m8-gdm9axkp042788', plate: 'AB 123', registrationCountry: 'fra', vehicleType: 'van' },
    });
    const record = create(SharedRecordSchema, { body: recordBodyOf(body) });
    expect(record.body).toEqual(
      expect.objectContaining({
        case: 'vehicle',
        value: expect.objectContaining({
          vin: '1m8-gdm9axkp042788',
          vinNormalized: '1M8GDM9AXKP042788',
          registrationCountry: 'FRA',
          vehicleType: 'van',
        }),
      }),
    );
  });

  it('maps contact details to the contract with their normal forms beside them', () => {
    const body = recordBody.parse({
      kind: 'person',
      person: {
        ...person.person,
        addresses: [{ street: 'Rue de la Paix', number: '12', postcode: '75002', locality: 'Paris', country: 'fra' }],
        phones: [{ number: '06 12 34 56 78', country: 'FRA' }],
        emails: [' Ivan.Petrov@Example.ORG '],
        identifiers: [{ type: 'tax_id', number: '12 345-678', country: 'ITA' }],
        relations: [{ to: 'FR-CAR-1', role: 'used', since: '2024-05' }],
      },
    });
    const record = create(SharedRecordSchema, { body: recordBodyOf(body) });
    const mapped = record.body.case === 'person' ? record.body.value : undefined;
    expect(mapped?.addresses[0].normalized).toBe('FRA|75002|rue de la paix|12');
    expect(mapped?.phones[0]).toEqual(expect.objectContaining({ number: '06 12 34 56 78', e164: '+33612345678' }));
    expect(mapped?.emails[0].normalized).toBe('ivan.petrov@example.org');
    expect(mapped?.identifiers[0]).toEqual(expect.objectContaining({ numberNormalized: '12345678', country: 'ITA' }));
    expect(mapped?.relations[0]).toEqual(expect.objectContaining({ toExternalRef: 'FR-CAR-1', role: 'used' }));
  });

  it('maps an organisation to the contract, registration numbers normalised and relations kept', () => {
    const body = recordBody.parse({
      kind: 'organisation',
      organisation: {
        names: [
          { name: 'ООО «Северный путь»', script: 'Cyrl' },
          { name: 'Severny Put', alias: true },
        ],
        organisationType: 'company',
        legalForm: 'ООО',
        registrationNumbers: [{ type: 'company_registration', number: '1027700-132195', country: 'rus' }],
        countries: ['rus'],
        relations: [{ to: 'FR-ORG-2', role: 'affiliate', since: '2019' }],
      },
    });
    const record = create(SharedRecordSchema, { body: recordBodyOf(body) });
    const mapped = record.body.case === 'organisation' ? record.body.value : undefined;
    expect(mapped?.names.map((name) => [name.name, name.script, name.alias])).toEqual([
      ['ООО «Северный путь»', 'Cyrl', false],
      ['Severny Put', '', true],
    ]);
    expect(mapped?.registrationNumbers[0]).toEqual(
      expect.objectContaining({ number: '1027700-132195', numberNormalized: '1027700132195', country: 'RUS' }),
    );
    expect(mapped?.countries).toEqual(['RUS']);
    expect(mapped?.relations[0]).toEqual(expect.objectContaining({ toExternalRef: 'FR-ORG-2', role: 'affiliate' }));
  });

  it('is JSON Schema, every body a named object that refuses unknown fields', () => {
    const json = JSON.parse(JSON.stringify(RecordBodySchema));
    expect(json.required).toEqual(['kind']);
    expect(json.properties.vehicle).toEqual(
      expect.objectContaining({ $id: 'Vehicle', type: 'object', additionalProperties: false }),
    );
    expect(json.properties.vehicle.properties.vin).toEqual(expect.objectContaining({ type: 'string', format: 'vin' }));
  });
});

describe('a vehicle without its VIN', () => {
  const byPlate = { kind: 'vehicle', vehicle: { plate: '4821 KLM', registrationCountry: 'esp' } };
  const problemsOf = (check: typeof recordBody, body: unknown) => {
    const checked = check.check(body);
    return checked.ok ? [] : checked.problems.map(({ field, rule }) => `${field} ${rule}`);
  };

  it.each([
    ['a record or a reference entry, even with a plate', recordBody, byPlate, ['vehicle.vin isDefined']],
    ['an instant check, with a plate and its country', checkBody, byPlate, []],
    [
      'an instant check, with nothing to name it by',
      checkBody,
      { kind: 'vehicle', vehicle: {} },
      ['vehicle.vin isDefined'],
    ],
    [
      'an instant check, with a plate alone',
      checkBody,
      { kind: 'vehicle', vehicle: { plate: '4821 KLM' } },
      ['vehicle.registrationCountry isISO31661Alpha3'],
    ],
  ])('is refused or taken in %s', (_, check, body, problems) => {
    expect(problemsOf(check, body)).toEqual(problems);
  });
});
