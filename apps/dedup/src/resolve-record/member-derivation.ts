/**
 * The members' facts and blocking keys, derived again from the records they
 * were derived from when the rules change (libs/persistence rederive.ts says
 * when and how; libs/resolution derivation-revision.ts what counts as a
 * change). A chunk locks the members it derives (lockFirstFree: never waiting
 * for a resolution while holding others), so a new version resolved meanwhile
 * is not overwritten with what its old one derives. The rewritten facts stamp the members as changed
 * (migration 260), so a batch that read them ahead of its locks takes them as
 * they are now. Facts and keys are written in one statement.
 */
import { fromBinary } from '@bufbuild/protobuf';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { bulkRows, DerivedRows, lockFirstFree } from '@crosscheck/persistence';
import { blockingKeys, RecordFacts } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { factsOfRecord } from './record-facts';
import { KEY_ROWS, MEMBER_DERIVATION_NAME, named } from '../persistence/entities.repository';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

const DERIVED_FACTS = bulkRows<{ recordId: string; facts: RecordFacts }>({
  record_id: ['uuid', (row) => row.recordId],
  facts: ['jsonb', (row) => row.facts],
});

export const MEMBER_DERIVATION: DerivedRows = {
  name: MEMBER_DERIVATION_NAME,
  async deriveAfter(transaction: EntityManager, after: string | undefined, limit: number): Promise<string | undefined> {
    const next: { record_id: string }[] = await transaction.query(
      named(
        'members-to-derive',
        `SELECT record_id FROM entity_members
          WHERE record_id > $1::uuid AND entity_id IS NOT NULL AND withdrawn_at IS NULL AND record IS NOT NULL
          ORDER BY record_id LIMIT $2`,
      ),
      [after ?? FIRST_ID, limit],
    );
    const rows: { record_id: string; record: Buffer }[] = await lockFirstFree(
      transaction,
      next.map((row) => row.record_id),
      (skip) => `SELECT record_id, record FROM entity_members WHERE record_id = ANY($1::uuid[])
                  ORDER BY record_id FOR UPDATE ${skip ? 'SKIP LOCKED' : ''}`,
    );
    if (rows.length === 0) return undefined;
    const derived = rows.map((row) => {
      const facts = factsOfRecord(fromBinary(SharedRecordSchema, row.record));
      return { recordId: row.record_id, facts, keys: blockingKeys(facts) };
    });
    const keys = derived.flatMap(({ recordId, keys }) => keys.map((key) => ({ key, recordId })));
    const factsFrom = 1;
    const keysFrom = factsFrom + DERIVED_FACTS.size;
    await transaction.query(
      named(
        'derive-members',
        `WITH derived AS (${DERIVED_FACTS.select(factsFrom)}),
         fresh_keys AS (${KEY_ROWS.select(keysFrom, { distinct: true, alias: 'fresh' })}),
         facts_written AS (
           UPDATE entity_members m SET facts = derived.facts FROM derived
            WHERE m.record_id = derived.record_id AND m.facts IS DISTINCT FROM derived.facts
         ),
         keys_written AS (
           INSERT INTO member_keys (${KEY_ROWS.columnList}) SELECT * FROM fresh_keys ON CONFLICT DO NOTHING
         )
         DELETE FROM member_keys k USING derived
          WHERE k.record_id = derived.record_id
            AND NOT EXISTS (SELECT 1 FROM fresh_keys f WHERE f.record_id = k.record_id AND f.key = k.key)`,
      ),
      [...DERIVED_FACTS.parameters(derived), ...KEY_ROWS.parameters(keys)],
    );
    return rows.at(-1)!.record_id;
  },
};
