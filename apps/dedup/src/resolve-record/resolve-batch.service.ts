/**
 * Resolving a batch of records (DEDUP_BATCH_RECORDS of a Kafka batch) in one
 * transaction, with the decisions that resolving them one at a time, in
 * offset order, would give (resolve-record.service.ts has the rules). What
 * costs is round trips, so:
 *   - the blocking keys of the batch's records are locked at once, each key
 *     on its own (resolution-locks.ts): batches of other partitions and
 *     instances wait only when they share a key; its member rows are read
 *     and locked at once;
 *   - one candidate query serves every record of the batch;
 *   - a record meets the records placed before it in the same batch as
 *     candidates (those sharing a blocking key), so two duplicates in one
 *     batch end in one entity as they would one after the other;
 *   - records that start an entity or join one are written together, with
 *     their keys, entities, possible duplicates and outbox rows, each event
 *     under its own message's trace.
 * The rarer cases, a record already known (an update, a late copy), one seen
 * twice in the batch, or one whose placement merges entities, are resolved
 * one by one in their place: what the batch placed before them is written
 * first, and the candidates of the records after them are read again.
 */
import { Injectable } from '@nestjs/common';
import { toBinary } from '@bufbuild/protobuf';
import { disseminationFromContract } from '@crosscheck/auth';
import { RecordReceived, ResolutionDecision, SharedRecord, SharedRecordSchema } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { RecordFacts, blockingKeys } from '@crosscheck/resolution';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import { Candidate, EntitiesRepository, Member } from '../persistence/entities.repository';
import { carriersFrom, contactValuesOfAll } from '../model/contact-carriers';
import { networkEvidenceOf, networkReferenceKeys } from '../model/network-evidence';
import { EntityBatchesRepository, NewMember } from '../persistence/entity-batches.repository';
import { lockBlockingKeys } from '../persistence/resolution-locks';
import { NetworkLinks, ResolvedRecord } from '../persistence/network-links';
import { NetworkRepository } from '../persistence/network.repository';
import { bestPerEntity, decideAmong } from './entity-evidence';
import { factsOfRecord, kindOfRecord } from './record-facts';
import { ResolutionConflict } from './resolution-conflict';
import { newEntityPlacement, recordOf, ResolveRecordService, toPossibleDuplicate } from './resolve-record.service';
import { Placement, resolvedEvent } from './resolved-event';

export interface ReceivedRecord {
  event: RecordReceived;
  /** The message's own trace: its event continues it. */
  traceContext?: Context;
}

interface BatchRecord extends ReceivedRecord {
  record: SharedRecord;
  /** Lower case, as Postgres answers uuids. */
  recordId: string;
  kind: string;
  facts: RecordFacts;
  keys: string[];
  position: number;
}

interface Placed {
  item: BatchRecord;
  placement: Placement;
  possibleEntityIds: string[];
  member: NewMember;
}

@Injectable()
export class ResolveBatchService {
  constructor(
    private readonly entities: EntitiesRepository,
    private readonly batches: EntityBatchesRepository,
    private readonly resolveRecord: ResolveRecordService,
    private readonly network: NetworkRepository,
    private readonly links: NetworkLinks,
    private readonly outbox: Outbox,
  ) {}

  async resolveMany(transaction: EntityManager, received: ReceivedRecord[]): Promise<void> {
    // Decoding the facts first: a record that cannot be resolved fails the batch before it locks anything.
    const items = received.map((item, position): BatchRecord => {
      const record = recordOf(item.event);
      const facts = factsOfRecord(record);
      return {
        ...item,
        record,
        recordId: record.recordId.toLowerCase(),
        kind: kindOfRecord(record),
        facts,
        keys: blockingKeys(facts),
        position,
      };
    });
    await lockBlockingKeys(transaction, [
      ...items,
      ...items.map((item) => networkReferenceKeys(networkEvidenceOf(item.record))),
    ]);
    const known = await this.batches.lockMembers(
      transaction,
      items.map(({ recordId }) => recordId),
    );
    const seen = new Set<string>();
    const placed = new PlacedInBatch();
    const resolved: ResolvedRecord[] = [];
    let candidates: { from: number; found: Candidate[][]; counts: Map<string, number> } | undefined;

    for (const [index, item] of items.entries()) {
      const before = known.get(item.recordId);
      const again = seen.has(item.recordId);
      seen.add(item.recordId);
      if (!again && before && isStale(item.record, before)) continue;
      if (!again && !before) {
        candidates ??= await this.candidatesFrom(transaction, items, index, known, seen);
        const found = [...candidates.found[index - candidates.from], ...placed.candidatesFor(item)];
        // A new record is not stored yet, so the counts leave it out, and carriersFrom adds it.
        const carriers = carriersFrom(candidates.counts, item.facts);
        const evidence = bestPerEntity(item.facts, found, this.resolveRecord.thresholds, carriers);
        const { same, review } = decideAmong(evidence, this.resolveRecord.thresholds, carriers);
        if (same.length <= 1) {
          placed.add(item, same[0] ? joinPlacement(same[0]) : newEntityPlacement(review), review);
          continue;
        }
      }
      // The rarer cases, in their place: what came before is written first, and what comes after reads anew.
      resolved.push(...(await this.save(transaction, placed)));
      const alone = await this.resolveRecord.resolve(transaction, item.event, {
        position: item.position,
        traceContext: item.traceContext,
      });
      if (alone) resolved.push(alone);
      candidates = undefined;
    }
    resolved.push(...(await this.save(transaction, placed)));
    // Last: the links the batch made, searched once every record of it is written (network-links.ts).
    await this.links.announce(transaction, resolved);
  }

  /**
   * Candidates from the database for the records from `from` on that may be
   * placed in the batch (the others ask for none), and how many live records
   * carry each contact value they and their candidates could share
   * (contact-carriers.ts): two queries for the rest of the batch. Records placed
   * earlier in the batch are not written yet and go uncounted.
   */
  private async candidatesFrom(
    transaction: EntityManager,
    items: BatchRecord[],
    from: number,
    known: Map<string, Member>,
    seen: Set<string>,
  ): Promise<{ from: number; found: Candidate[][]; counts: Map<string, number> }> {
    const queries = items.slice(from).map(({ recordId, kind, keys }, offset) => {
      const placeable = !known.has(recordId) && (offset === 0 || !seen.has(recordId));
      return { recordId, kind, keys: placeable ? keys : [] };
    });
    const found = await this.batches.candidatesOfEach(transaction, queries);
    const values = contactValuesOfAll([
      ...items.slice(from).map((item) => item.facts),
      ...found.flat().map((candidate) => candidate.facts),
    ]);
    return { from, found, counts: await this.network.carriers(transaction, values) };
  }

  /** Writes what the batch placed, in one statement, and their events; answers where they are. */
  private async save(transaction: EntityManager, placed: PlacedInBatch): Promise<ResolvedRecord[]> {
    if (placed.all.length === 0) return [];
    const created = new Set(
      placed.all.filter(({ placement }) => placement.isNew).map(({ placement }) => placement.entityId),
    );
    const joined = [...new Set(placed.all.map(({ placement }) => placement.entityId))].filter(
      (entityId) => !created.has(entityId),
    );
    // Locked in id order, as every resolution locks entities; one merged away since the candidates were read means deciding again.
    const locked = await this.entities.lockEntities(transaction, joined);
    const mergedAway = locked.find((entity) => entity.mergedInto);
    if (mergedAway) throw new ResolutionConflict(mergedAway.entityId);
    const membersBefore = await this.batches.saveNewMembers(
      transaction,
      placed.all.map(({ member }) => member),
      joined,
    );

    const joinedInBatch = new Map<string, string[]>();
    const events = placed.all.map(({ item, placement, possibleEntityIds }) => {
      const inBatch = joinedInBatch.get(placement.entityId) ?? [];
      inBatch.push(item.recordId);
      joinedInBatch.set(placement.entityId, inBatch);
      const memberRecordIds = [...(membersBefore.get(placement.entityId) ?? []), ...inBatch];
      return resolvedEvent(item.record, placement, possibleEntityIds, memberRecordIds, item.traceContext);
    });
    // What each record brings to networks, as a record resolved on its own does (resolve-record.service.ts).
    await this.network.save(
      transaction,
      placed.all.map(({ item }) => ({ recordId: item.record.recordId, evidence: networkEvidenceOf(item.record) })),
    );
    await this.outbox.enqueue(transaction, ...events);
    const saved = placed.all.map(({ item, placement }) => ({
      entityId: placement.entityId,
      recordId: item.recordId,
      traceContext: item.traceContext,
    }));
    placed.clear();
    return saved;
  }
}

/** The records the batch has placed and not yet written, and which of them share blocking keys with a record. */
class PlacedInBatch {
  all: Placed[] = [];
  private byKey = new Map<string, Placed[]>();

  add(item: BatchRecord, placement: Placement, review: ReturnType<typeof decideAmong>['review']): void {
    const possible = review.filter((entity) => entity.entityId !== placement.entityId);
    const member: NewMember = {
      member: {
        recordId: item.record.recordId,
        entityId: placement.entityId,
        kind: item.kind,
        owner: item.record.owner,
        dissemination: disseminationFromContract(item.record.dissemination),
        recordVersion: item.record.version,
        facts: item.facts,
        record: toBinary(SharedRecordSchema, item.record),
        decision: ResolutionDecision[placement.decision].toLowerCase(),
        score: placement.score,
        explanation: placement.explanation,
      },
      keys: item.keys,
      startsEntity: placement.isNew === true,
      position: item.position,
      possibleDuplicates: possible.map((entity) => toPossibleDuplicate(item.record.recordId, entity)),
    };
    const placed: Placed = { item, placement, possibleEntityIds: possible.map((entity) => entity.entityId), member };
    this.all.push(placed);
    for (const key of item.keys) {
      const kinded = kindedKey(item.kind, key);
      const sharing = this.byKey.get(kinded);
      if (sharing) sharing.push(placed);
      else this.byKey.set(kinded, [placed]);
    }
  }

  /** Records placed earlier in the batch that share blocking keys with `item`, as the candidate query would find them were they written. */
  candidatesFor(item: BatchRecord): Candidate[] {
    const shared = new Map<Placed, number>();
    for (const key of item.keys) {
      for (const placed of this.byKey.get(kindedKey(item.kind, key)) ?? [])
        shared.set(placed, (shared.get(placed) ?? 0) + 1);
    }
    return [...shared].map(([placed, sharedKeys]) => ({
      recordId: placed.item.recordId,
      entityId: placed.placement.entityId,
      facts: placed.item.facts,
      sharedKeys,
    }));
  }

  clear(): void {
    this.all = [];
    this.byKey.clear();
  }
}

function joinPlacement(entity: ReturnType<typeof decideAmong>['same'][number]): Placement {
  return {
    entityId: entity.entityId,
    decision: ResolutionDecision.JOINED_ENTITY,
    score: entity.score,
    explanation: entity.features,
    mergedEntityIds: [],
  };
}

/** An older version arriving late, or any copy of a withdrawn record: nothing to do (resolve-record.service.ts says why). */
function isStale(record: SharedRecord, known: Member): boolean {
  return record.version <= known.recordVersion || known.withdrawnAt !== null;
}

function kindedKey(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}
