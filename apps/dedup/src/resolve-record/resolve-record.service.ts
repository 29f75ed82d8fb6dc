/**
 * Resolving a shared record into an entity. Candidates come from blocking keys
 * (never the whole table), are scored with libs/resolution, and grouped by
 * entity. An entity is joinable when its best candidate reaches
 * DEDUP_SAME_ENTITY_THRESHOLD and none of its candidates falls below
 * DEDUP_REVIEW_THRESHOLD (a record that clearly is not one of an entity's
 * members does not join it through another: no chaining).
 *   - One joinable entity, or several that resemble each other as much: the
 *     record joins the oldest, and the others merge into it (their ids
 *     redirect there).
 *   - Joinable entities that do not resemble each other (two namesakes, and a
 *     record without a birth date that fits both): the record joins the best
 *     only when it beats the next by DEDUP_AMBIGUITY_MARGIN; otherwise it
 *     cannot be told apart and starts an entity of its own, flagged.
 *   - An entity in the review band [DEDUP_REVIEW_THRESHOLD, same) is a
 *     possible duplicate: remembered, shown to analysts, never merged.
 *   - Otherwise the record starts a new entity.
 * A new version of a record that no longer resembles the rest of its entity
 * leaves it (a split). A withdrawn record leaves its entity for good.
 * Every change is published on `records.resolved.v1`, keyed by entity.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { disseminationFromContract } from '@crosscheck/auth';
import {
  RecordReceived,
  RecordResolvedSchema,
  RecordWithdrawn,
  ResolutionDecision,
  SharedRecord,
  SharedRecordSchema,
  Topics,
} from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { FeatureEvidence, PairScore, RecordFacts, blockingKeys, scoreRecords } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { DedupConfig } from '../dedup.config';
import { Candidate, EntitiesRepository, Member, PossibleDuplicate } from '../persistence/entities.repository';
import { networkEvidenceOf } from '../model/network-evidence';
import { NetworkRepository } from '../persistence/network.repository';
import { factsOfRecord, kindOfRecord } from './record-facts';

interface EntityEvidence extends PairScore {
  entityId: string;
  /** The lowest score against any of the entity's candidates. */
  weakest: number;
  /** The entity's members among the candidates. */
  members: Candidate[];
}

interface Placement {
  entityId: string;
  /** The record starts this entity: it is created as the record is stored. */
  isNew?: boolean;
  decision: ResolutionDecision;
  score: number;
  explanation: FeatureEvidence[];
  mergedEntityIds: string[];
}

@Injectable()
export class ResolveRecordService {
  constructor(
    private readonly entities: EntitiesRepository,
    private readonly network: NetworkRepository,
    private readonly outbox: Outbox,
    private readonly config: DedupConfig,
  ) {}

  async resolve(transaction: EntityManager, event: RecordReceived): Promise<void> {
    const record = event.record;
    if (!record) throw new Error('records.received.v1 without a record');
    const known = await this.entities.lockMember(transaction, record.recordId);
    // An older version arriving late (say, replayed from a dead-letter topic) must not undo a newer one,
    // and a withdrawn record stays withdrawn whatever copy of it arrives after.
    if (known && (record.version <= known.recordVersion || known.withdrawnAt)) return;

    const kind = kindOfRecord(record);
    const facts = factsOfRecord(record);
    const keys = blockingKeys(facts);
    const evidence = bestPerEntity(facts, await this.entities.candidates(transaction, kind, keys, record.recordId));
    const { same, review } = this.decideAmong(evidence);

    let placement: Placement;
    if (known?.entityId) {
      const stays = await this.stillBelongs(transaction, known.entityId, record.recordId, facts);
      if (stays) {
        placement = await this.join(
          transaction,
          [known.entityId, ...same.map((entity) => entity.entityId)],
          ResolutionDecision.UNCHANGED,
          stays,
        );
      } else {
        await this.leave(transaction, known, record);
        placement = await this.place(transaction, same, review);
      }
    } else {
      placement = await this.place(transaction, same, review);
    }

    const possible = review.filter(
      (entity) => entity.entityId !== placement.entityId && !placement.mergedEntityIds.includes(entity.entityId),
    );
    const memberRecordIds = await this.entities.saveResolution(transaction, {
      member: {
        recordId: record.recordId,
        entityId: placement.entityId,
        kind,
        owner: record.owner,
        dissemination: disseminationFromContract(record.dissemination),
        recordVersion: record.version,
        facts,
        record: toBinary(SharedRecordSchema, record),
        decision: ResolutionDecision[placement.decision].toLowerCase(),
        score: placement.score,
        explanation: placement.explanation,
      },
      keys,
      newEntityKind: placement.isNew ? kind : undefined,
      possibleDuplicates: possible.map((entity) => toPossibleDuplicate(record.recordId, entity)),
    });
    // What the record brings to networks (contact details, identifiers, declared relations); see network/.
    await this.network.save(transaction, record.recordId, networkEvidenceOf(record));
    await this.publish(
      transaction,
      record,
      placement,
      possible.map((entity) => entity.entityId),
      memberRecordIds,
    );
  }

  /** The record is withdrawn: it leaves its entity, and a late copy of it will be ignored. */
  async withdraw(transaction: EntityManager, event: RecordWithdrawn): Promise<void> {
    const known = await this.entities.lockMember(transaction, event.recordId);
    if (known?.withdrawnAt) return;
    await this.entities.withdrawMember(transaction, event.recordId, event.version, event.owner);
    if (!known?.entityId || !known.record) return;
    await this.entities.lockEntities(transaction, [known.entityId]);
    const record = fromBinary(SharedRecordSchema, known.record);
    await this.publish(
      transaction,
      record,
      {
        entityId: known.entityId,
        decision: ResolutionDecision.LEFT_ENTITY,
        score: 0,
        explanation: [],
        mergedEntityIds: [],
      },
      [],
    );
  }

  /** Which entities the record is the same subject as, and which it only resembles. */
  private decideAmong(evidence: EntityEvidence[]): { same: EntityEvidence[]; review: EntityEvidence[] } {
    const {
      DEDUP_SAME_ENTITY_THRESHOLD: sameAt,
      DEDUP_REVIEW_THRESHOLD: reviewAt,
      DEDUP_AMBIGUITY_MARGIN: margin,
    } = this.config;
    const joinable = evidence.filter((entity) => entity.score >= sameAt && entity.weakest >= reviewAt);
    const resembling = evidence.filter((entity) => entity.score >= reviewAt && !joinable.includes(entity));
    if (joinable.length <= 1) return { same: joinable, review: resembling };
    const [top] = joinable;
    const same = joinable.filter((entity) => entity === top || resembleEachOther(top, entity, sameAt));
    const rivals = joinable.filter((entity) => !same.includes(entity));
    if (rivals.length > 0 && top.score - rivals[0].score < margin)
      return { same: [], review: [...joinable, ...resembling] };
    return { same, review: [...rivals, ...resembling] };
  }

  /**
   * Whether an updated record still belongs with the rest of its entity: it
   * must reach the threshold against at least one other member. Returns the
   * evidence when it does.
   */
  private async stillBelongs(
    transaction: EntityManager,
    entityId: string,
    recordId: string,
    facts: RecordFacts,
  ): Promise<PairScore | undefined> {
    const others = (await this.entities.members(transaction, entityId)).filter(
      (member) => member.recordId !== recordId,
    );
    if (others.length === 0) return { score: 1, features: [] };
    const best = bestOf(facts, others);
    return best && best.score >= this.config.DEDUP_SAME_ENTITY_THRESHOLD ? best : undefined;
  }

  private async place(
    transaction: EntityManager,
    same: EntityEvidence[],
    review: EntityEvidence[],
  ): Promise<Placement> {
    if (same.length > 0) {
      return this.join(
        transaction,
        same.map((entity) => entity.entityId),
        ResolutionDecision.JOINED_ENTITY,
        same[0],
      );
    }
    // Created with the record's row (saveResolution), in the same statement.
    const entityId = randomUUID();
    const nearest = review[0];
    return nearest
      ? {
          entityId,
          isNew: true,
          decision: ResolutionDecision.POSSIBLE_DUPLICATE,
          score: nearest.score,
          explanation: nearest.features,
          mergedEntityIds: [],
        }
      : {
          entityId,
          isNew: true,
          decision: ResolutionDecision.NEW_ENTITY,
          score: 0,
          explanation: [],
          mergedEntityIds: [],
        };
  }

  /** Joins the oldest of the entities; the others merge into it. */
  private async join(
    transaction: EntityManager,
    entityIds: string[],
    decision: ResolutionDecision,
    evidence: PairScore,
  ): Promise<Placement> {
    const [survivor, ...merged] = await this.entities.lockEntities(transaction, [...new Set(entityIds)]);
    const mergedEntityIds = merged.map((entity) => entity.entityId);
    await this.entities.merge(transaction, survivor.entityId, mergedEntityIds);
    return {
      entityId: survivor.entityId,
      decision,
      score: evidence.score,
      explanation: evidence.features,
      mergedEntityIds,
    };
  }

  /** A new version no longer resembles its entity: it leaves, and the entity hears of it. */
  private async leave(transaction: EntityManager, known: Member, record: SharedRecord): Promise<void> {
    const entityId = known.entityId!;
    await this.entities.lockEntities(transaction, [entityId]);
    await this.entities.saveMember(transaction, { ...known, entityId: null }, []);
    const previous = known.record ? fromBinary(SharedRecordSchema, known.record) : record;
    await this.publish(
      transaction,
      previous,
      { entityId, decision: ResolutionDecision.LEFT_ENTITY, score: 0, explanation: [], mergedEntityIds: [] },
      [],
    );
  }

  /** `memberRecordIds`: the entity's live members after the change, when the caller has them already. */
  private async publish(
    transaction: EntityManager,
    record: SharedRecord,
    placement: Placement,
    possibleDuplicateEntityIds: string[],
    memberRecordIds?: string[],
  ): Promise<void> {
    await this.outbox.enqueue(transaction, {
      topic: Topics.recordsResolved,
      key: placement.entityId,
      schema: RecordResolvedSchema,
      message: create(RecordResolvedSchema, {
        entityId: placement.entityId,
        record,
        memberRecordIds: memberRecordIds ?? (await this.entities.memberRecordIds(transaction, placement.entityId)),
        decision: placement.decision,
        score: placement.score,
        explanation: placement.explanation,
        mergedEntityIds: placement.mergedEntityIds,
        possibleDuplicateEntityIds,
        resolvedAt: timestampNow(),
      }),
    });
  }
}

/** Each entity's best and weakest score among the candidates, best entities first. */
function bestPerEntity(facts: RecordFacts, candidates: Candidate[]): EntityEvidence[] {
  const best = new Map<string, EntityEvidence>();
  for (const candidate of candidates) {
    const pair = scoreRecords(facts, candidate.facts);
    if (!pair) continue;
    const current = best.get(candidate.entityId);
    if (!current) {
      best.set(candidate.entityId, {
        entityId: candidate.entityId,
        ...pair,
        weakest: pair.score,
        members: [candidate],
      });
      continue;
    }
    current.members.push(candidate);
    current.weakest = Math.min(current.weakest, pair.score);
    if (pair.score > current.score) Object.assign(current, pair);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** Two entities are one subject when some member of one reaches the threshold against some member of the other. */
function resembleEachOther(a: EntityEvidence, b: EntityEvidence, threshold: number): boolean {
  return a.members.some((x) => b.members.some((y) => (scoreRecords(x.facts, y.facts)?.score ?? 0) >= threshold));
}

function bestOf(facts: RecordFacts, members: Member[]): PairScore | undefined {
  let best: PairScore | undefined;
  for (const member of members) {
    const pair = scoreRecords(facts, member.facts);
    if (pair && (!best || pair.score > best.score)) best = pair;
  }
  return best;
}

function toPossibleDuplicate(recordId: string, entity: EntityEvidence): PossibleDuplicate {
  return { recordId, entityId: entity.entityId, score: entity.score, explanation: entity.features };
}
