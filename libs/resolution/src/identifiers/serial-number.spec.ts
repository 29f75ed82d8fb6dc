import { normalizeSerialNumber } from './serial-number';

describe('normalizeSerialNumber', () => {
  it.each([
    ['AB-123.456', 'AB123456'],
    ['ab 123 456', 'AB123456'],
    ['AB/123/456', 'AB123456'],
    ['  gx 12–345 ', 'GX12345'],
    ['Ｇ１２３４５', 'G12345'],
    ['SN#1234', 'SN#1234'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSerialNumber(input)).toBe(expected);
  });

  it('makes the same serial written three ways one key', () => {
    const keys = ['1234-ABC', '1234 abc', '1234/ABC'].map(normalizeSerialNumber);
    expect(new Set(keys).size).toBe(1);
  });
});
