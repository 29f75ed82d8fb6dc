import { compareBirthDates, nameParts, personBlockingKey, scorePersons } from './index';

describe('nameParts', () => {
  it.each([
    ['José  MARTÍNEZ-López', ['jose', 'martinez', 'lopez']],
    ['Dr. Anna Müller', ['anna', 'muller']],
    ['ＡＢＥ Ｓhinzo', ['abe', 'shinzo']],
    ['Straße', ['strasse']],
    ['  ', []],
  ])('%s → %j', (input, expected) => {
    expect(nameParts(input)).toEqual(expected);
  });
});

describe('compareBirthDates', () => {
  it.each([
    [{ year: 1971, month: 3, day: 14 }, { year: 1971, month: 3, day: 14 }, 1],
    [{ year: 1971, month: 3, day: 14 }, { year: 1971, month: 5, day: 20 }, 0.2],
    [{ year: 1971, month: 3, day: 4 }, { year: 1971, month: 4, day: 3 }, 0.7],
    [{ year: 1971, month: 0, day: 0 }, { year: 1971, month: 3, day: 14 }, 0.8],
    [{ year: 1970, month: 3, day: 14 }, { year: 1971, month: 3, day: 14 }, 0.3],
    [{ year: 1960, month: 3, day: 14 }, { year: 1971, month: 3, day: 14 }, 0],
  ])('%j vs %j scores %d', (a, b, score) => {
    expect(compareBirthDates(a, b)?.score).toBe(score);
  });

  it('gives no evidence when a side has no date', () => {
    expect(compareBirthDates(undefined, { year: 1971, month: 0, day: 0 })).toBeUndefined();
  });
});

describe('scorePersons', () => {
  it('matches the same person written in another order and case', () => {
    const result = scorePersons(
      { names: ['Ivan PETROV'], dateOfBirth: { year: 1971, month: 3, day: 14 } },
      { names: ['petrov ivan'], dateOfBirth: { year: 1971, month: 3, day: 14 } },
    );
    expect(result.score).toBe(1);
    expect(result.features.map((f) => f.feature)).toEqual(['name', 'date_of_birth']);
  });

  it('keeps apart a namesake born in another decade', () => {
    const result = scorePersons(
      { names: ['Ivan Petrov'], dateOfBirth: { year: 1971, month: 3, day: 14 } },
      { names: ['Ivan Petrov'], dateOfBirth: { year: 1990, month: 1, day: 2 } },
    );
    expect(result.score).toBeLessThan(0.75);
  });

  it('gives the same blocking key with or without the name in its original script', () => {
    expect(personBlockingKey({ names: ['Ivan Petrov', 'Иван Петров'], dateOfBirth: { year: 1971, month: 3, day: 14 } })).toBe(
      personBlockingKey({ names: ['Petrov Ivan'], dateOfBirth: { year: 1971, month: 0, day: 0 } }),
    );
  });

  it('gives the same blocking key whatever the order and accents', () => {
    expect(personBlockingKey({ names: ['José Martínez'], dateOfBirth: { year: 1980, month: 0, day: 0 } })).toBe(
      personBlockingKey({ names: ['MARTINEZ, Jose'], dateOfBirth: { year: 1980, month: 5, day: 1 } }),
    );
  });
});
