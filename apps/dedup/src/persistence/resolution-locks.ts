/**
 * Makes resolutions that could see each other take turns, whichever instance
 * or partition they run on. Two records can only be candidates of each other
 * through a blocking key they share, so before reading candidates a resolution
 * takes a transaction-scoped advisory lock on each of its record's keys: of two
 * duplicates of a new person resolved at the same moment, the second waits for
 * the first to commit and then finds its entity, instead of starting another.
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
import { EntityManager } from 'typeorm';

/** The blocking keys of a record of some kind: the candidate lookup tells the same key of two kinds apart, and so do the locks. */
export interface KindedKeys {
  kind: string;
  keys: Iterable<string>;
}

/** Locks the blocking keys of one record, or of every record of a batch, for the rest of the transaction. */
export async function lockBlockingKeys(transaction: EntityManager, records: Iterable<KindedKeys>): Promise<void> {
  const ids = keyLockIds(records);
  if (ids.length === 0) return;
  // unnest yields in array order, and the lock function is called row by row in that order.
  await transaction.query('SELECT pg_advisory_xact_lock(id) FROM unnest($1::bigint[]) AS wanted(id)', [ids]);
}

/** The lock ids of the records' keys, distinct and ascending (as decimal strings, for a bigint[] parameter). */
export function keyLockIds(records: Iterable<KindedKeys>): string[] {
  const ids = new Set<bigint>();
  for (const { kind, keys } of records) for (const key of keys) ids.add(lockId(`${kind}\u0000${key}`));
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

/** 64 bits of the key's hash: a collision only makes two resolutions wait for each other needlessly. */
function lockId(text: string): bigint {
  return createHash('sha256').update(text).digest().readBigInt64BE(0);
}
