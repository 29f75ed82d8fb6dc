/**
 * `npm start` seeds demo reference data on every start. It must never take
 * away what an operator loaded: demo entries only go into a dataset that has
 * never been loaded, and only add. Runs the launcher's own seeding step
 * against a database of its own, with the loader CLI from dist/.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { dropDatabase, ensureDatabase, seedDemoReferenceData } from '@crosscheck/infra';
import { Client } from 'pg';
import { testInfrastructure } from '../harness/infrastructure';
import { loadReference } from '../harness/reference-data';
import type { Suite } from '../harness/suite';

jest.setTimeout(120_000);

const SMALL = { notices: 20, sltd: 10, smv: 5, firearms: 5, artworks: 5 };
const DEMO_ENTRIES = { notices: SMALL.notices + 5, sltd: 10, smv: 5, firearms: 5, 'works-of-art': 5 };
const OPERATOR_NOTICES = ['FRA-2026-0001', 'FRA-2026-0002', 'FRA-2026-0003'];

const workDir = mkdtempSync(path.join(tmpdir(), 'crosscheck-demo-'));
const operatorFile = path.join(workDir, 'operator-notices.ndjson');
writeFileSync(
  operatorFile,
  OPERATOR_NOTICES.map((entryId, index) =>
    JSON.stringify({
      entryId,
      colour: 'red',
      noticeRef: `F-${index}/2026`,
      charges: 'Fraud',
      subject: {
        names: [{ given: `Jeanne${index}`, family: 'Moreau' }],
        dateOfBirth: '1975-05-05',
        nationalities: ['FRA'],
      },
    }),
  ).join('\n'),
);

let databaseName: string;
let databaseUrl: string;

beforeEach(async () => {
  databaseName = `cc_test_demo_${randomBytes(3).toString('hex')}`;
  databaseUrl = await ensureDatabase(testInfrastructure().postgresAdminUrl, databaseName);
});

afterEach(async () => {
  await dropDatabase(testInfrastructure().postgresAdminUrl, databaseName).catch(() => undefined);
});

/** What `npm start` does with the reference data on each start, with fewer entries. */
const start = () => seedDemoReferenceData({ databaseUrl, outDir: path.join(workDir, 'demo'), counts: SMALL });

/** The operator's full load of their own notices, as the README tells them. */
async function operatorLoadsNotices(): Promise<void> {
  // The loader needs only the database: no service runs in this suite.
  const loaded = await loadReference({ databaseUrl } as Suite, [
    '--dataset',
    'notices',
    '--file',
    operatorFile,
    '--mode',
    'full',
    '--owner',
    'FRA',
  ]);
  expect(loaded).toMatchObject({ code: 0 });
}

async function entries(): Promise<{ counts: Record<string, number>; notices: string[] }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = await client.query<{ dataset: string; entries: number }>(
      'SELECT dataset, count(*)::int AS entries FROM matching.reference_entries GROUP BY dataset',
    );
    const notices = await client.query<{ entry_id: string }>(
      `SELECT entry_id FROM matching.reference_entries WHERE dataset = 'notices' ORDER BY entry_id`,
    );
    return {
      counts: Object.fromEntries(counts.rows.map(({ dataset, entries }) => [dataset, entries])),
      notices: notices.rows.map(({ entry_id }) => entry_id),
    };
  } finally {
    await client.end();
  }
}

it('a start after the operator loaded notices of their own leaves every one of them, and adds no demo notice among them', async () => {
  await operatorLoadsNotices();

  const first = await start();
  const second = await start();

  const { counts, notices } = await entries();
  expect(notices).toEqual(OPERATOR_NOTICES);
  expect(counts).toEqual({ ...DEMO_ENTRIES, notices: OPERATOR_NOTICES.length });
  expect(first).toMatchObject({ seeded: ['sltd', 'smv', 'firearms', 'works-of-art'], leftAlone: ['notices'] });
  expect(second).toMatchObject({ seeded: [], leftAlone: ['notices', 'sltd', 'smv', 'firearms', 'works-of-art'] });
});

it('a first start seeds every dataset; the operator’s full load then replaces the demo notices, and later starts bring none back', async () => {
  const first = await start();
  expect(first.seeded).toEqual(['notices', 'sltd', 'smv', 'firearms', 'works-of-art']);
  expect((await entries()).counts).toEqual(DEMO_ENTRIES);
  expect((await entries()).notices).toEqual(expect.arrayContaining(['RN-2026-000101']));

  await operatorLoadsNotices();
  await start();
  await start();

  const { counts, notices } = await entries();
  expect(notices).toEqual(OPERATOR_NOTICES);
  expect(counts).toEqual({ ...DEMO_ENTRIES, notices: OPERATOR_NOTICES.length });
});
