/**
 * matching's derived rows, derived again from what it kept when the rules
 * change (libs/persistence rederive.ts says when and how;
 * libs/resolution derivation-revision.ts what counts as a change): the facts
 * and blocking keys of the reference entries (from each entry as loaded) and
 * of the records it checked and still checks (from each record as shared).
 * Without it, entries loaded before an upgrade would stop meeting records
 * checked after it. A chunk locks what it derives (lockFirstFree: never
 * waiting for a load or a check while holding others), so what a load or a
 * check writes meanwhile is not overwritten with an older derivation.
 */
import { fromBinary } from '@bufbuild/protobuf';
import { ReferenceEntrySchema, SharedRecordSchema } from '@crosscheck/contracts';
import { bulkRows, DerivedRows, lockFirstFree } from '@crosscheck/persistence';
import { blockingKeys, RecordFacts, recordFactsOf } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { DatasetName, entryFactsOf, recordKeysOf } from '../model/datasets';

/** Rows of a chunk: the owner's id, its facts, its keys (with the dataset they are looked up in). */
interface Derived {
  id: string;
  dataset?: string;
  facts: RecordFacts;
  keys: { dataset: string; key: string }[];
}

const DERIVED = {
  facts: bulkRows<Derived>({
    dataset: ['text', (row) => row.dataset ?? null],
    id: ['text', (row) => row.id],
    facts: ['jsonb', (row) => row.facts],
  }),
  keys: bulkRows<{ dataset: string; key: string; id: string }>({
    dataset: ['text', (row) => row.dataset],
    key: ['text', (row) => row.key],
    id: ['text', (row) => row.id],
  }),
};

/** Writes a chunk's facts and keys in one statement: `owner` the owners' table and id column, `keys` the keys' table and id column. */
async function writeDerived(
  transaction: EntityManager,
  derived: Derived[],
  owner: { table: string; id: string; byDataset: boolean; idType: string },
  keys: { table: string; id: string },
): Promise<void> {
  const keysFrom = 1 + DERIVED.facts.size;
  const sameOwner = `${owner.byDataset ? 'o.dataset = d.dataset AND ' : ''}o.${owner.id} = d.id::${owner.idType}`;
  await transaction.query(
    `WITH d AS (${DERIVED.facts.select(1, { alias: 'facts' })}),
          fresh AS (${DERIVED.keys.select(keysFrom, { distinct: true, alias: 'keys' })}),
          facts_written AS (
            UPDATE ${owner.table} o SET facts = d.facts FROM d WHERE ${sameOwner} AND o.facts IS DISTINCT FROM d.facts
          ),
          keys_written AS (
            INSERT INTO ${keys.table} (dataset, key, ${keys.id})
            SELECT dataset, key, id::${owner.idType} FROM fresh ON CONFLICT DO NOTHING
          )
     DELETE FROM ${keys.table} k USING (SELECT DISTINCT dataset, id FROM d) AS d
      WHERE k.${keys.id} = d.id::${owner.idType} ${owner.byDataset ? 'AND k.dataset = d.dataset' : ''}
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.dataset = k.dataset AND f.key = k.key AND f.id::${owner.idType} = k.${keys.id})`,
    [
      ...DERIVED.facts.parameters(derived),
      ...DERIVED.keys.parameters(derived.flatMap(({ id, keys }) => keys.map((key) => ({ ...key, id })))),
    ],
  );
}

export const REFERENCE_DERIVATION: DerivedRows = {
  name: 'reference_entries',
  async deriveAfter(transaction, after, limit) {
    const [dataset, entryId] = after ? (JSON.parse(after) as [string, string]) : ['', ''];
    const next: { id: string }[] = await transaction.query(
      `SELECT json_build_array(dataset, entry_id)::text AS id FROM reference_entries
        WHERE (dataset, entry_id) > ($1, $2) ORDER BY dataset, entry_id LIMIT $3`,
      [dataset, entryId, limit],
    );
    const rows: { id: string; dataset: DatasetName; entry_id: string; entry: Buffer }[] = await lockFirstFree(
      transaction,
      next.map((row) => row.id),
      (skip) => `SELECT json_build_array(dataset, entry_id)::text AS id, dataset, entry_id, entry FROM reference_entries
                  WHERE (dataset, entry_id) IN (SELECT (id::json)->>0, (id::json)->>1 FROM unnest($1::text[]) AS wanted(id))
                  ORDER BY dataset, entry_id FOR UPDATE ${skip ? 'SKIP LOCKED' : ''}`,
    );
    if (rows.length === 0) return undefined;
    const derived = rows.flatMap((row): Derived[] => {
      const facts = entryFactsOf(row.dataset, fromBinary(ReferenceEntrySchema, row.entry));
      if (!facts) return [];
      return [
        {
          id: row.entry_id,
          dataset: row.dataset,
          facts,
          keys: blockingKeys(facts).map((key) => ({ dataset: row.dataset, key })),
        },
      ];
    });
    await writeDerived(
      transaction,
      derived,
      { table: 'reference_entries', id: 'entry_id', byDataset: true, idType: 'text' },
      { table: 'reference_keys', id: 'entry_id' },
    );
    return rows.at(-1)!.id;
  },
};

export const CHECKED_RECORD_DERIVATION: DerivedRows = {
  name: 'checked_records',
  async deriveAfter(transaction, after, limit) {
    const next: { record_id: string }[] = await transaction.query(
      `SELECT record_id FROM checked_records WHERE record_id > $1::uuid AND left_at IS NULL ORDER BY record_id LIMIT $2`,
      [after ?? '00000000-0000-0000-0000-000000000000', limit],
    );
    const rows: { record_id: string; record: Buffer }[] = await lockFirstFree(
      transaction,
      next.map((row) => row.record_id),
      (skip) => `SELECT record_id, record FROM checked_records WHERE record_id = ANY($1::uuid[])
                  ORDER BY record_id FOR UPDATE ${skip ? 'SKIP LOCKED' : ''}`,
    );
    if (rows.length === 0) return undefined;
    const derived = rows.flatMap((row): Derived[] => {
      const { body } = fromBinary(SharedRecordSchema, row.record);
      if (!body.case) return [];
      const facts = recordFactsOf(body);
      return [{ id: row.record_id, facts, keys: recordKeysOf(facts) }];
    });
    await writeDerived(
      transaction,
      derived,
      { table: 'checked_records', id: 'record_id', byDataset: false, idType: 'uuid' },
      { table: 'record_keys', id: 'record_id' },
    );
    return rows.at(-1)!.record_id;
  },
};
