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
import { recordFactsOf } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { MatchEvents } from '../match/match-events';
import { Matcher } from '../match/matcher';
import { CheckedRecordsRepository } from './checked-records.repository';
import { MatchesRepository } from './matches.repository';

@Injectable()
export class CheckEntityService {
  constructor(
    private readonly matcher: Matcher,
    private readonly checked: CheckedRecordsRepository,
    private readonly matches: MatchesRepository,
    private readonly events: MatchEvents,
  ) {}

  async check(transaction: EntityManager, event: RecordResolved): Promise<void> {
    const record = event.record;
    if (!record || !record.body.case) return;
    await this.matches.moveEntities(transaction, event.entityId, event.mergedEntityIds);
    await this.checked.moveEntities(transaction, event.entityId, event.mergedEntityIds);
    const known = await this.checked.lock(transaction, record.recordId);

    if (event.decision === ResolutionDecision.LEFT_ENTITY) {
      // Only if it has not since been placed in another entity (the two events travel on different keys).
      if (known && !known.left && known.entityId === event.entityId && known.version <= record.version) {
        await this.retractAll(transaction, record.recordId, 'the record left its entity: withdrawn, or no longer the same subject');
        await this.checked.markLeft(transaction, record.recordId);
      }
      return;
    }
    if (known && (record.version < known.version || (known.left && record.version === known.version))) return;
    if (known && !known.left && record.version === known.version && known.entityId === event.entityId) return;
    await this.checkRecord(transaction, record, event.entityId);
  }

  /** The owner withdrew the record: every match resting on it is retracted. */
  async withdraw(transaction: EntityManager, event: RecordWithdrawn): Promise<void> {
    const known = await this.checked.lock(transaction, event.recordId);
    await this.retractAll(transaction, event.recordId, 'the record was withdrawn by its owner');
    if (known && !known.left) await this.checked.markLeft(transaction, event.recordId);
  }

  private async checkRecord(transaction: EntityManager, record: SharedRecord, entityId: string): Promise<void> {
    const body = record.body;
    if (!body.case) return;
    const facts = recordFactsOf(body);
    const findings = await this.matcher.findForRecord(transaction, facts);
    await this.checked.save(
      transaction,
      { recordId: record.recordId, entityId, version: record.version, owner: record.owner, dissemination: disseminationFromContract(record.dissemination), facts, record },
      this.matcher.keysOfRecord(facts),
    );
    for (const finding of findings) await this.events.found(transaction, record, entityId, finding);
    const holding = new Set(findings.map((finding) => `${finding.dataset}/${finding.entry.entryId}`));
    for (const match of await this.matches.liveOfRecord(transaction, record.recordId)) {
      if (!holding.has(`${match.dataset}/${match.entryId}`)) await this.events.retracted(transaction, match, 'the record was updated and no longer matches');
    }
  }

  private async retractAll(transaction: EntityManager, recordId: string, reason: string): Promise<void> {
    for (const match of await this.matches.liveOfRecord(transaction, recordId)) await this.events.retracted(transaction, match, reason);
  }
}
