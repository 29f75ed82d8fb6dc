/**
 * When a reference load vacuums and analyses the tables it wrote, against a
 * real Postgres with matching's own migrations: a load that changed a tenth of
 * the entries stored, or any into tables never analysed, does it before it
 * answers, so the checks that follow it read keys index-only with true counts;
 * a contribution of one entry to a larger dataset leaves it to autovacuum.
 */
import { create } from '@bufbuild/protobuf';
import { NoticeColour, ReferenceEntrySchema } from '@crosscheck/contracts';
import { CreateOutboxAndInbox1763800000000, Outbox } from '@crosscheck/messaging';
import { DerivationRevisions1763800000930 } from '@crosscheck/persistence';
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { matchingMigrations } from '../migrations';
import type { ReferenceChange } from '../model/reference-change';
import { loadReference } from './reference-versions';

jest.setTimeout(120_000);

const database = scratchDatabase('reference-versions', {
  schema: 'matching',
  migrations: [CreateOutboxAndInbox1763800000000, ...matchingMigrations, DerivationRevisions1763800000930],
});

function notice(n: number): ReferenceChange {
  return {
    line: n + 1,
    op: 'upsert',
    entry: create(ReferenceEntrySchema, {
      entryId: `RN-2026-${String(n).padStart(7, '0')}`,
      body: {
        case: 'notice',
        value: {
          colour: NoticeColour.RED,
          subject: {
            names: [{ given: `Given${n}`, family: `Family${n % 97}` }],
            dateOfBirth: { year: 1980, month: 1, day: 1 },
          },
        },
      },
    }),
  };
}

async function load(changes: ReferenceChange[], mode: 'full' | 'delta') {
  return loadReference(
    database.dataSource,
    new Outbox({ databaseSchema: 'matching' }),
    (async function* () {
      yield* changes;
    })(),
    { dataset: 'notices', owner: 'IPSG', dissemination: { scope: 'all' }, mode },
  );
}

/** Per table the load writes: how often it was vacuumed and analysed by hand, and whether the planner knows its size. */
async function upkeep() {
  const rows: { table: string; vacuums: number; analyses: number; analysed: boolean }[] =
    await database.dataSource.query(
      `SELECT c.relname AS "table", s.vacuum_count::int AS vacuums, s.analyze_count::int AS analyses,
              c.reltuples >= 0 AS analysed
         FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.oid IN ('reference_entries'::regclass, 'reference_keys'::regclass, 'reference_key_counts'::regclass)
        ORDER BY c.relname`,
    );
  return rows;
}

it('vacuums and analyses after a first load of any size, before it answers', async () => {
  const summary = await load(
    Array.from({ length: 300 }, (_, n) => notice(n)),
    'full',
  );
  expect(summary).toMatchObject({ added: 300, rejected: [] });
  expect(await upkeep()).toEqual(
    ['reference_entries', 'reference_key_counts', 'reference_keys'].map((table) => ({
      table,
      vacuums: 1,
      analyses: 1,
      analysed: true,
    })),
  );
});

it('leaves a change of fewer than a tenth of the entries to autovacuum, and takes on one of more', async () => {
  await load([notice(1_000)], 'delta');
  expect((await upkeep()).map(({ vacuums }) => vacuums)).toEqual([1, 1, 1]);

  await load(
    Array.from({ length: 40 }, (_, n) => notice(2_000 + n)),
    'delta',
  );
  expect((await upkeep()).map(({ vacuums, analyses }) => [vacuums, analyses])).toEqual([
    [2, 2],
    [2, 2],
    [2, 2],
  ]);
});
