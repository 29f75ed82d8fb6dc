/**
 * Checks each resolved record against every dataset that applies to it, and
 * keeps its matches true: a new or changed finding is published, a finding
 * that no longer holds after an update is retracted, and a record that left
 * its entity (withdrawn, or split off) has its matches retracted. The record
 * is kept, with its keys, so that reference entries arriving later are
 * checked against it (retro-hits).
 */
import { Injectable } from '@nestjs/common';
import { disseminationFromContract } from '@crosscheck/auth';
import { RecordResolved, RecordWithdrawn, ResolutionDecision, SharedRecord } from '@crosscheck/contracts';
import { RecordFacts, recordFactsOf } from '@crosscheck/resolution';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import { MatchEvents } from '../persistence/match-events';
import { recordKeysOf } from '../model/datasets';
import { Matcher } from '../model/matcher';
import { CheckedRecordsRepository } from '../persistence/checked-records.repository';
import { MatchesRepository } from '../persistence/matches.repository';

@Injectable()
export class CheckEntityService {
  constructor(
    private readonly matcher: Matcher,
    private readonly checked: CheckedRecordsRepository,
    private readonly matches: MatchesRepository,
    private readonly events: MatchEvents,
  ) {}

  async check(transaction: EntityManager, event: RecordResolved, traceContext?: Context): Promise<void> {
    const record = event.record;
    if (!record || !record.body.case) return;
    await this.matches.moveEntities(transaction, event.entityId, event.mergedEntityIds);
    await this.checked.moveEntities(transaction, event.entityId, event.mergedEntityIds);
    const known = await this.checked.lock(transaction, record.recordId);

    if (event.decision === ResolutionDecision.LEFT_ENTITY) {
      // Only if it has not since been placed in another entity (the two events travel on different keys).
      if (known && !known.left && known.entityId === event.entityId && known.version <= record.version) {
        await this.retractAll(
          transaction,
          record.recordId,
          'the record left its entity: withdrawn, or no longer the same subject',
          traceContext,
        );
        await this.checked.markLeft(transaction, record.recordId);
      }
      return;
    }
    if (isStale(record, event.entityId, known)) return;
    await this.checkRecords(transaction, [{ record, entityId: event.entityId, traceContext }]);
  }

  /**
   * `check` for a batch of events, with set-based reads and writes: the plain
   * case (a record placed in an entity, no merge, its only event in the batch)
   * is locked, matched, saved and published for all records together; the
   * rest (merges, records leaving an entity, a record with several events in
   * the batch) go through `check` one by one, in batch order, afterwards.
   */
  async checkMany(
    transaction: EntityManager,
    events: { event: RecordResolved; traceContext?: Context }[],
  ): Promise<void> {
    const eventsPerRecord = new Map<string, number>();
    for (const { event } of events) {
      if (event.record)
        eventsPerRecord.set(event.record.recordId, (eventsPerRecord.get(event.record.recordId) ?? 0) + 1);
    }
    const plain: { record: SharedRecord; entityId: string; traceContext?: Context }[] = [];
    const inOrder: typeof events = [];
    for (const item of events) {
      const { record, decision, mergedEntityIds, entityId } = item.event;
      if (!record || !record.body.case) continue;
      if (
        decision === ResolutionDecision.LEFT_ENTITY ||
        mergedEntityIds.length > 0 ||
        eventsPerRecord.get(record.recordId)! > 1
      )
        inOrder.push(item);
      else plain.push({ record, entityId, traceContext: item.traceContext });
    }
    const known = await this.checked.lockMany(
      transaction,
      plain.map(({ record }) => record.recordId),
    );
    await this.checkRecords(
      transaction,
      plain.filter(({ record, entityId }) => !isStale(record, entityId, known.get(record.recordId.toLowerCase()))),
    );
    for (const { event, traceContext } of inOrder) await this.check(transaction, event, traceContext);
  }

  /** The owner withdrew the record: every match resting on it is retracted. */
  async withdraw(transaction: EntityManager, event: RecordWithdrawn): Promise<void> {
    const known = await this.checked.lock(transaction, event.recordId);
    await this.retractAll(transaction, event.recordId, 'the record was withdrawn by its owner');
    if (known && !known.left) await this.checked.markLeft(transaction, event.recordId);
  }

  /** Matches records (distinct ids), saves them with their keys, publishes what is news and retracts what no longer holds. */
  private async checkRecords(
    transaction: EntityManager,
    records: { record: SharedRecord; entityId: string; traceContext?: Context }[],
  ): Promise<void> {
    if (records.length === 0) return;
    const facts = records.map(({ record }) => factsOf(record));
    const findings = await this.matcher.findForRecords(transaction, facts);
    await this.checked.save(
      transaction,
      records.map(({ record, entityId }, index) => ({
        record: {
          recordId: record.recordId,
          entityId,
          version: record.version,
          owner: record.owner,
          dissemination: disseminationFromContract(record.dissemination),
          facts: facts[index],
          record,
        },
        keys: recordKeysOf(facts[index]),
      })),
    );
    await this.events.found(
      transaction,
      records.flatMap(({ record, entityId, traceContext }, index) =>
        findings[index].map((finding) => ({ record, entityId, finding, traceContext })),
      ),
    );
    const holding = new Set(
      records.flatMap(({ record }, index) =>
        findings[index].map(
          (finding) => `${record.recordId.toLowerCase()}/${finding.dataset}/${finding.entry.entryId}`,
        ),
      ),
    );
    const traceOf = new Map(records.map(({ record, traceContext }) => [record.recordId.toLowerCase(), traceContext]));
    const live = await this.matches.liveOfRecords(
      transaction,
      records.map(({ record }) => record.recordId),
    );
    await this.events.retracted(
      transaction,
      live
        .filter((match) => !holding.has(`${match.recordId.toLowerCase()}/${match.dataset}/${match.entryId}`))
        .map((match) => ({
          match,
          reason: 'the record was updated and no longer matches',
          traceContext: traceOf.get(match.recordId.toLowerCase()),
        })),
    );
  }

  private async retractAll(
    transaction: EntityManager,
    recordId: string,
    reason: string,
    traceContext?: Context,
  ): Promise<void> {
    const live = await this.matches.liveOfRecord(transaction, recordId);
    await this.events.retracted(
      transaction,
      live.map((match) => ({ match, reason, traceContext })),
    );
  }
}

function factsOf(record: SharedRecord): RecordFacts {
  const body = record.body;
  if (!body.case) throw new Error(`record ${record.recordId} has no body: only records with one are checked`);
  return recordFactsOf(body);
}

/** An event older than what was checked, or the same version in the same entity again: nothing to do. */
function isStale(
  record: SharedRecord,
  entityId: string,
  known: { version: number; left: boolean; entityId: string } | undefined,
): boolean {
  if (!known) return false;
  if (record.version < known.version || (known.left && record.version === known.version)) return true;
  return !known.left && record.version === known.version && known.entityId === entityId;
}
