import { keyLockIds } from './resolution-locks';

describe('keyLockIds', () => {
  it('answers each key once, in ascending order, whatever records and order the keys come in', () => {
    const ids = keyLockIds([{ kind: 'person', keys: ['b', 'a', 'c', 'a'] }]);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)));
    expect(
      keyLockIds([
        { kind: 'person', keys: ['c'] },
        { kind: 'person', keys: ['a', 'b'] },
      ]),
    ).toEqual(ids);
  });

  it('tells the same key of two kinds apart, as the candidate lookup does', () => {
    expect(keyLockIds([{ kind: 'firearm', keys: ['X123'] }])).not.toEqual(
      keyLockIds([{ kind: 'vehicle', keys: ['X123'] }]),
    );
  });
});
