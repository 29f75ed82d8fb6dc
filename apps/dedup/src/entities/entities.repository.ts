/** dedup's entities and their member records, with the facts each member was resolved on. */
import { Injectable } from '@nestjs/common';
import type { PersonFacts } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';

export interface Member {
  recordId: string;
  entityId: string;
  owner: string;
  recordVersion: number;
  blockingKey: string;
  facts: PersonFacts;
}

interface MemberRow {
  record_id: string;
  entity_id: string;
  owner: string;
  record_version: number;
  blocking_key: string;
  facts: PersonFacts;
}

const toMember = (row: MemberRow): Member => ({
  recordId: row.record_id,
  entityId: row.entity_id,
  owner: row.owner,
  recordVersion: row.record_version,
  blockingKey: row.blocking_key,
  facts: row.facts,
});

@Injectable()
export class EntitiesRepository {
  async findMember(manager: EntityManager, recordId: string): Promise<Member | undefined> {
    const rows: MemberRow[] = await manager.query('SELECT * FROM entity_members WHERE record_id = $1 FOR UPDATE', [recordId]);
    return rows[0] && toMember(rows[0]);
  }

  /** Members sharing a blocking key: the candidates. Never the whole table. */
  async candidates(manager: EntityManager, blockingKey: string, excludeRecordId: string, limit = 50): Promise<Member[]> {
    const rows: MemberRow[] = await manager.query(
      'SELECT * FROM entity_members WHERE blocking_key = $1 AND record_id <> $2 ORDER BY joined_at LIMIT $3',
      [blockingKey, excludeRecordId, limit],
    );
    return rows.map(toMember);
  }

  async createEntity(manager: EntityManager, entityId: string, kind: string): Promise<void> {
    await manager.query('INSERT INTO entities (entity_id, kind) VALUES ($1, $2)', [entityId, kind]);
  }

  async upsertMember(manager: EntityManager, member: Member): Promise<void> {
    await manager.query(
      `INSERT INTO entity_members (record_id, entity_id, owner, record_version, blocking_key, facts)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (record_id) DO UPDATE SET entity_id = EXCLUDED.entity_id, record_version = EXCLUDED.record_version,
         blocking_key = EXCLUDED.blocking_key, facts = EXCLUDED.facts`,
      [member.recordId, member.entityId, member.owner, member.recordVersion, member.blockingKey, JSON.stringify(member.facts)],
    );
    await manager.query('UPDATE entities SET updated_at = now() WHERE entity_id = $1', [member.entityId]);
  }

  async memberRecordIds(manager: EntityManager, entityId: string): Promise<string[]> {
    const rows: { record_id: string }[] = await manager.query('SELECT record_id FROM entity_members WHERE entity_id = $1 ORDER BY joined_at', [entityId]);
    return rows.map((row) => row.record_id);
  }
}
