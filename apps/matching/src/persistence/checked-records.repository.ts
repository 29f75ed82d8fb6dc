/**
 * The records matching has checked, with their facts and the blocking keys of
 * everything they were checked as: what a new reference entry is checked
 * against (retro-hits) without asking any other service.
 */
import { Injectable } from '@nestjs/common';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import type { DisseminationRule } from '@crosscheck/auth';
import { SharedRecord, SharedRecordSchema } from '@crosscheck/contracts';
import type { RecordFacts } from '@crosscheck/resolution';
import { bulkInsert } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';
import type { DatasetName } from '../model/datasets';

export interface CheckedRecord {
  recordId: string;
  entityId: string;
  version: number;
  owner: string;
  dissemination: DisseminationRule;
  facts: RecordFacts;
  record: SharedRecord;
}

interface CheckedRow {
  record_id: string;
  entity_id: string;
  version: number;
  owner: string;
  dissemination: DisseminationRule;
  facts: RecordFacts;
  record: Buffer;
}

const toChecked = (row: CheckedRow): CheckedRecord => ({
  recordId: row.record_id,
  entityId: row.entity_id,
  version: row.version,
  owner: row.owner,
  dissemination: row.dissemination,
  facts: row.facts,
  record: fromBinary(SharedRecordSchema, row.record),
});

const ROWS_PER_KEY = 200;

const INSERT_CHECKED = bulkInsert<CheckedRecord>('checked_records', {
  record_id: ['uuid', (record) => record.recordId],
  entity_id: ['uuid', (record) => record.entityId],
  version: ['int', (record) => record.version],
  kind: ['text', (record) => record.facts.kind],
  owner: ['text', (record) => record.owner],
  dissemination: ['jsonb', (record) => record.dissemination],
  facts: ['jsonb', (record) => record.facts],
  record: ['bytea', (record) => toBinary(SharedRecordSchema, record.record)],
  operation: ['text', (record) => record.record.operation || null],
});

const INSERT_KEYS = bulkInsert<{ dataset: DatasetName; key: string; recordId: string }>('record_keys', {
  dataset: ['text', (key) => key.dataset],
  key: ['text', (key) => key.key],
  record_id: ['uuid', (key) => key.recordId],
});

@Injectable()
export class CheckedRecordsRepository {
  /** The record as last checked, locked; undefined when never seen. */
  async lock(manager: EntityManager, recordId: string): Promise<(CheckedRecord & { left: boolean }) | undefined> {
    return (await this.lockMany(manager, [recordId])).get(recordId.toLowerCase());
  }

  /** The records as last checked, locked (in id order, so that two batches cannot deadlock), by lower-case record id. */
  async lockMany(manager: EntityManager, recordIds: string[]): Promise<Map<string, CheckedRecord & { left: boolean }>> {
    if (recordIds.length === 0) return new Map();
    const rows: (CheckedRow & { left_at: Date | null })[] = await manager.query(
      'SELECT * FROM checked_records WHERE record_id = ANY($1::uuid[]) ORDER BY record_id FOR UPDATE',
      [recordIds],
    );
    return new Map(rows.map((row) => [row.record_id.toLowerCase(), { ...toChecked(row), left: row.left_at !== null }]));
  }

  /** Saves records (distinct ids) in one statement each for the records, their old keys and their new keys. */
  async save(
    manager: EntityManager,
    records: { record: CheckedRecord; keys: { dataset: DatasetName; key: string }[] }[],
  ): Promise<void> {
    if (records.length === 0) return;
    await INSERT_CHECKED.insert(
      manager,
      records.map(({ record }) => record),
      `ON CONFLICT (record_id) DO UPDATE SET entity_id = EXCLUDED.entity_id, version = EXCLUDED.version, owner = EXCLUDED.owner,
         dissemination = EXCLUDED.dissemination, facts = EXCLUDED.facts, record = EXCLUDED.record, left_at = NULL,
         operation = EXCLUDED.operation`,
    );
    await manager.query('DELETE FROM record_keys WHERE record_id = ANY($1::uuid[])', [
      records.map(({ record }) => record.recordId),
    ]);
    await INSERT_KEYS.insert(
      manager,
      records.flatMap(({ record, keys }) => keys.map((key) => ({ ...key, recordId: record.recordId }))),
      'ON CONFLICT DO NOTHING',
    );
  }

  /** The record is withdrawn or left its entity: no longer checked against new entries (its row stays, as a tombstone of its version). */
  async markLeft(manager: EntityManager, recordId: string): Promise<void> {
    await manager.query('UPDATE checked_records SET left_at = now() WHERE record_id = $1', [recordId]);
    await manager.query('DELETE FROM record_keys WHERE record_id = $1', [recordId]);
  }

  async moveEntities(manager: EntityManager, survivor: string, merged: string[]): Promise<void> {
    if (merged.length === 0) return;
    await manager.query('UPDATE checked_records SET entity_id = $1 WHERE entity_id = ANY($2::uuid[])', [
      survivor,
      merged,
    ]);
  }

  /** Live records whose probes for `dataset` share keys with a new entry, those sharing most first. */
  async candidates(
    manager: EntityManager,
    dataset: DatasetName,
    keys: string[],
    limit: number,
  ): Promise<CheckedRecord[]> {
    if (keys.length === 0) return [];
    const rows: CheckedRow[] = await manager.query(
      `WITH hits AS (
         SELECT hit.record_id, count(*) AS shared
           FROM unnest($2::text[]) AS wanted(key)
           CROSS JOIN LATERAL (SELECT record_id FROM record_keys k WHERE k.dataset = $1 AND k.key = wanted.key LIMIT ${ROWS_PER_KEY}) AS hit
          GROUP BY hit.record_id ORDER BY shared DESC LIMIT $3)
       SELECT c.* FROM hits JOIN checked_records c USING (record_id) WHERE c.left_at IS NULL ORDER BY hits.shared DESC`,
      [dataset, keys, limit],
    );
    return rows.map(toChecked);
  }
}
