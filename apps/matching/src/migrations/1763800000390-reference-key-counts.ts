import { keyCountsDown, keyCountsUp, type KeyCountTable } from '@crosscheck/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many entries of a dataset carry each blocking key
 * (`reference_key_counts`), kept by statement triggers on `reference_keys`
 * whoever writes them: a load, a contribution, a derivation again.
 *
 * The candidate lookup (reference-entries.repository.ts) reads a probe's keys
 * rarest first, up to a budget of rows. Without the counts it read every key,
 * 200 rows of each common one: at 100,000 notices a person's 48 keys read
 * about 7,000 index rows, 6,000 of them from coarse name sounds that thousands
 * of notices share, in entry-id order, so they found a twin only by chance.
 */
export const REFERENCE_KEY_COUNTS: KeyCountTable = {
  keys: 'reference_keys',
  counts: 'reference_key_counts',
  columns: ['dataset', 'key'],
  // A load gathers its changes there and writes each count once (reference-versions.ts).
  deferredIn: 'reference_key_count_changes',
};

export class ReferenceKeyCounts1763800000390 implements MigrationInterface {
  name = 'ReferenceKeyCounts1763800000390';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of keyCountsUp(REFERENCE_KEY_COUNTS)) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of keyCountsDown(REFERENCE_KEY_COUNTS)) await runner.query(statement);
  }
}
