/**
 * matching derives its reference entries' facts and blocking keys again when
 * the rules that derived them are not the build's (derivations.ts), from the
 * entries as loaded: a real matching process from the build, real Postgres,
 * the loader CLI. Entries stored under other rules (here: keys and facts that
 * meet nothing) are derived again after a restart, as a load today derives them.
 */
import { fromBinary } from '@bufbuild/protobuf';
import { ReferenceEntrySchema } from '@crosscheck/contracts';
import { blockingKeys, derivationRevision } from '@crosscheck/resolution';
import { Client } from 'pg';
import { loadNotices } from '../../../../test/harness/reference-data';
import { createSuite, Suite } from '../../../../test/harness/suite';
import { entryFactsOf } from '../model/datasets';

jest.setTimeout(180_000);

describe('matching derives its reference entries again when the rules change', () => {
  let suite: Suite;
  let db: Client;

  beforeAll(async () => {
    suite = await createSuite('matching-derivation');
    await suite.start('matching');
    db = new Client({ connectionString: suite.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await suite?.close();
  });

  async function derivedUnder(name: string): Promise<{ revision: string; cursor: string | null } | undefined> {
    const { rows } = await db.query('SELECT revision, cursor FROM matching.derivation_revisions WHERE name = $1', [
      name,
    ]);
    return rows[0];
  }

  async function storedEntries() {
    const { rows } = await db.query(
      `SELECT e.entry_id, e.facts, e.entry, array_agg(k.key ORDER BY k.key) FILTER (WHERE k.key IS NOT NULL) AS keys
         FROM matching.reference_entries e
         LEFT JOIN matching.reference_keys k ON k.dataset = e.dataset AND k.entry_id = e.entry_id
        WHERE e.dataset = 'notices' GROUP BY e.entry_id, e.facts, e.entry ORDER BY e.entry_id`,
    );
    return rows as { entry_id: string; facts: unknown; entry: Buffer; keys: string[] | null }[];
  }

  it('takes a first load, made before matching ever started, as derived by the build that loaded it', async () => {
    // An operator's first load, with the service stopped: nothing has recorded a revision yet.
    await suite.services.matching!.stop();
    await db.query(`DELETE FROM matching.derivation_revisions WHERE name = 'reference_entries'`);
    await loadNotices(suite);
    // Otherwise the service would derive every entry just loaded again at its start (at 1M notices, minutes).
    expect(await derivedUnder('reference_entries')).toEqual({ revision: derivationRevision(), cursor: null });
    await suite.start('matching');
  });

  it('derives the facts and keys of entries stored under other rules again, as a load derives them', async () => {
    await loadNotices(suite);
    const loaded = await storedEntries();
    expect(loaded.length).toBeGreaterThan(0);
    for (const entry of loaded) {
      const facts = entryFactsOf('notices', fromBinary(ReferenceEntrySchema, entry.entry))!;
      expect(entry.keys).toEqual([...new Set(blockingKeys(facts))].sort());
    }

    await suite.services.matching!.stop();
    await db.query(
      `UPDATE matching.reference_entries SET facts = '{"kind":"person","names":["x"]}' WHERE dataset = 'notices'`,
    );
    await db.query(`DELETE FROM matching.reference_keys WHERE dataset = 'notices'`);
    await db.query(
      `INSERT INTO matching.reference_keys (dataset, key, entry_id) SELECT 'notices', 'old:' || entry_id, entry_id FROM matching.reference_entries`,
    );
    await db.query(`UPDATE matching.derivation_revisions SET revision = 'older', cursor = NULL`);

    await suite.start('matching');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const states = await Promise.all(['reference_entries', 'checked_records'].map(derivedUnder));
      if (states.every((state) => state?.revision === derivationRevision() && state.cursor === null)) break;
      if (Date.now() > deadline) throw new Error(`not derived again: ${JSON.stringify(states)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    expect((await storedEntries()).map(({ entry_id, facts, keys }) => ({ entry_id, facts, keys }))).toEqual(
      loaded.map(({ entry_id, facts, keys }) => ({ entry_id, facts, keys })),
    );
  });
});
