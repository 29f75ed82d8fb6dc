/**
 * Reference key counts against a real Postgres, with matching's own
 * migrations: loads, changes and removals keep them, and the candidate lookup
 * reads a probe's keys as libs/resolution keysRead says (rarest first, up to
 * KEY_ROWS_PER_PROBE rows), weighing each by its true count.
 */
import { create } from '@bufbuild/protobuf';
import { ReferenceEntrySchema } from '@crosscheck/contracts';
import { withDeferredKeyCounts } from '@crosscheck/persistence';
import { KEY_ROWS_PER_PROBE, keysRead, ROWS_PER_KEY } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { matchingMigrations } from '../migrations';
import { REFERENCE_KEY_COUNTS } from '../migrations/1763800000390-reference-key-counts';
import { ReferenceEntriesRepository, StoredEntry } from './reference-entries.repository';

jest.setTimeout(120_000);

const entries = new ReferenceEntriesRepository();

const database = scratchDatabase('reference-key-counts', { schema: 'matching', migrations: matchingMigrations });

function entryOf(entryId: string): StoredEntry {
  return {
    dataset: 'notices',
    entryId,
    version: 1,
    facts: { kind: 'person', names: [entryId] } as unknown as StoredEntry['facts'],
    entry: create(ReferenceEntrySchema, { entryId, dataset: 'notices' }),
  };
}

/** Loads entries named `<prefix>-<n>` carrying `keys`. */
async function load(prefix: string, count: number, keys: string[]): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, n) => `${prefix}-${String(n).padStart(4, '0')}`);
  await database.dataSource.transaction((transaction) =>
    entries.upsertMany(
      transaction,
      'notices',
      1,
      ids.map((id) => ({ entry: entryOf(id), keys })),
    ),
  );
  return ids;
}

async function countOf(key: string): Promise<number | undefined> {
  const rows: { rows: number }[] = await database.dataSource.query(
    `SELECT rows FROM reference_key_counts WHERE dataset = 'notices' AND key = $1`,
    [key],
  );
  return rows[0]?.rows;
}

async function candidatesFor(keys: string[]): Promise<string[]> {
  const found = await entries.candidates(database.dataSource.manager, 'notices', keys, 10_000);
  return found.map((entry) => entry.entryId);
}

it('counts the entries of a key as entries are loaded, changed and removed', async () => {
  const [first, second] = await load('counted', 3, ['pn:COUNTED:1970', 'pc:COUNTED']);
  expect([await countOf('pn:COUNTED:1970'), await countOf('pc:COUNTED')]).toEqual([3, 3]);

  // A changed entry's keys are replaced; an unchanged one's are left alone.
  await database.dataSource.transaction(async (transaction) => {
    const changed = {
      ...entryOf(first),
      entry: create(ReferenceEntrySchema, { entryId: first, dataset: 'notices', owner: 'FRA' }),
    };
    await entries.upsertMany(transaction, 'notices', 2, [{ entry: changed, keys: ['pc:COUNTED', 'pc:ADDED'] }]);
  });
  expect([await countOf('pn:COUNTED:1970'), await countOf('pc:COUNTED'), await countOf('pc:ADDED')]).toEqual([2, 3, 1]);

  await database.dataSource.transaction((transaction) => entries.remove(transaction, 'notices', [second]));
  expect([await countOf('pn:COUNTED:1970'), await countOf('pc:COUNTED')]).toEqual([1, 2]);
});

it("gathers a load's changes and writes each count once, when the load ends", async () => {
  const countIn = async (manager: EntityManager, key: string) =>
    (
      (await manager.query(`SELECT rows FROM reference_key_counts WHERE dataset = 'notices' AND key = $1`, [key])) as {
        rows: number;
      }[]
    )[0]?.rows;
  await load('deferred', 2, ['pc:DEFERRED']);
  await database.dataSource.transaction((transaction) =>
    withDeferredKeyCounts(transaction, REFERENCE_KEY_COUNTS, async () => {
      for (const batch of ['a', 'b', 'c'])
        await entries.upsertMany(
          transaction,
          'notices',
          1,
          [0, 1].map((n) => ({ entry: entryOf(`deferred-${batch}${n}`), keys: ['pc:DEFERRED', 'pc:DEFERRED:NEW'] })),
        );
      await entries.remove(transaction, 'notices', ['deferred-0000', 'deferred-a0']);
      // Gathered, not yet written.
      expect([await countIn(transaction, 'pc:DEFERRED'), await countIn(transaction, 'pc:DEFERRED:NEW')]).toEqual([
        2,
        undefined,
      ]);
    }),
  );
  expect([await countOf('pc:DEFERRED'), await countOf('pc:DEFERRED:NEW')]).toEqual([6, 5]);
  // The gathering table went with the transaction; a later statement counts at once again.
  await load('after', 1, ['pc:DEFERRED']);
  expect(await countOf('pc:DEFERRED')).toBe(7);
});

it('reads the rarest keys first, up to KEY_ROWS_PER_PROBE rows, and none that too many entries carry', async () => {
  // One entry with a rare key, and commoner keys each carried by its own entries, each a little commoner; the
  // last more than ROWS_PER_KEY entries carry.
  const [twin] = await load('rare', 1, ['pd:RARE']);
  const common = Array.from({ length: 8 }, (_, n) => ({ key: `pc:COMMON${n}`, rows: 150 + 5 * n }));
  common.push({ key: 'pc:TOOCOMMON', rows: ROWS_PER_KEY + 1 });
  const carriers = new Map<string, string[]>();
  for (const [n, { key, rows }] of common.entries()) carriers.set(key, await load(`common${n}`, rows, [key]));

  const probe = ['pd:RARE', 'pd:NOWHERE', ...common.map(({ key }) => key)];
  const read = keysRead([{ key: 'pd:RARE', rows: 1 }, ...common]).map(({ key }) => key);
  // The budget leaves out the commonest of the rare-enough keys, and the too common one is never read.
  expect(read).not.toContain('pc:COMMON7');
  expect(read).not.toContain('pc:TOOCOMMON');
  expect(read.length).toBeGreaterThan(KEY_ROWS_PER_PROBE / ROWS_PER_KEY);

  const found = await candidatesFor(probe);
  expect(found[0]).toBe(twin);
  for (const { key } of common) {
    const carriersFound = carriers.get(key)!.filter((id) => found.includes(id));
    expect([key, carriersFound]).toEqual([key, read.includes(key) ? carriers.get(key) : []]);
  }
});

it('reads the rarest key alone of a probe whose keys too many entries carry', async () => {
  const commoner = await load('commoner', ROWS_PER_KEY + 5, ['pc:COMMONER']);
  const found = await candidatesFor(['pc:COMMONER', 'pc:TOOCOMMON']);
  // pc:TOOCOMMON (ROWS_PER_KEY + 1 entries, loaded above as common8-*) is the rarer of the two.
  expect(found).toHaveLength(ROWS_PER_KEY);
  expect(found.every((id) => id.startsWith('common8-'))).toBe(true);
  expect(found.some((id) => commoner.includes(id))).toBe(false);
});
