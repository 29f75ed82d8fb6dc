import { recordFactsOf, RecordFacts, scoreRecords } from './records';

const person = {
  names: [{ full: 'Ivan Petrov', given: '', family: '', original: '' }],
  dateOfBirth: { year: 1971, month: 3, day: 14 },
};
const vehicle = { vin: 'WVWZZZ1JZXW000001', make: 'Volkswagen' };

describe('recordFactsOf', () => {
  it('tags the facts with their kind', () => {
    expect(recordFactsOf('person', person)).toMatchObject({ kind: 'person', names: ['Ivan Petrov'] });
    expect(recordFactsOf('travel_document', { document: { number: 'L898902C3' } })).toMatchObject({
      kind: 'travel_document',
      document: { number: 'L898902C3' },
    });
    expect(recordFactsOf('vehicle', vehicle)).toMatchObject({ kind: 'vehicle', vin: 'WVWZZZ1JZXW000001' });
    expect(recordFactsOf('firearm', { serialNumber: 'AB-1' })).toMatchObject({ kind: 'firearm', serial: 'AB1' });
    expect(recordFactsOf('artwork', { title: 'Sunflowers' })).toMatchObject({
      kind: 'artwork',
      title: { written: 'Sunflowers' },
    });
  });

  it('takes a SharedRecord body as it is, travelDocument case included', () => {
    expect(recordFactsOf({ case: 'person', value: person })).toEqual(recordFactsOf('person', person));
    expect(recordFactsOf({ case: 'travelDocument', value: { document: { number: 'L898902C3' } } }).kind).toBe(
      'travel_document',
    );
  });

  it('refuses a kind it does not know', () => {
    expect(() => recordFactsOf('ship' as never, {} as never)).toThrow('unknown record kind "ship"');
  });
});

describe('scoreRecords', () => {
  it('scores two records of one kind with that kind’s scorer', () => {
    const a = recordFactsOf('person', person);
    const b = recordFactsOf('person', {
      ...person,
      names: [{ full: 'Petrov Ivan', given: '', family: '', original: '' }],
    });
    expect(scoreRecords(a, b)?.score).toBe(1);
    expect(
      scoreRecords(
        recordFactsOf('vehicle', vehicle),
        recordFactsOf('vehicle', { ...vehicle, vin: 'wvw-zzz1jzxw000001' }),
      )?.score,
    ).toBe(1);
  });

  it('never scores records of different kinds', () => {
    expect(scoreRecords(recordFactsOf('person', person), recordFactsOf('vehicle', vehicle))).toBeUndefined();
  });

  it('scores facts that went through JSON the same as fresh ones', () => {
    const a = recordFactsOf('person', person);
    const stored = JSON.parse(JSON.stringify(a)) as RecordFacts;
    expect(scoreRecords(stored, a)).toEqual(scoreRecords(a, a));
  });
});
