import { ALPHA2_TO_ALPHA3, alpha3Of, isAlpha3Country } from './iso-countries';

/** ICU's region names: a code it cannot name is not an assigned one. */
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

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
    expect(
      [...ALPHA2_TO_ALPHA3.keys()].filter((code) => !/^[A-Z]{2}$/.test(code) || regions.of(code) === undefined),
    ).toEqual([]);
    const alpha3 = [...ALPHA2_TO_ALPHA3.values()];
    expect(new Set(alpha3).size).toBe(alpha3.length);
    expect(alpha3.filter((code) => !isAlpha3Country(code))).toEqual([]);
  });
});
