/**
 * Alerting's `dead_letters` (every message a consumer gave up on, read from
 * the `<topic>.dlq` topics; stored once per dead-letter offset) and
 * `dead_letter_actions` (each replay and discard: who, why, when).
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { DeadLetterListSql, DeadLetterStatus } from '../model/dead-letter-query';

export interface DeadLetterAction {
  action: 'replay' | 'discard';
  agency: string;
  keyId: string;
  reason: string;
  traceId: string | null;
  at: string;
}

/** What operators see of a dead letter: where it failed and why, never the message's content. */
export interface DeadLetterSummary {
  deadLetterId: string;
  /** The dead letter itself: `<topic>.dlq/<partition>/<offset>`. */
  source: { topic: string; partition: number; offset: string };
  topic: string;
  partition: number;
  offset: string;
  key: string;
  messageId: string | null;
  schema: string | null;
  traceId: string | null;
  error: string;
  attempts: number;
  consumerGroup: string;
  failedAt: string;
  valueBytes: number;
  status: DeadLetterStatus;
  replays: number;
  updatedAt: string;
}

/** A dead letter with what a replay sends back. */
export interface StoredDeadLetter extends DeadLetterSummary {
  keyBytes: Buffer;
  value: Buffer;
  headers: Record<string, string>;
}

export interface NewDeadLetter {
  source: { topic: string; partition: number; offset: string };
  topic: string;
  partition: number;
  offset: string;
  key: Uint8Array;
  value: Uint8Array;
  headers: Record<string, string>;
  error: string;
  attempts: number;
  consumerGroup: string;
  failedAt: Date;
}

interface DeadLetterRow {
  dead_letter_id: string;
  dlq_topic: string;
  dlq_partition: number;
  dlq_offset: string;
  topic: string;
  partition: number;
  offset: string;
  message_key: Buffer;
  value: Buffer;
  headers: Record<string, string>;
  message_id: string | null;
  trace_id: string | null;
  error: string;
  attempts: number;
  consumer_group: string;
  failed_at: Date;
  status: DeadLetterStatus;
  replays: number;
  updated_at: Date;
}

@Injectable()
export class DeadLettersRepository {
  /** Stores a dead letter read from its topic; a second read of the same offset changes nothing. */
  async record(manager: EntityManager, letter: NewDeadLetter): Promise<void> {
    await manager.query(
      `INSERT INTO dead_letters (dlq_topic, dlq_partition, dlq_offset, topic, partition, "offset", message_key, value,
                                 headers, message_id, trace_id, error, attempts, consumer_group, failed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO NOTHING`,
      [
        letter.source.topic,
        letter.source.partition,
        letter.source.offset,
        letter.topic,
        letter.partition,
        letter.offset,
        Buffer.from(letter.key),
        Buffer.from(letter.value),
        letter.headers,
        letter.headers['message-id'] ?? null,
        traceIdOf(letter.headers),
        letter.error,
        letter.attempts,
        letter.consumerGroup,
        letter.failedAt,
      ],
    );
  }

  async list(manager: EntityManager, sql: DeadLetterListSql): Promise<DeadLetterSummary[]> {
    const rows: DeadLetterRow[] = await manager.query(
      `SELECT * FROM dead_letters ${sql.where} ORDER BY dead_letter_id DESC LIMIT ${sql.limit}`,
      sql.values,
    );
    return rows.map(toSummary);
  }

  async find(manager: EntityManager, deadLetterId: string, lock = false): Promise<StoredDeadLetter | undefined> {
    const rows: DeadLetterRow[] = await manager.query(
      `SELECT * FROM dead_letters WHERE dead_letter_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [deadLetterId],
    );
    const row = rows[0];
    return row && { ...toSummary(row), keyBytes: row.message_key, value: row.value, headers: row.headers };
  }

  async actions(manager: EntityManager, deadLetterId: string): Promise<DeadLetterAction[]> {
    const rows: {
      action: 'replay' | 'discard';
      agency: string;
      key_id: string;
      reason: string;
      trace_id: string | null;
      at: Date;
    }[] = await manager.query('SELECT * FROM dead_letter_actions WHERE dead_letter_id = $1 ORDER BY action_id', [
      deadLetterId,
    ]);
    return rows.map((row) => ({
      action: row.action,
      agency: row.agency,
      keyId: row.key_id,
      reason: row.reason,
      traceId: row.trace_id,
      at: row.at.toISOString(),
    }));
  }

  /** Records the action and moves the dead letter to the status it leads to. */
  async act(manager: EntityManager, deadLetterId: string, action: Omit<DeadLetterAction, 'at'>): Promise<void> {
    await manager.query(
      `INSERT INTO dead_letter_actions (dead_letter_id, action, agency, key_id, reason, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [deadLetterId, action.action, action.agency, action.keyId, action.reason, action.traceId],
    );
    await manager.query(
      action.action === 'replay'
        ? `UPDATE dead_letters SET status = 'replayed', replays = replays + 1, updated_at = now() WHERE dead_letter_id = $1`
        : `UPDATE dead_letters SET status = 'discarded', updated_at = now() WHERE dead_letter_id = $1`,
      [deadLetterId],
    );
  }

  /** Dead letters not yet replayed or discarded, per original topic: what the health view counts. */
  async pendingByTopic(manager: EntityManager): Promise<Record<string, number>> {
    const rows: { topic: string; pending: number }[] = await manager.query(
      `SELECT topic, count(*)::int AS pending FROM dead_letters WHERE status = 'pending' GROUP BY topic`,
    );
    return Object.fromEntries(rows.map((row) => [row.topic, row.pending]));
  }
}

/** The trace id of a W3C `traceparent` header (`00-<trace id>-<span id>-<flags>`). */
function traceIdOf(headers: Record<string, string>): string | null {
  const match = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(headers.traceparent ?? '');
  return match ? match[1] : null;
}

function toSummary(row: DeadLetterRow): DeadLetterSummary {
  return {
    deadLetterId: String(row.dead_letter_id),
    source: { topic: row.dlq_topic, partition: row.dlq_partition, offset: String(row.dlq_offset) },
    topic: row.topic,
    partition: row.partition,
    offset: String(row.offset),
    key: row.message_key.toString('utf8'),
    messageId: row.message_id,
    schema: row.headers.schema ?? null,
    traceId: row.trace_id,
    error: row.error,
    attempts: row.attempts,
    consumerGroup: row.consumer_group,
    failedAt: row.failed_at.toISOString(),
    valueBytes: row.value.length,
    status: row.status,
    replays: row.replays,
    updatedAt: row.updated_at.toISOString(),
  };
}
