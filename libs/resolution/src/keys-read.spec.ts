import { KEY_ROWS_PER_PROBE, keysRead, ROWS_PER_KEY, rowsRead } from './keys-read';

const keys = (...rows: number[]) =>
  rows.map((count, index) => ({ key: `k${String(index).padStart(3, '0')}`, rows: count }));
const readRows = (...rows: number[]) => keysRead(keys(...rows)).map((key) => key.rows);

describe('the keys a probe reads', () => {
  it.each<[string, number[], number[]]>([
    ['all of them while few rows carry them', [3, 1, 40, 7], [1, 3, 7, 40]],
    ['none that no row carries', [0, 2, 0], [2]],
    ['rarest first, none that more than ROWS_PER_KEY rows carry', [150, 2, 900, 5000, 120], [2, 120, 150]],
    [
      'the commoner left out once the budget is spent',
      [190, 190, 190, 190, 190, 190, 195, 3000],
      [190, 190, 190, 190, 190, 190],
    ],
    ['the rarest alone when every key is common', [5000, 3000, 4000, 9000], [3000]],
  ])('%s', (_case, rows, read) => {
    expect(readRows(...rows)).toEqual(read);
  });

  it('reads a key at most ROWS_PER_KEY rows deep, and no key once KEY_ROWS_PER_PROBE rows are read', () => {
    expect(rowsRead(ROWS_PER_KEY * 10)).toBe(ROWS_PER_KEY);
    expect(rowsRead(7)).toBe(7);
    const read = keysRead(keys(...Array.from({ length: 50 }, () => ROWS_PER_KEY - 50)));
    expect(read).toHaveLength(Math.ceil(KEY_ROWS_PER_PROBE / (ROWS_PER_KEY - 50)));
  });

  it('breaks ties between keys as common by key, as the SQL does', () => {
    const read = keysRead([
      { key: 'pc:b', rows: 9 },
      { key: 'pc:a', rows: 9 },
    ]);
    expect(read.map((key) => key.key)).toEqual(['pc:a', 'pc:b']);
  });
});
