/**
 * What a batch catches up on under its locks, against a real Postgres with
 * dedup's own migrations: the members written since its snapshot that share
 * a key a record of the batch reads, by the candidate lookup's own rule
 * (libs/resolution keys-read.ts), the rarest of a record's keys read even
 * when more than ROWS_PER_KEY members carry it, if no rarer one is left.
 */
import { randomUUID } from 'node:crypto';
import { ROWS_PER_KEY } from '@crosscheck/resolution';
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { CreateEntities1763800000200 } from '../migrations/1763800000200-create-entities';
import { ResolveAllKinds1763800000210 } from '../migrations/1763800000210-resolve-all-kinds';
import { MemberChanges1763800000260 } from '../migrations/1763800000260-member-changes';
import { KeyCounts1763800000940 } from '../migrations/1763800000940-key-counts';
import { EntitiesRepository } from './entities.repository';
import { currentSnapshot, membersChangedSince } from './member-changes';

jest.setTimeout(120_000);

const entities = new EntitiesRepository();

const database = scratchDatabase('member-changes', {
  schema: 'dedup',
  migrations: [
    CreateEntities1763800000200,
    ResolveAllKinds1763800000210,
    MemberChanges1763800000260,
    KeyCounts1763800000940,
  ],
});

/** More than ROWS_PER_KEY members carry the common key, one the rare one. */
beforeAll(async () => {
  for (let i = 0; i <= ROWS_PER_KEY; i++) await memberWith(['pf:COMMON']);
  await memberWith(['pn:RARE:1970']);
});

/** A person record that starts its own entity, carrying `keys`, committed. */
async function memberWith(keys: string[]): Promise<string> {
  const recordId = randomUUID();
  await entities.saveResolution(database.dataSource.manager, {
    member: {
      recordId,
      entityId: randomUUID(),
      kind: 'person',
      owner: 'FRA',
      dissemination: { scope: 'all' },
      recordVersion: 1,
      facts: { kind: 'person', names: ['Ivan Petrov'] },
      record: null,
      decision: 'new_entity',
      score: 0,
      explanation: [],
    },
    keys,
    newEntityKind: 'person',
    possibleDuplicates: [],
  });
  return recordId;
}

async function countOf(key: string): Promise<number> {
  const [row]: { rows: number }[] = await database.dataSource.query('SELECT rows FROM key_counts WHERE key = $1', [
    key,
  ]);
  return row.rows;
}

it(`finds a member written since by a key over ${ROWS_PER_KEY} members carry, for the records reading it`, async () => {
  const snapshot = await currentSnapshot(database.dataSource.manager);
  const carriers = await countOf('pf:COMMON');

  const twins = [await memberWith(['pf:COMMON']), await memberWith(['pf:COMMON'])];
  const changed = await membersChangedSince(
    database.dataSource.manager,
    snapshot,
    // The first record has no rarer key, so its lookup reads the common one; the second reads its rare key instead.
    [['pf:COMMON'], ['pf:COMMON', 'pn:RARE:1970']],
    [],
  );

  expect(changed.map((member) => member.recordId).sort()).toEqual([...twins].sort());
  for (const member of changed) {
    // Counted as the candidates read ahead were ranked: without the members written since.
    expect([...member.sharedKeys]).toEqual([[0, [{ key: 'pf:COMMON', rows: carriers }]]]);
  }
});

it('leaves out a member written since that shares only keys no record of the batch reads', async () => {
  const snapshot = await currentSnapshot(database.dataSource.manager);
  await memberWith(['pf:COMMON']);

  expect(await membersChangedSince(database.dataSource.manager, snapshot, [['pf:COMMON', 'pn:RARE:1970']], [])).toEqual(
    [],
  );
});
