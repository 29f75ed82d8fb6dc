/**
 * Makes resolutions that could see each other take turns, whichever instance
 * or partition they run on. Two records can only be candidates of each other
 * through a blocking key they share, so before reading candidates a resolution
 * takes a transaction-scoped advisory lock on each of its record's keys: of two
 * duplicates of a new person resolved at the same moment, the second waits for
 * the first to commit and then finds its entity, instead of starting another.
 *
 * A key is locked exclusively where some lookup may read it, and shared where
 * none reads it, so that a reader waits for every writer of what it reads,
 * and two writers of a key nobody reads do not wait for each other. A lookup
 * reads a key at most ROWS_PER_KEY members carry, or the rarest key of a
 * record with none that rare (libs/resolution keys-read.ts). So a key fewer
 * than COMMON_KEY_MEMBERS carry is locked exclusively, and so is every key of
 * a record that has no key ROWS_PER_KEY or fewer carry (whichever is its
 * rarest when it reads); the rest are shared. The margin over ROWS_PER_KEY
 * covers counts growing between the lock and the read. Counts stop
 * at COMMON_KEY_MEMBERS (migration 1763800000950): a shared key's count row is
 * never written, so its writers do not queue there instead; and a count that
 * has reached it never falls back, so a key once shared stays shared. Before
 * this, every batch locked the coarse sound keys every other batch has
 * ("-ov", "Ivan" alone) exclusively, and all resolutions took turns:
 * docs/scaling.md has the measurement.
 *
 * A transaction takes all its key locks in one statement, in ascending order
 * of their lock ids, before any row lock, and holds them to its end: every
 * transaction asks in the same order, so the key locks cannot deadlock among
 * themselves. A person has about 14 keys, a batch of 32 persons about 450;
 * the shared lock table holds max_locks_per_transaction (64) ×
 * max_connections of them (6,400 by default), for every transaction at once.
 * The candidate statement runs under the locks, so it must stay fast:
 * member-statistics.ts keeps its plan right on a fresh database.
 */
import { createHash } from 'node:crypto';
import { ROWS_PER_KEY } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { named } from './entities.repository';

/** Members carrying a key from which on no lookup reads it unless a record has no rarer key; counts stop here. */
export const COMMON_KEY_MEMBERS = 2 * ROWS_PER_KEY;

/** The blocking keys of a record of some kind: the candidate lookup tells the same key of two kinds apart, and so do the locks. */
export interface KindedKeys {
  kind: string;
  keys: Iterable<string>;
  /** Keys no member carries (a record's network references): locked exclusively, without asking their counts. */
  uncounted?: true;
}

/** One advisory lock: its id (a decimal string, for a bigint[] parameter) and whether it excludes sharers. */
export interface KeyLock {
  id: string;
  exclusive: boolean;
}

/** Locks the blocking keys of one record, or of every record of a batch, for the rest of the transaction. */
export async function lockBlockingKeys(transaction: EntityManager, records: Iterable<KindedKeys>): Promise<void> {
  const asked = [...records].map((record) => ({ ...record, keys: [...record.keys] }));
  if (!asked.some((record) => record.keys.length > 0)) return;
  const counted = [...new Set(asked.flatMap((record) => (record.uncounted ? [] : record.keys)))];
  const rows: { key: string; rows: number }[] = counted.length
    ? await transaction.query(
        named('key-lock-counts', 'SELECT key, rows FROM key_counts WHERE key = ANY($1::text[])'),
        [counted],
      )
    : [];
  const locks = keyLocks(asked, new Map(rows.map((row) => [row.key, row.rows])));
  // unnest yields in array order, and the lock functions are called row by row in that order.
  await transaction.query(
    `SELECT CASE WHEN wanted.exclusive THEN pg_advisory_xact_lock(wanted.id) ELSE pg_advisory_xact_lock_shared(wanted.id) END
       FROM unnest($1::bigint[], $2::boolean[]) AS wanted(id, exclusive)`,
    [locks.map((lock) => lock.id), locks.map((lock) => lock.exclusive)],
  );
}

/**
 * The locks of the records' keys, distinct and ascending: exclusive where some lookup may read the key (the header
 * says which), shared elsewhere; a key exclusive for one record is exclusive. `counts`: members carrying each key,
 * as key_counts has them (a key missing is carried by none).
 */
export function keyLocks(records: Iterable<KindedKeys>, counts: ReadonlyMap<string, number>): KeyLock[] {
  const exclusive = new Map<bigint, boolean>();
  for (const { kind, keys, uncounted } of records) {
    const own = [...keys];
    const count = (key: string) => (uncounted ? 0 : (counts.get(key) ?? 0));
    const readsItsRarestAlone = !own.some((key) => count(key) <= ROWS_PER_KEY);
    for (const key of own) {
      const id = lockId(`${kind}\u0000${key}`);
      exclusive.set(id, exclusive.get(id) === true || readsItsRarestAlone || count(key) < COMMON_KEY_MEMBERS);
    }
  }
  return [...exclusive]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, isExclusive]) => ({ id: String(id), exclusive: isExclusive }));
}

/** 64 bits of the key's hash: a collision only makes two resolutions wait for each other needlessly. */
function lockId(text: string): bigint {
  return createHash('sha256').update(text).digest().readBigInt64BE(0);
}
