import { compareBirthDates, formatPartialDate, PartialDate, partialDateOf } from './dates';

const date = (year: number, month = 0, day = 0): PartialDate => ({ year, month, day });

describe('compareBirthDates', () => {
  it.each([
    ['the same full date', date(1971, 3, 14), date(1971, 3, 14), 1, 0.45, 'same date'],
    ['day and month swapped', date(1971, 3, 4), date(1971, 4, 3), 0.85, 0.45, 'day and month swapped'],
    ['year off by one, day and month the same', date(1970, 3, 14), date(1971, 3, 14), 0.85, 0.45, 'year off by one'],
    [
      'year off by one, same month, a day unknown',
      date(1970, 3),
      date(1971, 3, 14),
      0.6,
      0.3,
      'year off by one, same month',
    ],
    ['the year only, agreeing with a full date', date(1971), date(1971, 3, 14), 0.9, 0.15, 'month unknown on one side'],
    ['the year only on both sides', date(1971), date(1971), 1, 0.15, 'only the year known'],
    [
      'year and month, agreeing with a full date',
      date(1971, 3),
      date(1971, 3, 14),
      0.95,
      0.25,
      'day unknown on one side',
    ],
    ['same year and month, another day', date(1971, 3, 14), date(1971, 3, 20), 0.2, 0.5, 'another day'],
    ['same year and day, another month', date(1971, 3, 14), date(1971, 5, 14), 0.2, 0.5, 'another month'],
    ['same year, another month and day', date(1971, 3, 14), date(1971, 5, 20), 0.05, 0.5, 'another month and day'],
    [
      'full dates one year apart otherwise different',
      date(1970, 3, 14),
      date(1971, 8, 2),
      0.1,
      0.45,
      'years one apart',
    ],
    ['partial dates one year apart', date(1970), date(1971), 0.3, 0.3, 'years one apart'],
    ['full dates years apart', date(1960, 3, 14), date(1971, 3, 14), 0, 0.6, 'born years apart'],
    ['partial dates years apart', date(1960), date(1971, 3, 14), 0, 0.45, 'born years apart'],
  ])('%s: score %p, weight %p', (_, a, b, score, weight, detail) => {
    expect(compareBirthDates(a, b)).toEqual({ score, weight, detail: expect.stringContaining(detail) });
    expect(compareBirthDates(b, a)).toEqual({ score, weight, detail: expect.any(String) });
  });

  it('gives no evidence when a side has no date', () => {
    expect(compareBirthDates(undefined, date(1971))).toBeUndefined();
    expect(compareBirthDates(date(0), date(1971))).toBeUndefined();
  });

  it('weighs two conflicting full dates more than any agreement short of the same full date', () => {
    const conflict = compareBirthDates(date(1960, 3, 14), date(1971, 3, 14))!;
    const yearOnly = compareBirthDates(date(1971), date(1971, 3, 14))!;
    expect(conflict.weight).toBeGreaterThan(yearOnly.weight);
  });
});

describe('partialDateOf', () => {
  it.each([
    [{ year: 1971, month: 3, day: 14 }, date(1971, 3, 14)],
    [{ year: 1971, month: 3, day: 0 }, date(1971, 3)],
    [{ year: 1971, month: 0, day: 14 }, date(1971)],
    [{ year: 1971, month: 13, day: 1 }, date(1971)],
    [{ year: 1971, month: 2, day: 32 }, date(1971, 2)],
  ])('%j → %j', (input, expected) => {
    expect(partialDateOf(input)).toEqual(expected);
  });

  it('is undefined without a year', () => {
    expect(partialDateOf({ year: 0, month: 3, day: 14 })).toBeUndefined();
    expect(partialDateOf(undefined)).toBeUndefined();
  });
});

describe('formatPartialDate', () => {
  it.each([
    [date(1971, 3, 4), '1971-03-04'],
    [date(1971, 3), '1971-03'],
    [date(1971), '1971'],
  ])('%j → %s', (input, expected) => {
    expect(formatPartialDate(input)).toBe(expected);
  });
});
