/**
 * Resolving a shared record into an entity: find candidates by blocking key,
 * score them, and join the best one above the threshold or start a new entity.
 * Every outcome is published on `records.resolved.v1`, keyed by entity, with
 * the decision and the evidence behind it.
 */
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { RecordKind, RecordReceived, RecordResolvedSchema, ResolutionDecision, SharedRecord, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { FeatureEvidence, PersonFacts, personBlockingKey, personFactsOf, scorePersons } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { DedupConfig } from '../dedup.config';
import { EntitiesRepository, Member } from '../entities/entities.repository';

interface Resolution {
  entityId: string;
  decision: ResolutionDecision;
  score: number;
  explanation: FeatureEvidence[];
}

@Injectable()
export class ResolveRecordService {
  constructor(
    private readonly entities: EntitiesRepository,
    private readonly outbox: Outbox,
    private readonly config: DedupConfig,
  ) {}

  async resolve(transaction: EntityManager, event: RecordReceived): Promise<void> {
    const record = event.record;
    if (!record) throw new Error('records.received.v1 without a record');
    const facts = factsOf(record);
    const blockingKey = record.kind === RecordKind.PERSON ? personBlockingKey(facts) : `record:${record.recordId}`;
    const known = await this.entities.findMember(transaction, record.recordId);
    // An older version arriving late (say, replayed from a dead-letter topic) must not undo a newer one.
    if (known && record.version <= known.recordVersion) return;

    const resolution =
      known && known.blockingKey === blockingKey
        ? { entityId: known.entityId, decision: ResolutionDecision.UNCHANGED, score: 1, explanation: [] }
        : await this.decide(transaction, record, facts, blockingKey);

    await this.entities.upsertMember(transaction, {
      recordId: record.recordId,
      entityId: resolution.entityId,
      owner: record.owner,
      recordVersion: record.version,
      blockingKey,
      facts,
    });
    const members = await this.entities.memberRecordIds(transaction, resolution.entityId);
    await this.outbox.enqueue(transaction, {
      topic: Topics.recordsResolved,
      key: resolution.entityId,
      schema: RecordResolvedSchema,
      message: create(RecordResolvedSchema, {
        entityId: resolution.entityId,
        record,
        memberRecordIds: members,
        decision: resolution.decision,
        score: resolution.score,
        explanation: resolution.explanation,
        resolvedAt: timestampNow(),
      }),
    });
  }

  private async decide(transaction: EntityManager, record: SharedRecord, facts: PersonFacts, blockingKey: string): Promise<Resolution> {
    const best = record.kind === RecordKind.PERSON ? bestCandidate(facts, await this.entities.candidates(transaction, blockingKey, record.recordId)) : undefined;
    if (best && best.score >= this.config.DEDUP_SAME_ENTITY_THRESHOLD) {
      return { entityId: best.member.entityId, decision: ResolutionDecision.JOINED_ENTITY, score: best.score, explanation: best.features };
    }
    const entityId = randomUUID();
    await this.entities.createEntity(transaction, entityId, RecordKind[record.kind].toLowerCase());
    return { entityId, decision: ResolutionDecision.NEW_ENTITY, score: best?.score ?? 0, explanation: best?.features ?? [] };
  }
}

function factsOf(record: SharedRecord): PersonFacts {
  return record.body.case === 'person' ? personFactsOf(record.body.value) : { names: [] };
}

function bestCandidate(facts: PersonFacts, candidates: Member[]) {
  let best: { member: Member; score: number; features: FeatureEvidence[] } | undefined;
  for (const member of candidates) {
    const { score, features } = scorePersons(facts, member.facts);
    if (!best || score > best.score) best = { member, score, features };
  }
  return best;
}
