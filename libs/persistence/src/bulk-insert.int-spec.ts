/**
 * The bulk insert against a real Postgres: every column type comes back as it
 * went in (text that looks like SQL or array syntax, JSON, bytes, arrays,
 * NULLs), ON CONFLICT and RETURNING work through the tail, DISTINCT drops rows
 * repeated in a batch, and a batch larger than Postgres's parameter limit is
 * one statement.
 */
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@crosscheck/infra';
import { DataSource } from 'typeorm';
import { testInfrastructure } from '../../../test/harness/infrastructure';
import { bulkInsert } from './bulk-insert';
import { openDatabase } from './open-database';

jest.setTimeout(60_000);

const infrastructure = testInfrastructure();
const databaseName = `cc_test_bulk_insert_${randomBytes(3).toString('hex')}`;
let dataSource: DataSource;

interface Sample {
  id: string;
  label: string | null;
  count: number;
  big: bigint;
  score: number;
  ok: boolean;
  doc: unknown;
  bytes: Uint8Array;
  at: Date;
  tags: string[];
}

const samples = bulkInsert<Sample>('samples', {
  id: ['uuid', (row) => row.id],
  label: ['text', (row) => row.label],
  count: ['int', (row) => row.count],
  big: ['bigint', (row) => row.big],
  score: ['float8', (row) => row.score],
  ok: ['bool', (row) => row.ok],
  doc: ['jsonb', (row) => row.doc],
  bytes: ['bytea', (row) => row.bytes],
  at: ['timestamptz', (row) => row.at],
  tags: ['text[]', (row) => row.tags],
});

const keys = bulkInsert<{ key: string }>('sample_keys', { key: ['text', (row) => row.key] }, { distinct: true });

beforeAll(async () => {
  const url = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
  dataSource = await openDatabase({ url, schema: 'bulktest', applicationName: 'bulk-insert-test', migrations: [] });
  await dataSource.query(`CREATE TABLE samples (
    id uuid PRIMARY KEY, label text, count int NOT NULL, big bigint NOT NULL, score float8 NOT NULL, ok bool NOT NULL,
    doc jsonb, bytes bytea NOT NULL, at timestamptz NOT NULL, tags text[] NOT NULL)`);
  await dataSource.query('CREATE TABLE sample_keys (key text PRIMARY KEY)');
});

afterAll(async () => {
  await dataSource?.destroy();
  await dropDatabase(infrastructure.postgresAdminUrl, databaseName);
});

const awkward: Sample = {
  id: '00000000-0000-4000-8000-000000000001',
  label: 'O\'Brien, "Jack" {x} \\ NULL',
  count: 7,
  big: 9_007_199_254_740_993n,
  score: 0.125,
  ok: true,
  doc: { name: 'Ж "quoted" \\ back', list: [1, null], nested: { empty: '' } },
  bytes: new Uint8Array([0, 1, 254, 255]),
  at: new Date('2026-03-01T12:34:56.789Z'),
  tags: ['a,b', '{c}', 'NULL', '"q"', 'back\\slash', ''],
};

it('writes every column type as it was given, NULLs included', async () => {
  const plain: Sample = { ...awkward, id: '00000000-0000-4000-8000-000000000002', label: null, doc: null, tags: [] };
  await dataSource.transaction((manager) => samples.insert(manager, [awkward, plain]));
  const rows = await dataSource.query(
    'SELECT id, label, count, big::text AS big, score, ok, doc, bytes, at, tags FROM samples ORDER BY id',
  );
  expect(rows).toEqual([
    { ...awkward, big: '9007199254740993', bytes: Buffer.from([0, 1, 254, 255]) },
    { ...plain, big: '9007199254740993', bytes: Buffer.from([0, 1, 254, 255]) },
  ]);
});

it('answers what the tail returns, and leaves out rows ON CONFLICT skipped', async () => {
  const fresh = { ...awkward, id: '00000000-0000-4000-8000-000000000003' };
  const returned = await samples.insert<{ id: string }>(
    dataSource.manager,
    [awkward, fresh],
    'ON CONFLICT (id) DO NOTHING RETURNING id',
  );
  expect(returned).toEqual([{ id: fresh.id }]);
});

it('writes a row repeated within a batch once when DISTINCT, and sends no statement for no rows', async () => {
  await keys.insert(dataSource.manager, [{ key: 'k1' }, { key: 'k1' }, { key: 'k2' }]);
  expect(await keys.insert(dataSource.manager, [])).toEqual([]);
  expect(await dataSource.query('SELECT key FROM sample_keys ORDER BY key')).toEqual([{ key: 'k1' }, { key: 'k2' }]);
});

it('writes more rows than Postgres allows parameters in one statement', async () => {
  const many = Array.from({ length: 70_000 }, (_, index) => ({ key: `many-${index}` }));
  await keys.insert(dataSource.manager, many);
  expect(await dataSource.query("SELECT count(*)::int AS n FROM sample_keys WHERE key LIKE 'many-%'")).toEqual([
    { n: 70_000 },
  ]);
});

it('refuses a value that does not fit its column type before sending anything', async () => {
  const notBytes = { ...awkward, bytes: 'abc' as unknown as Uint8Array };
  await expect(samples.insert(dataSource.manager, [notBytes])).rejects.toThrow(
    'a bytea column takes bytes (Buffer or Uint8Array)',
  );
});
