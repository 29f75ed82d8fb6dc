/**
 * Ids of synthetic rows seeded straight into the services' tables: the same `kind` and number give
 * the same id in every service's tables (record 7's id in intake is record 7's id in dedup), shaped
 * as a version-4 uuid, as the services refuse ids that are not.
 */
import { createHash } from 'node:crypto';

export function syntheticId(kind: string, n: number): string {
  const h = createHash('md5').update(`${kind}-${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `from`+1 … `to` in chunks of at most `size` numbers, so that a million rows go in as a few dozen statements. */
export function* numberChunks(from: number, to: number, size = 50_000): Generator<number[]> {
  for (let first = from + 1; first <= to; first += size)
    yield Array.from({ length: Math.min(size, to - first + 1) }, (_, k) => first + k);
}
