import { keyLockIds } from './resolution-locks';

describe('keyLockIds', () => {
  it('answers each key once, in ascending order, whatever order the keys come in', () => {
    const ids = keyLockIds('person', ['b', 'a', 'c', 'a']);
    expect(ids).toHaveLength(3);
    expect(ids).toEqual([...ids].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)));
    expect(keyLockIds('person', ['c', 'a', 'b'])).toEqual(ids);
  });

  it('tells the same key of two kinds apart, as the candidate lookup does', () => {
    expect(keyLockIds('firearm', ['X123'])).not.toEqual(keyLockIds('vehicle', ['X123']));
  });
});
