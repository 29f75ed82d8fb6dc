/**
 * Key counts against a real Postgres, with dedup's own migrations: every
 * writer of member keys keeps them (a resolution, a record's keys replaced, a
 * withdrawal), and the candidate lookup reads a key past ROWS_PER_KEY
 * members only when the record has no rarer one.
 */
import { randomUUID } from 'node:crypto';
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { CreateEntities1763800000200 } from '../migrations/1763800000200-create-entities';
import { ResolveAllKinds1763800000210 } from '../migrations/1763800000210-resolve-all-kinds';
import { KeyCounts1763800000940 } from '../migrations/1763800000940-key-counts';
import { ROWS_PER_KEY } from '@crosscheck/resolution';
import { EntitiesRepository, MemberValues } from './entities.repository';

jest.setTimeout(120_000);

const entities = new EntitiesRepository();

const database = scratchDatabase('key-counts', {
  schema: 'dedup',
  migrations: [CreateEntities1763800000200, ResolveAllKinds1763800000210, KeyCounts1763800000940],
});

function personRecord(): MemberValues & { entityId: string } {
  return {
    recordId: randomUUID(),
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
  };
}

/** A person record that starts its own entity, carrying `keys`. */
async function memberWith(keys: string[], member = personRecord()): Promise<string> {
  await entities.saveResolution(database.dataSource.manager, {
    member,
    keys,
    newEntityKind: 'person',
    possibleDuplicates: [],
  });
  return member.recordId;
}

async function countOf(key: string): Promise<number | undefined> {
  const rows: { rows: number }[] = await database.dataSource.query('SELECT rows FROM key_counts WHERE key = $1', [key]);
  return rows[0]?.rows;
}

async function candidatesFor(keys: string[]): Promise<string[]> {
  const found = await entities.candidates(database.dataSource.manager, 'person', keys, randomUUID(), 1_000);
  return found.map((candidate) => candidate.recordId).sort();
}

it('counts the members of a key as records are resolved, their keys replaced and withdrawn', async () => {
  const first = personRecord();
  await memberWith(['pn:COUNTED:1970', 'pc:KEPT'], first);
  await memberWith(['pn:COUNTED:1970']);
  expect(await countOf('pn:COUNTED:1970')).toBe(2);

  await database.dataSource.transaction((transaction) =>
    entities.saveMember(transaction, { ...first, recordVersion: 2 }, ['pc:KEPT', 'pc:ADDED']),
  );
  expect([await countOf('pn:COUNTED:1970'), await countOf('pc:KEPT'), await countOf('pc:ADDED')]).toEqual([1, 1, 1]);

  await database.dataSource.transaction((transaction) =>
    entities.withdrawMember(transaction, first.recordId, 3, 'FRA'),
  );
  expect([await countOf('pc:KEPT'), await countOf('pc:ADDED')]).toEqual([0, 0]);
});

it(`reads a key while at most ${ROWS_PER_KEY} members carry it, and past that only when no rarer key is asked`, async () => {
  const carriers: string[] = [];
  for (let i = 0; i < ROWS_PER_KEY; i++) carriers.push(await memberWith(['pf:COMMON']));
  expect(await candidatesFor(['pf:COMMON'])).toEqual([...carriers].sort());

  carriers.push(await memberWith(['pf:COMMON']));
  const rare = await memberWith(['pf:COMMON', 'pn:RARE:1970']);
  expect(await countOf('pf:COMMON')).toBe(ROWS_PER_KEY + 2);
  expect(await candidatesFor(['pf:COMMON', 'pn:RARE:1970'])).toEqual([rare]);
  // Asked alone, the key is the record's rarest: ROWS_PER_KEY of its members are read, as before.
  expect(await candidatesFor(['pf:COMMON'])).toHaveLength(ROWS_PER_KEY);
});
