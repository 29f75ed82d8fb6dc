/**
 * Resolving a shared record into an entity. Candidates come from blocking keys
 * (never the whole table), are scored with libs/resolution, and grouped by
 * entity. An entity is joinable when its best candidate reaches
 * DEDUP_SAME_ENTITY_THRESHOLD and none of its candidates objects: one scoring
 * below DEDUP_REVIEW_THRESHOLD with no identifying fact in common with the
 * record (a record that clearly is not one of an entity's members does not
 * join it through another: no chaining; entity-evidence.ts has the rule).
 *   - One joinable entity, or several that resemble each other as much (or
 *     that the record, giving a birth date, bridges: entity-evidence.ts): the
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
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { disseminationFromContract } from '@crosscheck/auth';
import {
  RecordReceived,
  RecordWithdrawn,
  ResolutionDecision,
  SharedRecord,
  SharedRecordSchema,
} from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { CarriersOf, PairScore, RecordFacts, blockingKeys } from '@crosscheck/resolution';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import { DedupConfig } from '../dedup.config';
import { EntitiesRepository, Member, PossibleDuplicate } from '../persistence/entities.repository';
import { lockBlockingKeys } from '../persistence/resolution-locks';
import { EntityEvidence, Thresholds, bestOf, bestPerEntity, decideAmong } from './entity-evidence';
import { carriersFrom, contactValuesOfAll } from '../model/contact-carriers';
import { networkEvidenceOf, networkReferenceKeys } from '../model/network-evidence';
import type { ResolvedRecord } from '../persistence/network-links';
import { NetworkRepository } from '../persistence/network.repository';
import { factsOfRecord, kindOfRecord } from './record-facts';
import { ResolutionConflict } from './resolution-conflict';
import { Placement, resolvedEvent } from './resolved-event';

/** Where a record resolved inside a batch stands in it (resolve-batch.service.ts); a record resolved alone is at 0 and under the active trace. */
export interface BatchPlace {
  position: number;
  traceContext?: Context;
}

@Injectable()
export class ResolveRecordService {
  constructor(
    private readonly entities: EntitiesRepository,
    private readonly network: NetworkRepository,
    private readonly outbox: Outbox,
    private readonly config: DedupConfig,
  ) {}

  get thresholds(): Thresholds {
    return {
      sameAt: this.config.DEDUP_SAME_ENTITY_THRESHOLD,
      reviewAt: this.config.DEDUP_REVIEW_THRESHOLD,
      margin: this.config.DEDUP_AMBIGUITY_MARGIN,
    };
  }

  /**
   * Resolves one record, alone or in its place in a batch (whose transaction
   * holds its keys' locks already: advisory locks are re-entrant). Answers
   * where it now is, for the caller to look for the network links it made
   * (persistence/network-links.ts), or nothing when there was nothing to do.
   */
  async resolve(
    transaction: EntityManager,
    event: RecordReceived,
    place: BatchPlace = { position: 0 },
  ): Promise<ResolvedRecord | undefined> {
    const record = recordOf(event);
    const kind = kindOfRecord(record);
    const facts = factsOfRecord(record);
    const keys = blockingKeys(facts);
    // Before any row lock, so that resolutions which could see each other take turns (resolution-locks.ts).
    await lockBlockingKeys(transaction, [{ kind, keys }, networkReferenceKeys(networkEvidenceOf(record))]);
    const known = await this.entities.lockMember(transaction, record.recordId);
    // An older version arriving late (say, replayed from a dead-letter topic) must not undo a newer one,
    // and a withdrawn record stays withdrawn whatever copy of it arrives after.
    if (known && (record.version <= known.recordVersion || known.withdrawnAt)) return undefined;

    const candidates = await this.entities.candidates(transaction, kind, keys, record.recordId);
    const carriers = await this.carriersFor(transaction, record.recordId, facts, candidates);
    const evidence = bestPerEntity(facts, candidates, this.thresholds, carriers);
    const { same, review } = decideAmong(evidence, this.thresholds, carriers);

    let placement: Placement;
    if (known?.entityId) {
      const stays = await this.stillBelongs(transaction, known.entityId, record.recordId, facts, carriers);
      if (stays) {
        placement = await this.join(
          transaction,
          [known.entityId, ...same.map((entity) => entity.entityId)],
          ResolutionDecision.UNCHANGED,
          stays,
        );
      } else {
        await this.leave(transaction, known, record, place.traceContext);
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
      position: place.position,
    });
    // What the record brings to networks (contact details, identifiers, declared relations); see network/.
    await this.network.save(transaction, [{ recordId: record.recordId, evidence: networkEvidenceOf(record) }]);
    const possibleIds = possible.map((entity) => entity.entityId);
    await this.outbox.enqueue(
      transaction,
      resolvedEvent(record, placement, possibleIds, memberRecordIds, place.traceContext),
    );
    return { entityId: placement.entityId, recordId: record.recordId.toLowerCase(), traceContext: place.traceContext };
  }

  /** The record is withdrawn: it leaves its entity, and a late copy of it will be ignored. */
  async withdraw(transaction: EntityManager, event: RecordWithdrawn): Promise<void> {
    // Its keys first, as resolving takes them: a resolution reading it as a candidate waits for the withdrawal.
    const stored = await this.entities.findMember(transaction, event.recordId);
    if (stored) await lockBlockingKeys(transaction, [{ kind: stored.kind, keys: blockingKeys(stored.facts) }]);
    const known = await this.entities.lockMember(transaction, event.recordId);
    if (known?.withdrawnAt) return;
    await this.entities.withdrawMember(transaction, event.recordId, event.version, event.owner);
    if (!known?.entityId || !known.record) return;
    await this.entities.lockEntities(transaction, [known.entityId]);
    const record = fromBinary(SharedRecordSchema, known.record);
    await this.publishLeft(transaction, record, known.entityId);
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
    carriers: CarriersOf,
  ): Promise<PairScore | undefined> {
    const others = (await this.entities.members(transaction, entityId)).filter(
      (member) => member.recordId !== recordId,
    );
    if (others.length === 0) return { score: 1, features: [] };
    const best = bestOf(facts, others, carriers);
    return best && best.score >= this.config.DEDUP_SAME_ENTITY_THRESHOLD ? best : undefined;
  }

  /** How many live records carry each contact value the record and its candidates could share (contact-carriers.ts). */
  async carriersFor(
    transaction: EntityManager,
    recordId: string,
    facts: RecordFacts,
    candidates: { facts: RecordFacts }[],
  ): Promise<CarriersOf> {
    const values = contactValuesOfAll([facts, ...candidates.map((candidate) => candidate.facts)]);
    const counts = await this.network.carriers(transaction, values, { exceptRecordId: recordId });
    return carriersFrom(counts, facts);
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
    return newEntityPlacement(review);
  }

  /** Joins the oldest of the entities; the others merge into it. */
  private async join(
    transaction: EntityManager,
    entityIds: string[],
    decision: ResolutionDecision,
    evidence: PairScore,
  ): Promise<Placement> {
    const locked = await this.entities.lockEntities(transaction, [...new Set(entityIds)]);
    const mergedAway = locked.find((entity) => entity.mergedInto);
    if (mergedAway) throw new ResolutionConflict(mergedAway.entityId);
    const [survivor, ...merged] = locked;
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
  private async leave(
    transaction: EntityManager,
    known: Member,
    record: SharedRecord,
    traceContext?: Context,
  ): Promise<void> {
    const entityId = known.entityId!;
    await this.entities.lockEntities(transaction, [entityId]);
    await this.entities.saveMember(transaction, { ...known, entityId: null }, []);
    const previous = known.record ? fromBinary(SharedRecordSchema, known.record) : record;
    await this.publishLeft(transaction, previous, entityId, traceContext);
  }

  private async publishLeft(
    transaction: EntityManager,
    record: SharedRecord,
    entityId: string,
    traceContext?: Context,
  ): Promise<void> {
    const placement: Placement = {
      entityId,
      decision: ResolutionDecision.LEFT_ENTITY,
      score: 0,
      explanation: [],
      mergedEntityIds: [],
    };
    const memberRecordIds = await this.entities.memberRecordIds(transaction, entityId);
    await this.outbox.enqueue(transaction, resolvedEvent(record, placement, [], memberRecordIds, traceContext));
  }
}

export function recordOf(event: RecordReceived): SharedRecord {
  if (!event.record) throw new Error('records.received.v1 without a record');
  return event.record;
}

/** A record that joins no entity starts one, a possible duplicate of the nearest it resembles. */
export function newEntityPlacement(review: EntityEvidence[]): Placement {
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

export function toPossibleDuplicate(recordId: string, entity: EntityEvidence): PossibleDuplicate {
  return { recordId, entityId: entity.entityId, score: entity.score, explanation: entity.features };
}
