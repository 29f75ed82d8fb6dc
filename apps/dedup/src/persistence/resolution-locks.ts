/**
 * Makes resolutions that could see each other take turns, whichever instance,
 * partition or batch they run in. Two records can only be candidates of each
 * other through a blocking key they share, so before reading candidates a
 * resolution takes a transaction-scoped advisory lock on each key of its
 * records: of two duplicates of a new person resolved at the same moment, the
 * second waits for the first to commit and then finds its entity, instead of
 * starting a second one.
 *
 * Advisory locks live in Postgres's shared lock table (max_locks_per_transaction
 * × max_connections entries, 6,400 by default), and a batch of 250 persons has
 * about 3,500 keys. So a resolution with more than KEY_LOCKS_AT_MOST keys takes
 * one exclusive lock on the whole of resolution instead, and one with fewer
 * takes that lock shared and then its keys: wide batches take turns with
 * everything, narrow ones only with those sharing a key. Large batches of
 * different people nearly always share some key anyway (a frequent name in a
 * frequent year), so little concurrency is lost.
 *
 * All of a transaction's locks are taken in one statement, the whole-resolution
 * lock first and then the keys in ascending order of their lock ids, before any
 * row lock: every transaction asks in the same order, so the locks cannot
 * deadlock among themselves.
 */
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** Key locks one resolution takes at most; past this it locks all of resolution. */
export const KEY_LOCKS_AT_MOST = 256;

/** The advisory lock id of resolution as a whole (key lock ids are hashes of the key; a collision only makes two wait needlessly). */
const RESOLUTION_LOCK_ID = lockId('crosscheck.dedup.resolution');

export async function lockBlockingKeys(transaction: EntityManager, kindedKeys: Iterable<string>): Promise<void> {
  const ids = [...new Set([...kindedKeys].map(lockId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const wide = ids.length > KEY_LOCKS_AT_MOST;
  const ordered = wide ? [RESOLUTION_LOCK_ID] : [RESOLUTION_LOCK_ID, ...ids.filter((id) => id !== RESOLUTION_LOCK_ID)];
  // unnest yields in array order and count() calls the lock functions row by row in that order.
  await transaction.query(
    `SELECT count(CASE WHEN position = 1 AND NOT $2::boolean THEN pg_advisory_xact_lock_shared(id) ELSE pg_advisory_xact_lock(id) END)
       FROM unnest($1::bigint[]) WITH ORDINALITY AS wanted(id, position)`,
    [ordered.map(String), wide],
  );
}

/** A key's lock: the kind and the key, as the candidate lookup tells them apart. */
export function kindedKey(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}

function lockId(text: string): bigint {
  return createHash('sha256').update(text).digest().readBigInt64BE(0);
}
