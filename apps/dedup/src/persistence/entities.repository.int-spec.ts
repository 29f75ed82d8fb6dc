/**
 * Merging entities against a real Postgres, with dedup's own migrations: a
 * record that resembled several of the entities merged at once stays one
 * possible duplicate of the survivor, at its best score.
 */
import { randomUUID } from 'node:crypto';
import { scratchDatabase } from '../../../../test/harness/scratch-database';
import { CreateEntities1763800000200 } from '../migrations/1763800000200-create-entities';
import { ResolveAllKinds1763800000210 } from '../migrations/1763800000210-resolve-all-kinds';
import { EntitiesRepository } from './entities.repository';

jest.setTimeout(60_000);

const entities = new EntitiesRepository();

const database = scratchDatabase('entities', {
  schema: 'dedup',
  migrations: [CreateEntities1763800000200, ResolveAllKinds1763800000210],
});

async function entityWithMember(): Promise<{ entityId: string; recordId: string }> {
  const entityId = randomUUID();
  const recordId = randomUUID();
  await entities.saveResolution(database.dataSource.manager, {
    member: {
      recordId,
      entityId,
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
    keys: [],
    newEntityKind: 'person',
    possibleDuplicates: [],
  });
  return { entityId, recordId };
}

it('keeps one possible duplicate, at its best score, of a record that resembled several merged entities', async () => {
  const [survivor, first, second, resembling] = [
    await entityWithMember(),
    await entityWithMember(),
    await entityWithMember(),
    await entityWithMember(),
  ];
  await database.dataSource.query(
    'INSERT INTO possible_duplicates (record_id, entity_id, score, explanation) VALUES ($1, $2, 0.72, $4), ($1, $3, 0.8, $4)',
    [resembling.recordId, first.entityId, second.entityId, '[]'],
  );

  await database.dataSource.transaction((transaction) =>
    entities.merge(transaction, survivor.entityId, [first.entityId, second.entityId]),
  );

  const rows: { entity_id: string; score: number }[] = await database.dataSource.query(
    'SELECT entity_id, score FROM possible_duplicates WHERE record_id = $1',
    [resembling.recordId],
  );
  expect(rows).toEqual([{ entity_id: survivor.entityId, score: expect.closeTo(0.8, 5) }]);
  expect(await entities.memberRecordIds(database.dataSource.manager, survivor.entityId)).toEqual(
    expect.arrayContaining([survivor.recordId, first.recordId, second.recordId]),
  );
});
