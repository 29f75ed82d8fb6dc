import { keyCountFunctions } from '@crosscheck/persistence';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { MEMBER_KEY_COUNTS } from './1763800000940-key-counts';

/**
 * A key's count stops at 400 members (libs/persistence key-counts.ts,
 * `saturatesAt`), twice ROWS_PER_KEY: the key locks share a key that common
 * among its writers instead of making them take turns, and its count row
 * would be where they queued (persistence/resolution-locks.ts). Counts
 * already past it stay as they are.
 *
 * The number is written here, not imported: a migration that has run must
 * derive the same statements forever. resolution-locks.ts's
 * COMMON_KEY_MEMBERS must equal it (key-counts.int-spec.ts checks).
 */
const SATURATES_AT = 400;

export class KeyCountsSaturate1763800000950 implements MigrationInterface {
  name = 'KeyCountsSaturate1763800000950';

  async up(runner: QueryRunner): Promise<void> {
    const saturating = { ...MEMBER_KEY_COUNTS, saturatesAt: SATURATES_AT };
    for (const statement of keyCountFunctions(saturating, { replace: true })) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of keyCountFunctions(MEMBER_KEY_COUNTS, { replace: true })) await runner.query(statement);
  }
}
