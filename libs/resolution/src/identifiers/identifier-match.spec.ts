import { compareIdentifiers, foldOcrConfusions } from './identifier-match';

describe('foldOcrConfusions', () => {
  it.each([
    ['L898902C3', 'L898902C3'],
    ['AB0123', 'A80123'],
    ['A8O123', 'A80123'],
    ['SIZGQD', '512600'],
  ])('%s → %s', (input, expected) => {
    expect(foldOcrConfusions(input)).toBe(expected);
  });

  it('gives every OCR misreading of a number the same folded form', () => {
    expect(new Set(['AB012345', 'A8O12345', 'AB0I2345', 'A8OI2345'].map(foldOcrConfusions)).size).toBe(1);
  });
});

describe('compareIdentifiers', () => {
  const compare = (a: string, b: string) => compareIdentifiers(a, foldOcrConfusions(a), b, foldOcrConfusions(b));
  it.each([
    ['AB012345', 'AB012345', 'same'],
    ['AB012345', 'A8O12345', 'ocr-variant'],
    ['AB012345', 'AB012346', 'one-edit'],
    ['AB012345', 'AB013245', 'one-edit'],
    ['AB012345', 'AB0123456', 'one-edit'],
    ['AB012345', 'AB019999', 'different'],
    ['A123', 'A124', 'different'],
    ['', '', 'different'],
  ])('%s vs %s: %s', (a, b, expected) => {
    expect(compare(a, b)).toBe(expected);
  });
});
