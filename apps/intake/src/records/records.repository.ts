/** Intake's `records` table: the records agencies shared, one row per record, its latest version. */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RecordContent } from './shared-record.mapper';

export interface StoredRecord {
  recordId: string;
  owner: string;
  externalRef: string;
  kind: string;
  version: number;
  content: RecordContent;
  contentHash: string;
  reportedAt: Date;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

interface RecordRow {
  record_id: string;
  owner: string;
  external_ref: string;
  kind: string;
  version: number;
  content: RecordContent;
  content_hash: string;
  reported_at: Date;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'record_id, owner, external_ref, kind, version, content, content_hash, reported_at, expires_at, created_at, updated_at';

@Injectable()
export class RecordsRepository {
  async findByExternalRef(manager: EntityManager, owner: string, externalRef: string, lock = false): Promise<StoredRecord | undefined> {
    const rows: RecordRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM records WHERE owner = $1 AND external_ref = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [owner, externalRef],
    );
    return rows[0] && toStored(rows[0]);
  }

  async findById(manager: EntityManager, recordId: string): Promise<StoredRecord | undefined> {
    const rows: RecordRow[] = await manager.query(`SELECT ${COLUMNS} FROM records WHERE record_id = $1`, [recordId]);
    return rows[0] && toStored(rows[0]);
  }

  /** Inserts a new record; returns undefined if the agency shared this externalRef concurrently. */
  async insert(manager: EntityManager, record: Omit<StoredRecord, 'createdAt' | 'updatedAt'>): Promise<StoredRecord | undefined> {
    const rows: RecordRow[] = await manager.query(
      `INSERT INTO records (record_id, owner, external_ref, kind, version, content, content_hash, dissemination, reported_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (owner, external_ref) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        record.recordId,
        record.owner,
        record.externalRef,
        record.kind,
        record.version,
        JSON.stringify(record.content),
        record.contentHash,
        JSON.stringify(record.content.dissemination),
        record.reportedAt,
        record.expiresAt,
      ],
    );
    return rows[0] && toStored(rows[0]);
  }

  async replaceContent(manager: EntityManager, record: StoredRecord): Promise<StoredRecord> {
    const rows: RecordRow[] = await manager.query(
      `UPDATE records SET version = $2, content = $3, content_hash = $4, dissemination = $5, reported_at = $6, expires_at = $7, updated_at = now()
       WHERE record_id = $1 RETURNING ${COLUMNS}`,
      [
        record.recordId,
        record.version,
        JSON.stringify(record.content),
        record.contentHash,
        JSON.stringify(record.content.dissemination),
        record.reportedAt,
        record.expiresAt,
      ],
    );
    return toStored(rows[0]);
  }
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
    reportedAt: row.reported_at,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
