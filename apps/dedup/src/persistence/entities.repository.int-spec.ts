/**
 * Merging entities against a real Postgres, with dedup's own migrations: a
 * record that resembled several of the entities merged at once stays one
 * possible duplicate of the survivor, at its best score.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@crosscheck/infra';
import { openDatabase } from '@crosscheck/persistence';
import { DataSource } from 'typeorm';
import { testInfrastructure } from '../../../../test/harness/infrastructure';
import { CreateEntities1763800000200 } from '../migrations/1763800000200-create-entities';
import { ResolveAllKinds1763800000210 } from '../migrations/1763800000210-resolve-all-kinds';
import { EntitiesRepository } from './entities.repository';

jest.setTimeout(60_000);

const infrastructure = testInfrastructure();
const databaseName = `cc_test_entities_${randomBytes(3).toString('hex')}`;
let dataSource: DataSource;
const entities = new EntitiesRepository();

beforeAll(async () => {
  const url = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
  dataSource = await openDatabase({
    url,
    schema: 'dedup',
    applicationName: 'entities-test',
    migrations: [CreateEntities1763800000200, ResolveAllKinds1763800000210],
  });
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(infrastructure.postgresAdminUrl, databaseName);
});

async function entityWithMember(): Promise<{ entityId: string; recordId: string }> {
  const entityId = randomUUID();
  const recordId = randomUUID();
  await entities.saveResolution(dataSource.manager, {
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
  await dataSource.query(
    'INSERT INTO possible_duplicates (record_id, entity_id, score, explanation) VALUES ($1, $2, 0.72, $4), ($1, $3, 0.8, $4)',
    [resembling.recordId, first.entityId, second.entityId, '[]'],
  );

  await dataSource.transaction((transaction) =>
    entities.merge(transaction, survivor.entityId, [first.entityId, second.entityId]),
  );

  const rows: { entity_id: string; score: number }[] = await dataSource.query(
    'SELECT entity_id, score FROM possible_duplicates WHERE record_id = $1',
    [resembling.recordId],
  );
  expect(rows).toEqual([{ entity_id: survivor.entityId, score: expect.closeTo(0.8, 5) }]);
  expect(await entities.memberRecordIds(dataSource.manager, survivor.entityId)).toEqual(
    expect.arrayContaining([survivor.recordId, first.recordId, second.recordId]),
  );
});
