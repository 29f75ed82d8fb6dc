/**
 * dedup's entities and their member records: each member with the facts it
 * was resolved on, its blocking keys, and the record as last received. Merged
 * entities keep their row and point at the survivor; withdrawn records keep a
 * tombstone so a late copy of them is ignored.
 */
import { Injectable } from '@nestjs/common';
import type { DisseminationRule } from '@crosscheck/auth';
import {
  CANDIDATE_RARE_SQL,
  CANDIDATE_WEIGHT_SQL,
  type CandidateStanding,
  type FeatureEvidence,
  keyReadSql,
  keyRowsReadBeforeSql,
  type RecordFacts,
  ROWS_PER_KEY,
} from '@crosscheck/resolution';
import { type BulkColumn, bulkInsert, bulkRows } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';

export interface Member {
  recordId: string;
  /** null once the record was withdrawn. */
  entityId: string | null;
  kind: string;
  owner: string;
  dissemination: DisseminationRule;
  recordVersion: number;
  facts: RecordFacts;
  /** The SharedRecord as last received, protobuf-encoded. */
  record: Uint8Array | null;
  decision: string;
  score: number;
  explanation: FeatureEvidence[];
  joinedAt: Date;
  withdrawnAt: Date | null;
}

/** A live member that may be the same subject: what scoring needs of it, and no more of the row (its record and explanation are not read). */
export interface Candidate {
  recordId: string;
  entityId: string;
  facts: RecordFacts;
  /** How many blocking keys it shares with the record being resolved. */
  sharedKeys: number;
  /** Where the candidate lookup ranked it (a batch's lookup says; candidate-ranking.ts in libs/resolution). */
  rank?: CandidateStanding;
}

/** Everything resolving a record writes, for `saveResolution`. */
export interface Resolution {
  member: MemberValues & { entityId: string };
  keys: string[];
  /** The record starts a new entity (`member.entityId`) of this kind. */
  newEntityKind?: string;
  possibleDuplicates: PossibleDuplicate[];
  /** The record's place in its batch (0 alone): a new entity's `created_at` and a new `joined_at` are the transaction's start plus this many microseconds. */
  position?: number;
}

export interface PossibleDuplicate {
  recordId: string;
  entityId: string;
  score: number;
  explanation: FeatureEvidence[];
}

export interface EntityRow {
  entityId: string;
  kind: string;
  createdAt: Date;
  mergedInto: string | null;
}

export interface MemberRow {
  record_id: string;
  entity_id: string | null;
  kind: string;
  owner: string;
  dissemination: DisseminationRule;
  record_version: number;
  facts: RecordFacts;
  record: Buffer | null;
  decision: string;
  score: number;
  explanation: FeatureEvidence[];
  joined_at: Date;
  withdrawn_at: Date | null;
}

export const toMember = (row: MemberRow): Member => ({
  recordId: row.record_id,
  entityId: row.entity_id,
  kind: row.kind,
  owner: row.owner,
  dissemination: row.dissemination,
  recordVersion: row.record_version,
  facts: row.facts,
  record: row.record,
  decision: row.decision,
  score: row.score,
  explanation: row.explanation,
  joinedAt: row.joined_at,
  withdrawnAt: row.withdrawn_at,
});

/** Candidates a record's lookup keeps, alone or in a batch. */
export const CANDIDATES_PER_RECORD = 50;

/**
 * The keys the candidate lookup reads of those in `keys` (an SQL text[] expression, one record's), each with its
 * count as `rows`: the keys libs/resolution keysRead says, rarest first up to a budget of rows, none more than
 * ROWS_PER_KEY members carry unless the record has no rarer one (migration 1763800000940 keeps the counts).
 */
export function keysReadOf(keys: string): string {
  return `SELECT asked.key, asked.rows
            FROM (SELECT counted.key, counted.rows, ${keyRowsReadBeforeSql('counted.key', 'counted.rows')} AS read_before
                    FROM key_counts AS counted WHERE counted.key = ANY(${keys}) AND counted.rows > 0) AS asked
           WHERE ${keyReadSql('asked.rows', 'asked.read_before')}`;
}

/**
 * The members the candidate lookup reads for the keys in `keys` (an SQL text[] expression, one record's), with each
 * key's count as `key_rows`: ROWS_PER_KEY at most of each key keysReadOf says. The LIMIT holds while a count catches
 * up.
 */
export function keyHits(keys: string): string {
  return `SELECT capped.record_id, asked.rows AS key_rows
            FROM (${keysReadOf(keys)}) AS asked
            CROSS JOIN LATERAL (SELECT record_id FROM member_keys WHERE member_keys.key = asked.key LIMIT ${ROWS_PER_KEY}) AS capped`;
}

/** The members' facts and keys, as derivation_revisions names them (resolve-record/member-derivation.ts). */
export const MEMBER_DERIVATION_NAME = 'entity_members';

/**
 * A statement Postgres parses and plans once per connection rather than at
 * every call, for the few that resolving runs for every record: planning the
 * candidate lookup alone costs about as much as running it. TypeORM hands a
 * query to pg as it is, and pg takes a `{ name, text }` in a query's place;
 * results and errors (QueryFailedError) are as with plain text.
 */
export function named(name: string, text: string): string {
  return { name: `dedup.${name}`, text } as unknown as string;
}

/** A member row as written: what `Member` holds but the times, which the database sets. */
export type MemberValues = Omit<Member, 'joinedAt' | 'withdrawnAt'>;

/** entity_members' written columns, declared once for every statement that writes members. */
export const MEMBER_COLUMNS: Readonly<Record<string, BulkColumn<MemberValues>>> = {
  record_id: ['uuid', (member) => member.recordId],
  entity_id: ['uuid', (member) => member.entityId],
  kind: ['text', (member) => member.kind],
  owner: ['text', (member) => member.owner],
  dissemination: ['jsonb', (member) => member.dissemination],
  record_version: ['int', (member) => member.recordVersion],
  facts: ['jsonb', (member) => member.facts],
  record: ['bytea', (member) => member.record],
  decision: ['text', (member) => member.decision],
  score: ['real', (member) => member.score],
  explanation: ['jsonb', (member) => member.explanation],
};
export const MEMBER_ROWS = bulkRows(MEMBER_COLUMNS);

export const KEY_COLUMNS: Readonly<Record<string, BulkColumn<{ key: string; recordId: string }>>> = {
  key: ['text', (row) => row.key],
  record_id: ['uuid', (row) => row.recordId],
};
export const KEY_ROWS = bulkRows(KEY_COLUMNS);
const INSERT_KEYS = bulkInsert('member_keys', KEY_COLUMNS, { distinct: true });

export const DUPLICATE_ROWS = bulkRows<PossibleDuplicate>({
  record_id: ['uuid', (duplicate) => duplicate.recordId],
  entity_id: ['uuid', (duplicate) => duplicate.entityId],
  score: ['real', (duplicate) => duplicate.score],
  explanation: ['jsonb', (duplicate) => duplicate.explanation],
});

/** A member row's update when its record comes again: `joined_at` moves only with the entity. */
export const MEMBER_UPSERT = `ON CONFLICT (record_id) DO UPDATE SET
           entity_id = EXCLUDED.entity_id, dissemination = EXCLUDED.dissemination, record_version = EXCLUDED.record_version,
           facts = EXCLUDED.facts, record = EXCLUDED.record, decision = EXCLUDED.decision, score = EXCLUDED.score,
           explanation = EXCLUDED.explanation,
           joined_at = CASE WHEN entity_members.entity_id IS DISTINCT FROM EXCLUDED.entity_id
                            THEN EXCLUDED.joined_at ELSE entity_members.joined_at END`;

/** A possible duplicate found again keeps its row with the new score and explanation. */
export const DUPLICATE_UPSERT =
  'ON CONFLICT (record_id, entity_id) DO UPDATE SET score = EXCLUDED.score, explanation = EXCLUDED.explanation';

// saveResolution's parameters: the member row, its possible duplicates, then these.
const RESOLUTION = (() => {
  const duplicates = MEMBER_ROWS.size + 1;
  const next = duplicates + DUPLICATE_ROWS.size;
  const [recordId, entityId, newEntityKind, keys, position] = [0, 1, 2, 3, 4].map((offset) => `$${next + offset}`);
  return { duplicates, recordId, entityId, newEntityKind, keys, position };
})();

@Injectable()
export class EntitiesRepository {
  /** The record's member row, locked for the rest of the transaction. */
  async lockMember(manager: EntityManager, recordId: string): Promise<Member | undefined> {
    const rows: MemberRow[] = await manager.query(
      named('lock-member', 'SELECT * FROM entity_members WHERE record_id = $1 FOR UPDATE'),
      [recordId],
    );
    return rows[0] && toMember(rows[0]);
  }

  async findMember(manager: EntityManager, recordId: string): Promise<Member | undefined> {
    const rows: MemberRow[] = await manager.query(
      'SELECT * FROM entity_members WHERE record_id = $1 AND withdrawn_at IS NULL',
      [recordId],
    );
    return rows[0] && toMember(rows[0]);
  }

  /**
   * Live members of the same kind sharing blocking keys with the record, best
   * first by the candidate stage's one ranking (candidate-ranking.ts in
   * libs/resolution: a rare key shared first, then the most keys, each
   * weighted by its rarity). The keys read (keyHits) name at most a budget of
   * rows, so the cost does not grow with the number of stored entities.
   */
  async candidates(
    manager: EntityManager,
    kind: string,
    keys: string[],
    excludeRecordId: string,
    limit = CANDIDATES_PER_RECORD,
  ): Promise<Candidate[]> {
    if (keys.length === 0) return [];
    const rows: { record_id: string; entity_id: string; facts: RecordFacts; shared_keys: number }[] =
      await manager.query(
        named(
          'candidates',
          `WITH hits AS (
         SELECT hit.record_id, count(*)::int AS shared_keys, ${CANDIDATE_WEIGHT_SQL} AS weight,
                ${CANDIDATE_RARE_SQL} AS rare
           FROM (${keyHits('$1::text[]')}) AS hit
          WHERE hit.record_id <> $2
          GROUP BY hit.record_id
          ORDER BY rare DESC, weight DESC
          LIMIT $4)
       SELECT m.record_id, m.entity_id, m.facts, hits.shared_keys FROM hits JOIN entity_members m USING (record_id)
        WHERE m.kind = $3 AND m.withdrawn_at IS NULL AND m.entity_id IS NOT NULL
        ORDER BY hits.rare DESC, hits.weight DESC, m.joined_at`,
        ),
        [keys, excludeRecordId, kind, limit],
      );
    return rows.map((row) => ({
      recordId: row.record_id,
      entityId: row.entity_id,
      facts: row.facts,
      sharedKeys: row.shared_keys,
    }));
  }

  /** Live members of an entity, oldest first. */
  async members(manager: EntityManager, entityId: string): Promise<Member[]> {
    const rows: MemberRow[] = await manager.query(
      'SELECT * FROM entity_members WHERE entity_id = $1 AND withdrawn_at IS NULL ORDER BY joined_at, record_id',
      [entityId],
    );
    return rows.map(toMember);
  }

  /** The live members of each of the entities, oldest first: what `members` answers, for many at once. */
  async membersOf(manager: EntityManager, entityIds: string[]): Promise<Map<string, Member[]>> {
    const rows: MemberRow[] = await manager.query(
      'SELECT * FROM entity_members WHERE entity_id = ANY($1::uuid[]) AND withdrawn_at IS NULL ORDER BY joined_at, record_id',
      [entityIds],
    );
    const members = new Map<string, Member[]>(entityIds.map((entityId) => [entityId, []]));
    for (const row of rows) members.get(row.entity_id!)?.push(toMember(row));
    return members;
  }

  async memberRecordIds(manager: EntityManager, entityId: string): Promise<string[]> {
    const rows: { record_id: string }[] = await manager.query(
      'SELECT record_id FROM entity_members WHERE entity_id = $1 AND withdrawn_at IS NULL ORDER BY joined_at, record_id',
      [entityId],
    );
    return rows.map((row) => row.record_id);
  }

  /**
   * Locks entities in id order (so two resolutions touching the same entities
   * never deadlock) and returns them oldest first: the first is the survivor
   * of a merge.
   */
  async lockEntities(manager: EntityManager, entityIds: string[]): Promise<EntityRow[]> {
    if (entityIds.length === 0) return [];
    const rows: { entity_id: string; kind: string; created_at: Date; merged_into: string | null }[] =
      await manager.query(
        named(
          'lock-entities',
          'SELECT entity_id, kind, created_at, merged_into FROM entities WHERE entity_id = ANY($1::uuid[]) ORDER BY entity_id FOR UPDATE',
        ),
        [entityIds],
      );
    return rows
      .map((row) => ({
        entityId: row.entity_id,
        kind: row.kind,
        createdAt: row.created_at,
        mergedInto: row.merged_into,
      }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.entityId.localeCompare(b.entityId));
  }

  /** Moves the members of `merged` into `survivor`; the merged ids (and ids merged into them earlier) now redirect there. */
  async merge(manager: EntityManager, survivor: string, merged: string[]): Promise<void> {
    if (merged.length === 0) return;
    await manager.query('UPDATE entity_members SET entity_id = $1 WHERE entity_id = ANY($2::uuid[])', [
      survivor,
      merged,
    ]);
    await manager.query(
      'UPDATE entities SET merged_into = $1, updated_at = now() WHERE entity_id = ANY($2::uuid[]) OR merged_into = ANY($2::uuid[])',
      [survivor, merged],
    );
    // A possible duplicate of a merged entity is one of the survivor now; one inside the survivor is no longer possible, it is certain.
    // A record may resemble several of the merged entities: its best pair stands for all (one row per record, or the upsert would
    // touch the same row twice and fail).
    await manager.query(
      `INSERT INTO possible_duplicates (record_id, entity_id, score, explanation)
         SELECT DISTINCT ON (record_id) record_id, $1, score, explanation FROM possible_duplicates WHERE entity_id = ANY($2::uuid[])
          ORDER BY record_id, score DESC
       ON CONFLICT (record_id, entity_id) DO UPDATE SET score = GREATEST(possible_duplicates.score, EXCLUDED.score)`,
      [survivor, merged],
    );
    await manager.query('DELETE FROM possible_duplicates WHERE entity_id = ANY($1::uuid[])', [merged]);
    await manager.query(
      'DELETE FROM possible_duplicates p USING entity_members m WHERE p.record_id = m.record_id AND m.entity_id = p.entity_id',
    );
  }

  /** Where an entity id leads: itself, or the entity it was merged into. */
  async resolveEntityId(manager: EntityManager, entityId: string): Promise<string | undefined> {
    const rows: { entity_id: string; merged_into: string | null }[] = await manager.query(
      'SELECT entity_id, merged_into FROM entities WHERE entity_id = $1',
      [entityId],
    );
    return rows[0] && (rows[0].merged_into ?? rows[0].entity_id);
  }

  async saveMember(manager: EntityManager, member: MemberValues, keys: string[]): Promise<void> {
    await manager.query(
      `INSERT INTO entity_members (${MEMBER_ROWS.columnList}, joined_at) SELECT *, now() FROM (${MEMBER_ROWS.select()}) AS batch
       ${MEMBER_UPSERT}`,
      MEMBER_ROWS.parameters([member]),
    );
    await manager.query('DELETE FROM member_keys WHERE record_id = $1', [member.recordId]);
    await INSERT_KEYS.insert(
      manager,
      keys.map((key) => ({ key, recordId: member.recordId })),
      'ON CONFLICT DO NOTHING',
    );
    if (member.entityId)
      await manager.query('UPDATE entities SET updated_at = now() WHERE entity_id = $1', [member.entityId]);
  }

  /**
   * Stores a resolved record and returns its entity's live member ids, oldest
   * first. One statement doing what these would, one after another: create the
   * entity (when the record starts one), `saveMember`, replace the record's
   * possible duplicates, and read `memberRecordIds`. Resolving is a round trip
   * per statement, so this is most of its writing in one.
   *
   * The parts of one statement share a snapshot, hence: keys and possible
   * duplicates that stay are left or updated in place rather than deleted and
   * inserted again (the rows end the same); the new entity's `updated_at` is its
   * default, now(), the very value the update would set; and the member ids are
   * the entity's other live members as they were, with the record's row as the
   * upsert returns it. Foreign keys are checked at the end of the statement,
   * when the entity and member rows are in.
   */
  async saveResolution(
    manager: EntityManager,
    { member, keys, newEntityKind, possibleDuplicates, position = 0 }: Resolution,
  ): Promise<string[]> {
    const { recordId, entityId, newEntityKind: kindOfNew, keys: keyList, position: at } = RESOLUTION;
    const rows: { record_id: string }[] = await manager.query(
      named(
        'save-resolution',
        `WITH created AS (
         INSERT INTO entities (entity_id, kind, created_at)
         SELECT ${entityId}::uuid, ${kindOfNew}::text, now() + ${at}::int * interval '1 microsecond' WHERE ${kindOfNew}::text IS NOT NULL
       ), saved AS (
         INSERT INTO entity_members (${MEMBER_ROWS.columnList}, joined_at)
         SELECT *, now() + ${at}::int * interval '1 microsecond' FROM (${MEMBER_ROWS.select()}) AS batch
         ${MEMBER_UPSERT}
         RETURNING record_id, entity_id, joined_at, withdrawn_at
       ), stale_keys AS (
         DELETE FROM member_keys WHERE record_id = ${recordId}::uuid AND key <> ALL (${keyList}::text[])
       ), fresh_keys AS (
         INSERT INTO member_keys (key, record_id) SELECT DISTINCT unnest(${keyList}::text[]), ${recordId}::uuid ON CONFLICT DO NOTHING
       ), touched AS (
         UPDATE entities SET updated_at = now() WHERE entity_id = ${entityId}::uuid
       ), duplicates AS (
         ${DUPLICATE_ROWS.select(RESOLUTION.duplicates)}
       ), stale_duplicates AS (
         DELETE FROM possible_duplicates
          WHERE record_id = ${recordId}::uuid AND entity_id NOT IN (SELECT entity_id FROM duplicates)
       ), fresh_duplicates AS (
         INSERT INTO possible_duplicates (${DUPLICATE_ROWS.columnList}) SELECT * FROM duplicates ${DUPLICATE_UPSERT}
       )
       SELECT record_id FROM (
         SELECT record_id, joined_at FROM entity_members
          WHERE entity_id = ${entityId}::uuid AND withdrawn_at IS NULL AND record_id <> ${recordId}::uuid
         UNION ALL
         SELECT record_id, joined_at FROM saved WHERE entity_id = ${entityId}::uuid AND withdrawn_at IS NULL
       ) AS members
       ORDER BY joined_at, record_id`,
      ),
      [
        ...MEMBER_ROWS.parameters([member]),
        ...DUPLICATE_ROWS.parameters(possibleDuplicates),
        member.recordId,
        member.entityId,
        newEntityKind ?? null,
        keys,
        position,
      ],
    );
    return rows.map((row) => row.record_id);
  }

  /** The record leaves its entity for good; its row stays as a tombstone at the withdrawn version. */
  async withdrawMember(manager: EntityManager, recordId: string, version: number, owner: string): Promise<void> {
    await manager.query(
      `INSERT INTO entity_members (record_id, entity_id, owner, record_version, facts, withdrawn_at)
       VALUES ($1, NULL, $3, $2, '{}', now())
       ON CONFLICT (record_id) DO UPDATE SET entity_id = NULL, record_version = GREATEST(entity_members.record_version, $2), withdrawn_at = now()`,
      [recordId, version, owner],
    );
    await manager.query('DELETE FROM member_keys WHERE record_id = $1', [recordId]);
    await manager.query('DELETE FROM possible_duplicates WHERE record_id = $1', [recordId]);
  }

  /** Possible duplicates touching an entity, in either direction: its members resembling others, and others resembling it. */
  async possibleDuplicatesOf(
    manager: EntityManager,
    entityId: string,
  ): Promise<(PossibleDuplicate & { otherEntityId: string })[]> {
    const rows: {
      record_id: string;
      entity_id: string;
      other_entity_id: string;
      score: number;
      explanation: FeatureEvidence[];
    }[] = await manager.query(
      `SELECT p.record_id, p.entity_id, p.entity_id AS other_entity_id, p.score, p.explanation
         FROM possible_duplicates p JOIN entity_members m ON m.record_id = p.record_id
        WHERE m.entity_id = $1 AND p.entity_id <> $1
       UNION ALL
       SELECT p.record_id, p.entity_id, m.entity_id AS other_entity_id, p.score, p.explanation
         FROM possible_duplicates p JOIN entity_members m ON m.record_id = p.record_id
        WHERE p.entity_id = $1 AND m.entity_id IS NOT NULL AND m.entity_id <> $1 AND m.withdrawn_at IS NULL
        ORDER BY score DESC LIMIT 100`,
      [entityId],
    );
    return rows.map((row) => ({
      recordId: row.record_id,
      entityId: row.entity_id,
      otherEntityId: row.other_entity_id,
      score: row.score,
      explanation: row.explanation,
    }));
  }
}
