/** Notice and diffusion requests and their decisions, and the quotas of pilot colours. */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NoticeRequestInput, RequestStatus, RequestType } from '../model/notice-request';
import type { NoticeColourName } from '../model/reference-line.schema';

export interface StoredRequest {
  requestId: string;
  requester: string;
  type: RequestType;
  colour: NoticeColourName;
  request: NoticeRequestInput;
  status: RequestStatus;
  entryId: string | null;
  decision: { reviewer: string; reason: string; forbiddenGround: string | null; decidedAt: string } | null;
  cancellation: { reason: string; cancelledAt: string } | null;
  createdAt: string;
}

export interface Quota {
  colour: NoticeColourName;
  total: number;
  participants: string[];
}

interface RequestRow {
  request_id: string;
  requester: string;
  type: RequestType;
  colour: NoticeColourName;
  request: NoticeRequestInput;
  status: RequestStatus;
  entry_id: string | null;
  reviewer: string | null;
  decision_reason: string | null;
  forbidden_ground: string | null;
  decided_at: Date | null;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  created_at: Date;
}

const toRequest = (row: RequestRow): StoredRequest => ({
  requestId: row.request_id,
  requester: row.requester,
  type: row.type,
  colour: row.colour,
  request: row.request,
  status: row.status,
  entryId: row.entry_id,
  decision:
    row.reviewer && row.decided_at
      ? {
          reviewer: row.reviewer,
          reason: row.decision_reason ?? '',
          forbiddenGround: row.forbidden_ground,
          decidedAt: row.decided_at.toISOString(),
        }
      : null,
  cancellation: row.cancelled_at
    ? { reason: row.cancel_reason ?? '', cancelledAt: row.cancelled_at.toISOString() }
    : null,
  createdAt: row.created_at.toISOString(),
});

@Injectable()
export class NoticeRequestsRepository {
  async insert(
    manager: EntityManager,
    request: { requestId: string; requester: string; body: NoticeRequestInput },
  ): Promise<StoredRequest> {
    const rows: RequestRow[] = await manager.query(
      `INSERT INTO notice_requests (request_id, requester, type, colour, request) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [request.requestId, request.requester, request.body.type, request.body.colour, JSON.stringify(request.body)],
    );
    return toRequest(rows[0]);
  }

  /** The request, locked for a decision or a cancellation when `forUpdate`. */
  async find(manager: EntityManager, requestId: string, forUpdate = false): Promise<StoredRequest | undefined> {
    const rows: RequestRow[] = await manager.query(
      `SELECT * FROM notice_requests WHERE request_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [requestId],
    );
    return rows[0] && toRequest(rows[0]);
  }

  /** Newest first; one requester's, or everyone's (a reviewer's queue). */
  async list(
    manager: EntityManager,
    filter: { requester?: string; status?: RequestStatus; before?: string; limit: number },
  ): Promise<StoredRequest[]> {
    const rows: RequestRow[] = await manager.query(
      `SELECT * FROM notice_requests
        WHERE ($1::text IS NULL OR requester = $1) AND ($2::text IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR created_at < $3)
        ORDER BY created_at DESC LIMIT $4`,
      [filter.requester ?? null, filter.status ?? null, filter.before ?? null, filter.limit],
    );
    return rows.map(toRequest);
  }

  async decide(
    manager: EntityManager,
    requestId: string,
    decision: {
      status: 'approved' | 'refused';
      reviewer: string;
      reason: string;
      forbiddenGround?: string;
      entryId?: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE notice_requests SET status = $2, reviewer = $3, decision_reason = $4, forbidden_ground = $5,
              entry_id = $6, decided_at = now() WHERE request_id = $1`,
      [
        requestId,
        decision.status,
        decision.reviewer,
        decision.reason,
        decision.forbiddenGround ?? null,
        decision.entryId ?? null,
      ],
    );
  }

  async cancel(manager: EntityManager, requestId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE notice_requests SET status = 'cancelled', cancel_reason = $2, cancelled_at = now() WHERE request_id = $1`,
      [requestId, reason],
    );
  }

  /** The colour's quota, locked so that two requests cannot both take the last place. */
  async quotaForUpdate(manager: EntityManager, colour: NoticeColourName): Promise<Quota | undefined> {
    const rows: { colour: NoticeColourName; total: number; participants: string[] }[] = await manager.query(
      'SELECT colour, total, participants FROM notice_quotas WHERE colour = $1 FOR UPDATE',
      [colour],
    );
    return rows[0];
  }

  async quotas(manager: EntityManager): Promise<Quota[]> {
    return manager.query('SELECT colour, total, participants FROM notice_quotas ORDER BY colour');
  }

  async setQuota(manager: EntityManager, quota: Quota): Promise<void> {
    await manager.query(
      `INSERT INTO notice_quotas (colour, total, participants) VALUES ($1, $2, $3)
       ON CONFLICT (colour) DO UPDATE SET total = EXCLUDED.total, participants = EXCLUDED.participants, updated_at = now()`,
      [quota.colour, quota.total, quota.participants],
    );
  }

  /** Notices of the colour the agency holds or has asked for: pending and approved requests count against a share. */
  async countTowardsQuota(manager: EntityManager, requester: string, colour: NoticeColourName): Promise<number> {
    const rows: { count: string }[] = await manager.query(
      `SELECT count(*) FROM notice_requests
        WHERE requester = $1 AND colour = $2 AND type = 'notice' AND status IN ('pending', 'approved')`,
      [requester, colour],
    );
    return Number(rows[0].count);
  }
}
