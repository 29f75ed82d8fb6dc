/**
 * The append-only audit log: who (agency, key), did what (action), to which
 * records, with what outcome, when, under which trace. Never personal data.
 * Every line is hash-chained to the one before it (audit-chain.ts), so that
 * `npm run audit:verify` finds a line edited or deleted behind the service's back.
 */
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry } from './audit-chain';
import { AuditChainWriter } from './audit-chain.writer';

export interface AuditRow extends AuditEntry {
  id: string;
  at: string;
}

export interface AuditQuery {
  agency?: string;
  action?: string;
  recordId?: string;
  before?: string;
  limit: number;
}

@Injectable()
export class AuditLog implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly chain: AuditChainWriter;
  private readonly logger = new Logger(AuditLog.name);

  constructor(private readonly dataSource: DataSource) {
    this.chain = new AuditChainWriter(dataSource);
  }

  onApplicationBootstrap(): void {
    this.chain.startPolling((error) =>
      this.logger.warn(`audit lines stay queued until the next attempt: ${(error as Error).message}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.chain.stop();
  }

  /** Within the caller's transaction when there is one, so that the line commits, or not, with the work it records. */
  async append(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    if (manager?.queryRunner?.isTransactionActive) return this.chain.appendWithin(manager, entry);
    return this.chain.append(entry);
  }

  /** Newest first; `before` is the id of the last row of the previous page. Queued lines are chained first. */
  async query(query: AuditQuery): Promise<AuditRow[]> {
    await this.chain.chainPending();
    const rows: {
      id: string;
      at: Date;
      agency: string | null;
      key_id: string | null;
      action: string;
      record_ids: string[];
      outcome: AuditEntry['outcome'];
      status: number;
      trace_id: string | null;
      detail: string | null;
    }[] = await this.dataSource.query(
      `SELECT * FROM audit_log
          WHERE ($1::text IS NULL OR agency = $1) AND ($2::text IS NULL OR action = $2)
            AND ($3::text IS NULL OR $3 = ANY(record_ids)) AND ($4::bigint IS NULL OR id < $4)
          ORDER BY id DESC LIMIT $5`,
      [query.agency ?? null, query.action ?? null, query.recordId ?? null, query.before ?? null, query.limit],
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      agency: row.agency,
      keyId: row.key_id,
      action: row.action,
      recordIds: row.record_ids,
      outcome: row.outcome,
      status: row.status,
      traceId: row.trace_id,
      detail: row.detail,
    }));
  }
}
