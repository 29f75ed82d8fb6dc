import { create } from '@bufbuild/protobuf';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { recordBody, recordBodyOf, RecordBodySchema } from './index';

const vehicle = { kind: 'vehicle', vehicle: { vin: '1M8GDM9AXKP042788' } };
const person = { kind: 'person', person: { names: [{ given: 'Ivan', family: 'Petrov' }] } };

describe('the record body schema', () => {
  it.each([
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

  it('is JSON Schema, every body a named object that refuses unknown fields', () => {
    const json = JSON.parse(JSON.stringify(RecordBodySchema));
    expect(json.required).toEqual(['kind']);
    expect(json.properties.vehicle).toEqual(
      expect.objectContaining({ $id: 'Vehicle', type: 'object', additionalProperties: false }),
    );
    expect(json.properties.vehicle.properties.vin).toEqual(expect.objectContaining({ type: 'string', format: 'vin' }));
  });
});
