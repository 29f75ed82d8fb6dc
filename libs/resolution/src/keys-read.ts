/**
 * Which of a probe's blocking keys the candidate stage reads, for dedup and
 * matching alike. A key is read at most ROWS_PER_KEY rows deep, and a probe
 * reads its keys rarest first until KEY_ROWS_PER_PROBE rows are read: the keys
 * few rows carry (a document number, a name in its birth year, two name parts
 * together) always, and the coarse sounds that thousands of rows share only
 * while the budget lasts, as they do in a small table. Those commoner keys
 * cost most of a lookup in a large table and found a twin there only by
 * chance, among an arbitrary ROWS_PER_KEY of their rows. A probe with only
 * common keys (a lone given name, no birth date) still reads the rarest of
 * them.
 *
 * The repositories compute the same in SQL (`keyRowsReadBeforeSql`), from
 * each key's count of rows kept beside the keys (libs/persistence key-counts.ts).
 */

/** Index rows read per key at most: a very common key cannot make one lookup read thousands. */
export const ROWS_PER_KEY = 200;

/**
 * Index rows a probe reads at most, keys taken rarest first. At 100,000 notices a person's rarer keys (at most
 * ROWS_PER_KEY rows each) carry 824 rows at the median and 1,622 at the 90th percentile, and all its keys 6,500.
 */
export const KEY_ROWS_PER_PROBE = 1000;

/** The rows a lookup reads for a key that `rows` rows carry. */
export function rowsRead(rows: number): number {
  return Math.min(rows, ROWS_PER_KEY);
}

/** The keys a probe reads, of those it has that any row carries (`rows` > 0), rarest first, ties by key. */
export function keysRead<Key extends { key: string; rows: number }>(keys: Key[]): Key[] {
  const sorted = keys
    .filter((key) => key.rows > 0)
    .sort((a, b) => a.rows - b.rows || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const read: Key[] = [];
  let readBefore = 0;
  for (const key of sorted) {
    if (readBefore >= KEY_ROWS_PER_PROBE) break;
    read.push(key);
    readBefore += rowsRead(key.rows);
  }
  return read;
}

/**
 * In SQL, over one row per (probe, key) with the key's count as `rows`: the rows the probe reads before this key,
 * in keysRead's order; the key is read when this is below KEY_ROWS_PER_PROBE.
 */
export function keyRowsReadBeforeSql(probe: string, key: string, rows: string): string {
  return `coalesce(sum(least(${rows}, ${ROWS_PER_KEY})) OVER (PARTITION BY ${probe} ORDER BY ${rows}, ${key} COLLATE "C"
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;
}
