import { checkVin, normalizeVin, vinOcrVariants } from './vin';

describe('normalizeVin', () => {
  it.each([
    ['1m8gdm9axkp042788', '1M8GDM9AXKP042788'],
    ['1M8-GDM9-AXKP-042788', '1M8GDM9AXKP042788'],
    ['1M8.GDM9.AXKP.042788', '1M8GDM9AXKP042788'],
    ['  WVW ZZZ 1JZ XW 000001 ', 'WVWZZZ1JZXW000001'],
    ['WVW\u2013ZZZ1JZXW000001', 'WVWZZZ1JZXW000001'],
    ['ＷＶＷＺＺＺ１ＪＺＸＷ０００００１', 'WVWZZZ1JZXW000001'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeVin(input)).toBe(expected);
  });
});

describe('checkVin', () => {
  it.each([
    // North American VINs (WMI 1-5) must carry the check digit.
    ['the classic valid example', '1M8GDM9AXKP042788', true, [], 'ok'],
    ['a Honda Accord built in the US', '1HGCM82633A004352', true, [], 'ok'],
    ['a Canadian Toyota', '2T1BR32E34C123456', true, [], 'ok'],
    ['a Tesla', '5YJSA1E18HF000337', true, [], 'ok'],
    ['all ones, which happens to check', '11111111111111111', true, [], 'ok'],
    ['a North American VIN with a wrong check digit', '1M8GDM9A1KP042788', true, [], 'mismatch'],
    ['a Canadian VIN with a wrong check digit', '2T1BR32E54C123456', true, [], 'mismatch'],
    // Elsewhere position 9 is free: no verdict unless it happens to agree.
    ['a German VW with Z at position 9', 'WVWZZZ1JZXW000001', true, [], 'not-applicable'],
    ['a German BMW whose position 9 does not check', 'WBA3A5C50CF256985', true, [], 'not-applicable'],
    ['a German BMW whose position 9 checks', 'WBA3A5C53CF256985', true, [], 'ok'],
    ['a French Renault', 'VF1RFB00X56789012', true, [], 'not-applicable'],
    ['a Japanese Acura', 'JH4DA9350LS000001', true, [], 'not-applicable'],
    // Malformed: invalid, and no check digit verdict.
    ['one character short', 'WVWZZZ1JZXW00000', false, ['must be 17 characters'], 'not-applicable'],
    ['one character too many', '1M8GDM9AXKP0427889', false, ['must be 17 characters'], 'not-applicable'],
    ['empty', '', false, ['must be 17 characters'], 'not-applicable'],
    ['an O read for a zero', '1M8GDM9AXKPO42788', false, ['must not contain I, O or Q'], 'not-applicable'],
    ['an I read for a one', 'IM8GDM9AXKP042788', false, ['must not contain I, O or Q'], 'not-applicable'],
    ['a Q', '1M8GDM9AXKP04278Q', false, ['must not contain I, O or Q'], 'not-applicable'],
    ['a stray symbol', '1M8GDM9AXKP04278*', false, ['must contain only letters A-Z and digits'], 'not-applicable'],
    [
      'short and with an O',
      'WVWZZZ1JZXWO0001',
      false,
      ['must be 17 characters', 'must not contain I, O or Q'],
      'not-applicable',
    ],
  ])('%s: %s', (_, vin, valid, problems, checkDigit) => {
    expect(checkVin(vin)).toEqual({ normalized: vin, valid, problems, checkDigit });
  });

  it.each([
    ['1m8-gdm9-axkp-042788', '1M8GDM9AXKP042788'],
    ['WVW ZZZ 1JZ XW 000001', 'WVWZZZ1JZXW000001'],
    ['1HG.CM826.33A004352', '1HGCM82633A004352'],
  ])('accepts %j written with separators', (input, normalized) => {
    const result = checkVin(input);
    expect(result.normalized).toBe(normalized);
    expect(result.valid).toBe(true);
  });
});

describe('vinOcrVariants', () => {
  it.each([
    ['8 misread as B', '1MBGDM9AXKP042788', '1M8GDM9AXKP042788'],
    ['0 misread as O', '1M8GDM9AXKPO42788', '1M8GDM9AXKP042788'],
    ['1 misread as I and 0 as Q', 'IM8GDM9AXKPQ42788', '1M8GDM9AXKP042788'],
    ['two confusions at once: 8 as B and 2 as Z', '1MBGDM9AXKP04Z788', '1M8GDM9AXKP042788'],
    ['every zero written as O', 'WVWZZZ1JZXWOOOOO1', 'WVWZZZ1JZXW000001'],
    ['5 as S and two zeros as O', '1HGCM82633AOO43S2', '1HGCM82633A004352'],
  ])('finds the true VIN from a reading with %s', (_, reading, vin) => {
    expect(vinOcrVariants(reading)).toContain(vin);
  });

  it('reads I, O and Q as the digits they resemble first, since no VIN holds them', () => {
    expect(vinOcrVariants('1M8GDM9AXKPO42788')[0]).toBe('1M8GDM9AXKP042788');
    expect(vinOcrVariants('1M8GDM9AXKPO42788', 0)).toEqual(['1M8GDM9AXKP042788']);
  });

  it('offers each single and double confusion once, without the reading itself', () => {
    // Confusable positions: 8 (index 2), 2 (13), 8 (15), 8 (16).
    const single = vinOcrVariants('1M8GDM9AXKP042788', 1);
    expect(single).toEqual(['1M8GDM9AXKP04278B', '1M8GDM9AXKP0427B8', '1M8GDM9AXKP04Z788', '1MBGDM9AXKP042788']);
    const double = vinOcrVariants('1M8GDM9AXKP042788');
    expect(double).toHaveLength(4 + 6);
    expect(double.slice(0, 4)).toEqual(single);
    expect(new Set(double).size).toBe(double.length);
    expect(double).not.toContain('1M8GDM9AXKP042788');
  });

  it('gives only well-formed VINs', () => {
    for (const vin of vinOcrVariants('SB2OIQ58ZSB2OIQ58')) expect(checkVin(vin).valid).toBe(true);
  });

  it('stays bounded when every position is confusable', () => {
    expect(vinOcrVariants('SSSSSSSSSSSSSSSSS')).toHaveLength(17 + 136);
  });

  it('narrows to the variants whose North American check digit agrees', () => {
    const checked = vinOcrVariants('1MBGDM9AXKP04Z788').filter((vin) => checkVin(vin).checkDigit === 'ok');
    expect(checked).toContain('1M8GDM9AXKP042788');
    expect(checked.length).toBeLessThan(5);
  });

  it.each([[''], ['1M8GDM9AXKP04278'], ['1M8GDM9AXKP0427889'], ['1m8gdm9axkp042788']])(
    'gives nothing for %j, which is not a 17-character normalised reading',
    (reading) => {
      expect(vinOcrVariants(reading)).toEqual([]);
    },
  );
});
