/**
 * Resolving a batch of records (DEDUP_BATCH_RECORDS of a Kafka batch) in one
 * transaction, with the decisions that resolving them one at a time, in
 * offset order, would give (resolve-record.service.ts has the rules). What
 * costs is round trips, and time under the key locks, so:
 *   - one candidate query serves every record of the batch, and the records
 *     are scored against them, before any lock: batches of other partitions
 *     and instances, which share common keys with this one (a frequent name's
 *     sound), hold their locks meanwhile;
 *   - then the blocking keys of the batch's records are locked at once, each
 *     key on its own (resolution-locks.ts), and its member rows are read and
 *     locked at once; what other batches wrote since the candidates were
 *     read (member-changes.ts) is added to them: a member written since that
 *     shares keys becomes a candidate where the lookup would have ranked it
 *     among them, one changed since is taken as it is now (withdrawn, merged,
 *     a new version), and when the carriers of a record's contact values
 *     counted differ, the records are scored again;
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
import {
  PairScore,
  RecordFacts,
  blockingKeys,
  byCandidateRank,
  candidateStanding,
  scoreRecords,
} from '@crosscheck/resolution';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import { Candidate, CANDIDATES_PER_RECORD, EntitiesRepository, Member } from '../persistence/entities.repository';
import { ChangedMember, currentSnapshot, membersChangedSince, Snapshot } from '../persistence/member-changes';
import { carriersFrom, contactValuesOfAll, keyOf } from '../model/contact-carriers';
import { networkEvidenceOf, networkReferenceKeys } from '../model/network-evidence';
import { EntityBatchesRepository, NewMember } from '../persistence/entity-batches.repository';
import { lockBlockingKeys } from '../persistence/resolution-locks';
import { NetworkLinks, ResolvedRecord } from '../persistence/network-links';
import { NetworkRepository } from '../persistence/network.repository';
import { bestPerEntity, decideAmong, Thresholds } from './entity-evidence';
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

/** Candidates from the database for the records from `from` on, and the contact values' carriers counted with them. */
interface BatchCandidates {
  from: number;
  found: Candidate[][];
  counts: Map<string, number>;
  /** Each record's scores against its candidates, worked out before the locks (by the candidate's facts); dropped when the counts change. */
  scored?: Map<RecordFacts, PairScore | undefined>[];
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
    // Decoding the facts first: a record that cannot be resolved fails the batch before it reads anything.
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
    const ahead = await this.readAhead(transaction, items);
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
    let candidates: BatchCandidates | undefined = await this.catchUp(transaction, items, ahead);

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
        const scored = candidates.scored?.[index - candidates.from];
        const evidence = bestPerEntity(item.facts, found, this.resolveRecord.thresholds, carriers, scoredAhead(scored));
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
   * Before the locks: every record's candidates as committed now (the snapshot says when), and its scores
   * against them. A record the locks then show to be known, or seen earlier in the batch, asked for nothing it uses.
   */
  private async readAhead(
    transaction: EntityManager,
    items: BatchRecord[],
  ): Promise<{ snapshot: Snapshot; candidates: BatchCandidates }> {
    const snapshot = await currentSnapshot(transaction);
    const candidates = await this.candidatesFrom(transaction, items, 0, new Map(), new Set());
    const scored = scoresOf(items, candidates, this.resolveRecord.thresholds);
    return { snapshot, candidates: { ...candidates, scored } };
  }

  /**
   * Under the locks: the candidates read ahead, with what other transactions have written since (member-changes.ts).
   * Nothing written since, they stand as read; else the carriers are counted again, and the scores kept unless a count of
   * the batch's own values moved.
   */
  private async catchUp(
    transaction: EntityManager,
    items: BatchRecord[],
    { snapshot, candidates }: { snapshot: Snapshot; candidates: BatchCandidates },
  ): Promise<BatchCandidates> {
    const changed = await membersChangedSince(
      transaction,
      snapshot,
      items.map((item) => item.keys),
      [...new Set(candidates.found.flat().map((candidate) => candidate.recordId))],
    );
    if (changed.length === 0) return candidates;
    const found = items.map((item, index) => withChanges(item, index, candidates.found[index], changed));
    const counts = await this.network.carriers(
      transaction,
      contactValuesOfAll([...items.map((item) => item.facts), ...found.flat().map((candidate) => candidate.facts)]),
    );
    // A record's scores read the carriers of its own values only (a value two records share is the record's).
    const own = contactValuesOfAll(items.map((item) => item.facts)).map(keyOf);
    const scored = own.every((key) => counts.get(key) === candidates.counts.get(key)) ? candidates.scored : undefined;
    return { from: 0, found, counts, scored };
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
  ): Promise<BatchCandidates> {
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

/** Each record's scores against its candidates, as bestPerEntity would work them out with these counts. */
function scoresOf(
  items: BatchRecord[],
  { from, found, counts }: BatchCandidates,
  { reviewAt }: Pick<Thresholds, 'reviewAt'>,
): Map<RecordFacts, PairScore | undefined>[] {
  return found.map((candidates, offset) => {
    const { facts } = items[from + offset];
    const carriers = carriersFrom(counts, facts);
    return new Map(
      candidates.map((candidate) => [candidate.facts, scoreRecords(facts, candidate.facts, carriers, reviewAt)]),
    );
  });
}

/** scoreRecords, answering from the scores worked out ahead (with the floor bestPerEntity asks for) where it can. */
function scoredAhead(scored: Map<RecordFacts, PairScore | undefined> | undefined): typeof scoreRecords {
  if (!scored) return scoreRecords;
  return (facts, other, carriers, floor) =>
    scored.has(other) ? scored.get(other) : scoreRecords(facts, other, carriers, floor);
}

/**
 * A record's candidates read ahead (it is the `index`th asked for changes), with the members written since: one
 * changed since as it is now (gone when withdrawn or of no entity), and one of its kind sharing keys with it that its
 * lookup reads, where the lookup would have ranked it among them (rarer keys first, then the weight of those shared,
 * by the counts they were ranked by: not past the last one kept when the lookup filled its places), so that a common
 * key shared with a whole batch adds nothing to score.
 */
function withChanges(item: BatchRecord, index: number, candidates: Candidate[], changed: ChangedMember[]): Candidate[] {
  const changedById = new Map(changed.map((member) => [member.recordId, member]));
  const updated = candidates.flatMap((candidate): Candidate[] => {
    const now = changedById.get(candidate.recordId.toLowerCase());
    if (!now) return [candidate];
    return now.live && now.entityId ? [{ ...candidate, entityId: now.entityId, facts: now.facts }] : [];
  });
  const present = new Set(candidates.map((candidate) => candidate.recordId.toLowerCase()));
  const last = candidates.length >= CANDIDATES_PER_RECORD ? candidates.at(-1)?.rank : undefined;
  for (const member of changed) {
    if (!member.live || !member.entityId || member.kind !== item.kind) continue;
    if (member.recordId === item.recordId || present.has(member.recordId)) continue;
    const shared = member.sharedKeys.get(index);
    if (!shared) continue;
    const rank = candidateStanding(shared.map(({ rows }) => rows));
    if (last && byCandidateRank(rank, last) > 0) continue;
    updated.push({
      recordId: member.recordId,
      entityId: member.entityId,
      facts: member.facts,
      sharedKeys: shared.length,
      rank,
    });
  }
  return updated;
}

/** An older version arriving late, or any copy of a withdrawn record: nothing to do (resolve-record.service.ts says why). */
function isStale(record: SharedRecord, known: Member): boolean {
  return record.version <= known.recordVersion || known.withdrawnAt !== null;
}

function kindedKey(kind: string, key: string): string {
  return `${kind}\u0000${key}`;
}
