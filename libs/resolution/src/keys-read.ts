/**
 * Which of a probe's blocking keys the candidate stage reads, for dedup and
 * matching alike: the keys at most ROWS_PER_KEY rows carry, rarest first,
 * until KEY_ROWS_PER_PROBE rows are read. A key more rows carry (a coarse name
 * sound alone, in a table of 100,000 people: thousands) gave an arbitrary
 * ROWS_PER_KEY of them in id order, so a twin among them only by chance, and
 * such keys cost most of a lookup in a large table. In a small table every
 * key is rare enough, and all are read. A probe with no key that rare (a lone
 * given name, no birth date) reads its rarest key alone.
 *
 * The repositories compute the same in SQL (`keyRowsReadBeforeSql`,
 * `keyReadSql`), from each key's count of rows kept beside the keys by
 * triggers (libs/persistence key-counts.ts).
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

/** Whether the key is read, given the rows the probe read before it in keysRead's order. */
function isRead(rows: number, readBefore: number): boolean {
  return readBefore < KEY_ROWS_PER_PROBE && (rows <= ROWS_PER_KEY || readBefore === 0);
}

/** The keys a probe reads, of those it has that any row carries (`rows` > 0), rarest first, ties by key. */
export function keysRead<Key extends { key: string; rows: number }>(keys: Key[]): Key[] {
  const sorted = keys
    .filter((key) => key.rows > 0)
    .sort((a, b) => a.rows - b.rows || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const read: Key[] = [];
  let readBefore = 0;
  for (const key of sorted) {
    if (!isRead(key.rows, readBefore)) break;
    read.push(key);
    readBefore += rowsRead(key.rows);
  }
  return read;
}

/**
 * In SQL, over one row per (probe, key) with the key's count as `rows`: the rows the probe reads before this key,
 * in keysRead's order. `probe` partitions the rows by probe; without it they are one probe's.
 */
export function keyRowsReadBeforeSql(key: string, rows: string, probe?: string): string {
  const partition = probe === undefined ? '' : `PARTITION BY ${probe} `;
  return `coalesce(sum(least(${rows}, ${ROWS_PER_KEY})) OVER (${partition}ORDER BY ${rows}, ${key} COLLATE "C"
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)`;
}

/** In SQL, whether a key is read, from its count and keyRowsReadBeforeSql: isRead. */
export function keyReadSql(rows: string, readBefore: string): string {
  return `(${readBefore} < ${KEY_ROWS_PER_PROBE} AND (${rows} <= ${ROWS_PER_KEY} OR ${readBefore} = 0))`;
}
