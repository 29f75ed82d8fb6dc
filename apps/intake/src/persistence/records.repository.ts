/** Intake's `records` table: the records agencies shared, one row per record, its latest version. */
import { Injectable } from '@nestjs/common';
import { bulkInsert } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';
import type { NewRecord, RecordContent, StoredRecord } from '../model/record';

interface RecordRow {
  record_id: string;
  owner: string;
  external_ref: string;
  kind: string;
  version: number;
  content: RecordContent;
  content_hash: string;
  identifier_normalized: string | null;
  reported_at: Date;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
}

export interface ListQuery {
  agency: string;
  kind?: string;
  owner?: string;
  identifier?: string;
  before?: { createdAt: Date; recordId: string };
  limit: number;
}

const COLUMNS = `record_id, owner, external_ref, kind, version, content, content_hash, identifier_normalized,
  reported_at, expires_at, created_at, updated_at, withdrawn_at, withdrawal_reason`;

const INSERT_RECORDS = bulkInsert<NewRecord>('records', {
  record_id: ['uuid', (record) => record.recordId],
  owner: ['text', (record) => record.owner],
  external_ref: ['text', (record) => record.externalRef],
  kind: ['text', (record) => record.kind],
  version: ['int', (record) => record.version],
  content: ['jsonb', (record) => record.content],
  content_hash: ['text', (record) => record.contentHash],
  dissemination: ['jsonb', (record) => record.content.dissemination],
  identifier_normalized: ['text', (record) => record.identifierNormalized],
  reported_at: ['timestamptz', (record) => record.reportedAt],
  expires_at: ['timestamptz', (record) => record.expiresAt],
});

/** What an agency may see, in SQL: the same rule as `maySee`, plus expiry and withdrawal. */
const VISIBLE_TO = (agency: string) => `(owner = ${agency} OR (withdrawn_at IS NULL AND expires_at > now() AND (
  dissemination->>'scope' = 'all' OR (dissemination->>'scope' = 'agencies' AND dissemination->'agencies' ? ${agency}))))`;

@Injectable()
export class RecordsRepository {
  async findByExternalRef(
    manager: EntityManager,
    owner: string,
    externalRef: string,
    lock = false,
  ): Promise<StoredRecord | undefined> {
    const rows: RecordRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM records WHERE owner = $1 AND external_ref = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [owner, externalRef],
    );
    return rows[0] && toStored(rows[0]);
  }

  async findById(manager: EntityManager, recordId: string, lock = false): Promise<StoredRecord | undefined> {
    const rows: RecordRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM records WHERE record_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [recordId],
    );
    return rows[0] && toStored(rows[0]);
  }

  async findByExternalRefs(manager: EntityManager, owner: string, externalRefs: string[]): Promise<StoredRecord[]> {
    const rows: RecordRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM records WHERE owner = $1 AND external_ref = ANY($2::text[]) FOR UPDATE`,
      [owner, externalRefs],
    );
    return rows.map(toStored);
  }

  /** Inserts many records in one statement; those whose externalRef was taken meanwhile are left out of the answer. */
  async insertMany(manager: EntityManager, records: NewRecord[]): Promise<StoredRecord[]> {
    // Only what the database decides comes back: re-parsing every row's content costs more than writing it.
    const rows = await INSERT_RECORDS.insert<Pick<RecordRow, 'record_id' | 'created_at' | 'updated_at'>>(
      manager,
      records,
      'ON CONFLICT (owner, external_ref) DO NOTHING RETURNING record_id, created_at, updated_at',
    );
    const written = new Map(records.map((record) => [record.recordId, record]));
    return rows.map((row) => ({
      ...written.get(row.record_id)!,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      withdrawnAt: null,
      withdrawalReason: null,
    }));
  }

  /** A new version of the record; a withdrawn record shared again becomes current again. */
  async replaceContent(manager: EntityManager, record: StoredRecord): Promise<StoredRecord> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE records SET version = $2, content = $3, content_hash = $4, dissemination = $5, identifier_normalized = $6,
         reported_at = $7, expires_at = $8, updated_at = now(), withdrawn_at = NULL, withdrawal_reason = NULL
       WHERE record_id = $1 RETURNING ${COLUMNS}`,
        [
          record.recordId,
          record.version,
          JSON.stringify(record.content),
          record.contentHash,
          JSON.stringify(record.content.dissemination),
          record.identifierNormalized,
          record.reportedAt,
          record.expiresAt,
        ],
      ),
    );
    return toStored(rows[0]);
  }

  async markWithdrawn(manager: EntityManager, recordId: string, reason: string): Promise<StoredRecord> {
    const rows = updatedRows(
      await manager.query(
        `UPDATE records SET withdrawn_at = now(), withdrawal_reason = $2, updated_at = now() WHERE record_id = $1 RETURNING ${COLUMNS}`,
        [recordId, reason],
      ),
    );
    return toStored(rows[0]);
  }

  /** Records past their expiry that are still current, oldest first, locked for this transaction. */
  async claimExpired(manager: EntityManager, limit: number): Promise<StoredRecord[]> {
    const rows: RecordRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM records WHERE withdrawn_at IS NULL AND expires_at <= now()
        ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toStored);
  }

  /** Records the agency may see, newest first. */
  async list(manager: EntityManager, query: ListQuery): Promise<StoredRecord[]> {
    const rows: RecordRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM records
        WHERE ${VISIBLE_TO('$1')}
          AND ($2::text IS NULL OR kind = $2)
          AND ($3::text IS NULL OR owner = $3)
          AND ($4::text IS NULL OR identifier_normalized = $4)
          AND ($5::timestamptz IS NULL OR (created_at, record_id) < ($5, $6::uuid))
        ORDER BY created_at DESC, record_id DESC
        LIMIT $7`,
      [
        query.agency,
        query.kind ?? null,
        query.owner ?? null,
        query.identifier ?? null,
        query.before?.createdAt ?? null,
        query.before?.recordId ?? null,
        query.limit,
      ],
    );
    return rows.map(toStored);
  }
}

/** TypeORM answers an UPDATE ... RETURNING with [rows, count], unlike an INSERT or a SELECT. */
function updatedRows(result: [RecordRow[], number]): RecordRow[] {
  return result[0];
}

function toStored(row: RecordRow): StoredRecord {
  return {
    recordId: row.record_id,
    owner: row.owner,
    externalRef: row.external_ref,
    kind: row.kind,
    version: row.version,
    content: row.content,
    contentHash: row.content_hash,
    identifierNormalized: row.identifier_normalized,
    reportedAt: row.reported_at,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    withdrawnAt: row.withdrawn_at,
    withdrawalReason: row.withdrawal_reason,
  };
}
