import { checkDocumentNumber, icaoCheckDigit, normalizeDocumentNumber } from './document-number';

describe('normalizeDocumentNumber', () => {
  it.each([
    ['L898902C3', 'L898902C3'],
    ['l898902c3', 'L898902C3'],
    ['L898-902 C3', 'L898902C3'],
    ['L898902C3<<<', 'L898902C3'],
    [' 12.345.678 ', '12345678'],
    ['AB/123456', 'AB123456'],
    ['№ 75 1234567', '751234567'],
    ['Ｌ８９８９０２Ｃ３', 'L898902C3'],
    ['---', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDocumentNumber(input)).toBe(expected);
  });
});

describe('icaoCheckDigit', () => {
  it.each([
    // Fields of the ICAO 9303 specimens, with the digits printed beside them.
    ['L898902C3', 6],
    ['D23145890', 7],
    ['D23145890734', 9],
    ['740812', 2],
    ['120415', 9],
    ['ZE184226B<<<<<', 1],
    ['L898902C3674081221204159ZE184226B<<<<<1', 0], // the passport's composite
    ['<<<<<<', 0],
    ['', 0],
  ])('%s → %d', (field, digit) => {
    expect(icaoCheckDigit(field)).toBe(digit);
  });

  it('counts the filler < as 0, so padding never changes the digit', () => {
    expect(icaoCheckDigit('AB12345<<')).toBe(icaoCheckDigit('AB12345'));
  });

  it.each([['L898-902'], ['l898902c3'], ['L898 902']])('refuses %j, which holds characters an MRZ cannot', (field) => {
    expect(() => icaoCheckDigit(field)).toThrow(RangeError);
  });
});

describe('checkDocumentNumber', () => {
  it.each([
    ['L898902C3', '6', true, 6],
    ['L898 902 C3', '6', true, 6],
    ['l898-902-c3', '6', true, 6],
    ['L898902C3', '7', false, 6],
    ['L898902C4', '6', false, 7],
    ['D23145890734', '9', true, 9],
    ['D23145890734', '', false, 9],
  ])('%j with check digit %j: ok %s (computed %d)', (number, digit, ok, expected) => {
    const result = checkDocumentNumber(number, digit);
    expect(result.ok).toBe(ok);
    expect(result.expected).toBe(expected);
    expect(result.documentNumber).toBe(normalizeDocumentNumber(number));
  });
});
