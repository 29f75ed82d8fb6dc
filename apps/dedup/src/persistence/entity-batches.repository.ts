/**
 * The set-based reads and writes of resolving a batch of records
 * (resolve-batch.service.ts) over entities.repository's tables: a statement
 * each for all the batch's member rows, all its candidates, and all its new
 * members with their keys, entities and possible duplicates.
 */
import { Injectable } from '@nestjs/common';
import { CANDIDATE_RARE_SQL, CANDIDATE_WEIGHT_SQL, type RecordFacts } from '@crosscheck/resolution';
import { bulkRows, columnsOf } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';
import {
  Candidate,
  Member,
  MemberRow,
  PossibleDuplicate,
  Resolution,
  CANDIDATES_PER_RECORD,
  keyHits,
  DUPLICATE_ROWS,
  DUPLICATE_UPSERT,
  KEY_ROWS,
  MEMBER_COLUMNS,
  MEMBER_ROWS,
  named,
  toMember,
} from './entities.repository';

export interface CandidateQuery {
  recordId: string;
  kind: string;
  keys: string[];
}

/** A record resolved in a batch that had no row before: it joins an entity that exists, or starts one. */
export interface NewMember {
  member: Resolution['member'];
  keys: string[];
  /** The record starts its entity: the entity is created with it. */
  startsEntity: boolean;
  /** The record's place in its batch: its entity's `created_at` and its `joined_at` are the transaction's start plus this many microseconds, so that they keep the batch's order. */
  position: number;
  possibleDuplicates: PossibleDuplicate[];
}

/** A batch's new members: each member row, whether it starts its entity, and its place in the batch. */
const NEW_MEMBER_ROWS = bulkRows<NewMember>({
  ...columnsOf(MEMBER_COLUMNS, (row: NewMember) => row.member),
  starts_entity: ['bool', (row) => row.startsEntity],
  position: ['int', (row) => row.position],
});

// saveNewMembers' parameters: the new members, their keys, the joined entities' ids, their possible duplicates.
const NEW_MEMBERS = (() => {
  const keys = NEW_MEMBER_ROWS.size + 1;
  const joined = keys + KEY_ROWS.size;
  return { keys, joined: `$${joined}`, duplicates: joined + 1 };
})();

@Injectable()
export class EntityBatchesRepository {
  /** The member rows of those records that have one, locked for the rest of the transaction, by lower-case record id. */
  async lockMembers(manager: EntityManager, recordIds: string[]): Promise<Map<string, Member>> {
    if (recordIds.length === 0) return new Map();
    const rows: MemberRow[] = await manager.query(
      named(
        'lock-members',
        'SELECT * FROM entity_members WHERE record_id = ANY($1::uuid[]) ORDER BY record_id FOR UPDATE',
      ),
      [recordIds],
    );
    return new Map(rows.map((row) => [row.record_id.toLowerCase(), toMember(row)]));
  }

  /**
   * `EntitiesRepository.candidates` for several records in one statement: each
   * record's live members of its kind sharing blocking keys with it, best
   * first, at most `limit` each.
   */
  async candidatesOfEach(
    manager: EntityManager,
    queries: CandidateQuery[],
    limit = CANDIDATES_PER_RECORD,
  ): Promise<Candidate[][]> {
    const found: Candidate[][] = queries.map(() => []);
    const asked = queries.map((query, index) => ({ ...query, index })).filter((query) => query.keys.length > 0);
    if (asked.length === 0) return found;
    // Each record's keys are a slice of one array: [first, last], 1-based.
    const bounds: [number, number][] = [];
    let next = 1;
    for (const { keys } of asked) {
      bounds.push([next, next + keys.length - 1]);
      next += keys.length;
    }
    // The candidate lookup of EntitiesRepository.candidates, run once per record in the one statement (a top-N per
    // record costs less than sharing the key lookups and sorting all the batch's hits together).
    const rows: {
      ordinal: number;
      record_id: string;
      entity_id: string;
      facts: RecordFacts;
      shared_keys: number;
      rare: boolean;
      weight: number;
    }[] = await manager.query(
      named(
        'candidates-of-each',
        `SELECT asked.ordinal, m.record_id, m.entity_id, m.facts, hits.shared_keys, hits.rare, hits.weight::float8 AS weight
           FROM unnest($1::int[], $2::int[], $3::uuid[], $4::text[]) WITH ORDINALITY AS asked(first, last, record_id, kind, ordinal)
           CROSS JOIN LATERAL (
             SELECT hit.record_id, count(*)::int AS shared_keys, ${CANDIDATE_WEIGHT_SQL} AS weight,
                    ${CANDIDATE_RARE_SQL} AS rare
               FROM (${keyHits('($5::text[])[asked.first:asked.last]')}) AS hit
              WHERE hit.record_id <> asked.record_id
              GROUP BY hit.record_id
              ORDER BY rare DESC, weight DESC
              LIMIT $6) AS hits
           JOIN entity_members m ON m.record_id = hits.record_id
          WHERE m.kind = asked.kind AND m.withdrawn_at IS NULL AND m.entity_id IS NOT NULL
          ORDER BY asked.ordinal, hits.rare DESC, hits.weight DESC, m.joined_at`,
      ),
      [
        bounds.map(([first]) => first),
        bounds.map(([, last]) => last),
        asked.map((query) => query.recordId),
        asked.map((query) => query.kind),
        asked.flatMap((query) => query.keys),
        limit,
      ],
    );
    for (const row of rows) {
      found[asked[Number(row.ordinal) - 1].index].push({
        recordId: row.record_id,
        entityId: row.entity_id,
        facts: row.facts,
        sharedKeys: row.shared_keys,
        rank: { rare: row.rare, weight: row.weight },
      });
    }
    return found;
  }

  /**
   * Stores records that had no row, in one statement: the entities they start,
   * their member rows, keys and possible duplicates, and `updated_at` of the
   * entities they join. Returns the live members the joined entities had
   * before (the statement's snapshot), oldest first, by entity id: with the
   * batch's own order, each record's event can name its entity's members as
   * they were once it was placed.
   */
  async saveNewMembers(
    manager: EntityManager,
    members: NewMember[],
    joinedEntityIds: string[],
  ): Promise<Map<string, string[]>> {
    if (members.length === 0) return new Map();
    const keys = members.flatMap(({ member, keys }) => keys.map((key) => ({ key, recordId: member.recordId })));
    const duplicates = members.flatMap(({ possibleDuplicates }) => possibleDuplicates);
    const rows: { entity_id: string; record_id: string }[] = await manager.query(
      named(
        'save-new-members',
        `WITH batch AS (
         ${NEW_MEMBER_ROWS.select(1)}
       ), created AS (
         INSERT INTO entities (entity_id, kind, created_at)
         SELECT entity_id, kind, now() + position * interval '1 microsecond' FROM batch WHERE starts_entity
       ), saved AS (
         INSERT INTO entity_members (${MEMBER_ROWS.columnList}, joined_at)
         SELECT ${MEMBER_ROWS.columnList}, now() + position * interval '1 microsecond' FROM batch
       ), fresh_keys AS (
         INSERT INTO member_keys (${KEY_ROWS.columnList}) ${KEY_ROWS.select(NEW_MEMBERS.keys, { distinct: true })}
         ON CONFLICT DO NOTHING
       ), touched AS (
         UPDATE entities SET updated_at = now() WHERE entity_id = ANY(${NEW_MEMBERS.joined}::uuid[])
       ), fresh_duplicates AS (
         INSERT INTO possible_duplicates (${DUPLICATE_ROWS.columnList}) ${DUPLICATE_ROWS.select(NEW_MEMBERS.duplicates)}
         ${DUPLICATE_UPSERT}
       )
       SELECT entity_id, record_id FROM entity_members
        WHERE entity_id = ANY(${NEW_MEMBERS.joined}::uuid[]) AND withdrawn_at IS NULL
        ORDER BY entity_id, joined_at, record_id`,
      ),
      [
        ...NEW_MEMBER_ROWS.parameters(members),
        ...KEY_ROWS.parameters(keys),
        joinedEntityIds,
        ...DUPLICATE_ROWS.parameters(duplicates),
      ],
    );
    const before = new Map<string, string[]>();
    for (const row of rows) {
      const ids = before.get(row.entity_id) ?? [];
      ids.push(row.record_id);
      before.set(row.entity_id, ids);
    }
    return before;
  }
}
