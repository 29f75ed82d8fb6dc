/**
 * The member tables analysed by dedup itself as they grow, against a real
 * Postgres with dedup's own migrations: not for a few hundred members, then
 * once MIN_GROWTH have been written since the last ANALYZE (here, never), by
 * any instance.
 */
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { CreateEntities1763800000200 } from '../migrations/1763800000200-create-entities';
import { ResolveAllKinds1763800000210 } from '../migrations/1763800000210-resolve-all-kinds';
import { Network1763800000230 } from '../migrations/1763800000230-network';
import { MemberStatistics, MIN_GROWTH } from './member-statistics';

jest.setTimeout(60_000);

const database = scratchDatabase('member-statistics', {
  schema: 'dedup',
  migrations: [CreateEntities1763800000200, ResolveAllKinds1763800000210, Network1763800000230],
});

/** `count` entities of one member each, with a blocking key per member, as resolving would write them; Postgres counts them at once. */
async function writeMembers(count: number): Promise<void> {
  const runner = database.dataSource.createQueryRunner();
  try {
    await runner.query(
      `WITH created AS (
         INSERT INTO entities (entity_id, kind) SELECT gen_random_uuid(), 'person' FROM generate_series(1, $1) RETURNING entity_id
       ), members AS (
         INSERT INTO entity_members (record_id, entity_id, owner, record_version, facts)
         SELECT gen_random_uuid(), entity_id, 'FRA', 1, '{}' FROM created RETURNING record_id
       )
       INSERT INTO member_keys (key, record_id) SELECT 'key-' || record_id, record_id FROM members`,
      [count],
    );
    await runner.query('SELECT pg_stat_force_next_flush()');
  } finally {
    await runner.release();
  }
  // Past MemberStatistics' one look a second, and Postgres' flush of the counts.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
}

/** Manual ANALYZEs of a table (entity_members unless said), as Postgres counts them. */
async function manualAnalyses(table = 'entity_members'): Promise<number> {
  await database.dataSource.query('SELECT pg_stat_clear_snapshot()');
  const [row]: { analyze_count: string }[] = await database.dataSource.query(
    `SELECT analyze_count FROM pg_stat_user_tables WHERE schemaname = 'dedup' AND relname = $1`,
    [table],
  );
  return Number(row.analyze_count);
}

it('analyses a never-analysed member table once MIN_GROWTH members were written, whoever wrote them', async () => {
  // Two instances: members written through either count for both.
  const [first, second] = [new MemberStatistics(database.dataSource), new MemberStatistics(database.dataSource)];
  await writeMembers(MIN_GROWTH - 100);
  await first.grew();
  await second.grew();
  expect(await manualAnalyses()).toBe(0);

  await writeMembers(100);
  await second.grew();
  // The ANALYZE's own count reaches other sessions a moment later.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(await manualAnalyses()).toBe(1);
  // The network tables grow with the members, and their queries need plans as much.
  expect(await manualAnalyses('network_attributes')).toBe(1);
  const [table]: { reltuples: number }[] = await database.dataSource.query(
    `SELECT reltuples FROM pg_class WHERE oid = 'entity_members'::regclass`,
  );
  expect(table.reltuples).toBe(MIN_GROWTH);
});
