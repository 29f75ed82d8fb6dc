import { ROWS_PER_KEY } from '@crosscheck/resolution';
import { COMMON_KEY_MEMBERS, keyLocks } from './resolution-locks';

const COMMON = COMMON_KEY_MEMBERS;
const counts = new Map([
  ['pn:PTRF:1971', 3],
  ['pf:BTB', COMMON - 1],
  ['pt:LuB', COMMON],
  ['pc:AFN', COMMON * 10],
]);

/** Each key's mode, by key, for records given as their keys (persons). */
function modes(...records: string[][]): Record<string, 'exclusive' | 'shared'> {
  const locks = keyLocks(
    records.map((keys) => ({ kind: 'person', keys })),
    counts,
  );
  const byId = new Map(locks.map((lock) => [lock.id, lock.exclusive ? 'exclusive' : 'shared'] as const));
  const out: Record<string, 'exclusive' | 'shared'> = {};
  for (const key of new Set(records.flat())) {
    const [lock] = keyLocks([{ kind: 'person', keys: [key] }], new Map());
    out[key] = byId.get(lock.id)!;
  }
  return out;
}

describe('keyLocks', () => {
  it('answers each key once, in ascending order, whatever records and order the keys come in', () => {
    const ids = keyLocks([{ kind: 'person', keys: ['b', 'a', 'c', 'a'] }], new Map()).map((lock) => lock.id);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)));
    expect(
      keyLocks(
        [
          { kind: 'person', keys: ['c'] },
          { kind: 'person', keys: ['a', 'b'] },
        ],
        new Map(),
      ).map((lock) => lock.id),
    ).toEqual(ids);
  });

  it('tells the same key of two kinds apart, as the candidate lookup does', () => {
    expect(keyLocks([{ kind: 'firearm', keys: ['X123'] }], new Map())).not.toEqual(
      keyLocks([{ kind: 'vehicle', keys: ['X123'] }], new Map()),
    );
  });

  it("locks a record's network references exclusively: no member carries them, whatever a count says", () => {
    const reference = 'FRA\u0000CASE-1';
    const [lock] = keyLocks(
      [{ kind: 'network-reference', keys: [reference], uncounted: true }],
      new Map([[reference, COMMON * 10]]),
    );
    expect(lock.exclusive).toBe(true);
  });

  it.each<[string, string[][], Record<string, 'exclusive' | 'shared'>]>([
    [
      'a key some lookup may read is exclusive, one no lookup reads is shared',
      [['pn:PTRF:1971', 'pf:BTB', 'pt:LuB', 'pc:AFN']],
      { 'pn:PTRF:1971': 'exclusive', 'pf:BTB': 'exclusive', 'pt:LuB': 'shared', 'pc:AFN': 'shared' },
    ],
    [
      'a key no member carries yet is exclusive',
      [['pn:NEW:1990', 'pc:AFN']],
      { 'pn:NEW:1990': 'exclusive', 'pc:AFN': 'shared' },
    ],
    [
      `a record with no key ${ROWS_PER_KEY} or fewer members carry reads its rarest alone: all its keys are exclusive`,
      [['pf:BTB', 'pc:AFN']],
      { 'pf:BTB': 'exclusive', 'pc:AFN': 'exclusive' },
    ],
    [
      'a key exclusive for one record of a batch is exclusive for the batch',
      [['pn:PTRF:1971', 'pc:AFN'], ['pc:AFN']],
      { 'pn:PTRF:1971': 'exclusive', 'pc:AFN': 'exclusive' },
    ],
  ])('%s', (_, records, expected) => {
    expect(modes(...records)).toEqual(expected);
  });
});
