import { keyCountsDown, keyCountsUp, type KeyCountTable } from '@crosscheck/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many members carry each blocking key (`key_counts`), kept by statement
 * triggers on `member_keys`, so whichever statement writes keys (a batch, a
 * record resolved alone, a derivation again, a seed's COPY) keeps it true.
 *
 * The candidate lookup reads at most ROWS_PER_KEY rows of a key
 * (entities.repository.ts). A key more members carry than that (a coarse
 * name sound alone, in a store of 200,000 people: thousands) gave an
 * arbitrary 200 of them, in record-id order: a duplicate among them by
 * chance, at the cost of reading them for every record. Knowing the count,
 * the lookup leaves such keys out, and weighs the others by their true count.
 * Writers of a key hold its advisory lock anyway (resolution-locks.ts).
 */
const MEMBER_KEY_COUNTS: KeyCountTable = { keys: 'member_keys', counts: 'key_counts', columns: ['key'] };

export class KeyCounts1763800000940 implements MigrationInterface {
  name = 'KeyCounts1763800000940';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of keyCountsUp(MEMBER_KEY_COUNTS)) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of keyCountsDown(MEMBER_KEY_COUNTS)) await runner.query(statement);
  }
}
