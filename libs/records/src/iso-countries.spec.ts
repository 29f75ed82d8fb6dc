import { isISO31661Alpha2, isISO31661Alpha3 } from 'class-validator';
import { ALPHA2_TO_ALPHA3, alpha3Of } from './iso-countries';

describe('alpha3Of', () => {
  it.each([
    ['ru', 'RUS'],
    ['GB', 'GBR'],
    [' de ', 'DEU'],
    ['km', 'COM'],
    ['ps', 'PSE'],
    ['xk', undefined],
    ['su', undefined],
    ['ge-ab', undefined],
    ['', undefined],
  ])('reads %j as %s', (alpha2, alpha3) => {
    expect(alpha3Of(alpha2)).toBe(alpha3);
  });

  it('covers the 249 assigned alpha-2 codes, each with a distinct alpha-3 code intake accepts', () => {
    expect(ALPHA2_TO_ALPHA3.size).toBe(249);
    expect([...ALPHA2_TO_ALPHA3.keys()].filter((code) => !isISO31661Alpha2(code))).toEqual([]);
    const alpha3 = [...ALPHA2_TO_ALPHA3.values()];
    expect(new Set(alpha3).size).toBe(alpha3.length);
    expect(alpha3.filter((code) => !isISO31661Alpha3(code))).toEqual([]);
  });
});
