/**
 * Intake's part of a record's journey, from its own tables: the record (ids and
 * state, never content), each accepted change with its trace (from the audit
 * log, its chained lines and those queued to be), and what still waits in the outbox.
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface IntakeJourney {
  recordId: string;
  record: {
    recordId: string;
    owner: string;
    externalRef: string;
    kind: string;
    version: number;
    createdAt: string;
    updatedAt: string;
    withdrawnAt: string | null;
  };
  /** Each accepted share, update or withdrawal, oldest first, with the trace it started. */
  changes: { action: string; at: string; traceId: string | null }[];
  /** Events of this record written but not yet published. */
  outbox: { pending: number; oldestAt: string | null; topics: string[] };
}

const CHANGES = ['record.share', 'record.share-batch', 'record.update', 'record.withdraw'];

@Injectable()
export class RecordJourneyRepository {
  async findRecordId(manager: EntityManager, owner: string, externalRef: string): Promise<string | undefined> {
    const rows: { record_id: string }[] = await manager.query(
      'SELECT record_id FROM records WHERE owner = $1 AND external_ref = $2',
      [owner, externalRef],
    );
    return rows[0]?.record_id;
  }

  async journey(manager: EntityManager, recordId: string): Promise<IntakeJourney | undefined> {
    const records: {
      record_id: string;
      owner: string;
      external_ref: string;
      kind: string;
      version: number;
      created_at: Date;
      updated_at: Date;
      withdrawn_at: Date | null;
    }[] = await manager.query(
      `SELECT record_id, owner, external_ref, kind, version, created_at, updated_at, withdrawn_at
         FROM records WHERE record_id = $1`,
      [recordId],
    );
    const record = records[0];
    if (!record) return undefined;
    const changes: { action: string; at: Date; trace_id: string | null }[] = await manager.query(
      // Chained lines, then those still queued to be chained (libs/auth audit-chain.writer.ts), each in its order.
      `SELECT action, at, trace_id FROM (
         SELECT 0 AS queued, id, action, at, trace_id FROM audit_log
          WHERE record_ids @> ARRAY[$1::text] AND action = ANY($2::text[]) AND outcome = 'ok'
         UNION ALL
         SELECT 1, id, entry->>'action', queued_at, entry->>'traceId' FROM audit_pending
          WHERE entry->'recordIds' ? $1 AND entry->>'action' = ANY($2::text[]) AND entry->>'outcome' = 'ok'
       ) AS changes ORDER BY queued, id`,
      [recordId, CHANGES],
    );
    const [outbox]: { pending: number; oldest_at: Date | null; topics: string[] | null }[] = await manager.query(
      `SELECT count(*)::int AS pending, min(created_at) AS oldest_at, array_agg(DISTINCT topic) AS topics
         FROM outbox WHERE message_key = $1`,
      [recordId],
    );
    return {
      recordId: record.record_id,
      record: {
        recordId: record.record_id,
        owner: record.owner,
        externalRef: record.external_ref,
        kind: record.kind,
        version: record.version,
        createdAt: record.created_at.toISOString(),
        updatedAt: record.updated_at.toISOString(),
        withdrawnAt: record.withdrawn_at?.toISOString() ?? null,
      },
      changes: changes.map((change) => ({
        action: change.action,
        at: change.at.toISOString(),
        traceId: change.trace_id,
      })),
      outbox: {
        pending: outbox.pending,
        oldestAt: outbox.oldest_at?.toISOString() ?? null,
        topics: outbox.pending > 0 ? (outbox.topics ?? []) : [],
      },
    };
  }
}
