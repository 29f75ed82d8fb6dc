/**
 * Intake's `idempotency_keys` table: the answer a batch got under an agency's
 * Idempotency-Key, with a hash of the request, so that a retry gets the same
 * answer and a different request under the same key is refused.
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface KeptAnswer<Body> {
  requestHash: string;
  status: number;
  body: Body;
}

@Injectable()
export class IdempotencyKeysRepository {
  async find<Body>(manager: EntityManager, agency: string, key: string): Promise<KeptAnswer<Body> | undefined> {
    const rows: { request_hash: string; status: number; response: Body }[] = await manager.query(
      'SELECT request_hash, status, response FROM idempotency_keys WHERE agency = $1 AND key = $2',
      [agency, key],
    );
    return rows[0] && { requestHash: rows[0].request_hash, status: rows[0].status, body: rows[0].response };
  }

  /** Keeps the answer; false when a concurrent request kept one under the same key first. */
  async keep<Body>(manager: EntityManager, agency: string, key: string, answer: KeptAnswer<Body>): Promise<boolean> {
    const kept: unknown[] = await manager.query(
      `INSERT INTO idempotency_keys (agency, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agency, key) DO NOTHING RETURNING key`,
      [agency, key, answer.requestHash, answer.status, JSON.stringify(answer.body)],
    );
    return kept.length > 0;
  }
}
