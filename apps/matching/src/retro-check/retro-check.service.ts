/**
 * Retro-hits: when a reference entry is added or changed (a new Red Notice, a
 * passport reported stolen), every record matching has checked is checked
 * against it, through the same blocking keys the other way round: the entry's
 * keys find the records whose probes share them (an index lookup bounded per
 * key, so the cost does not grow with the number of stored records), and only
 * those are scored. A changed entry's matches that no longer hold, and all of
 * a removed entry's, are retracted.
 */
import { Injectable } from '@nestjs/common';
import { ChangeType, ReferenceChanged } from '@crosscheck/contracts';
import { blockingKeys } from '@crosscheck/resolution';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import { CheckedRecordsRepository } from '../persistence/checked-records.repository';
import { MatchesRepository } from '../persistence/matches.repository';
import { FoundMatch, MatchEvents } from '../persistence/match-events';
import { Matcher } from '../model/matcher';
import { isDataset } from '../model/datasets';
import { ReferenceEntriesRepository } from '../persistence/reference-entries.repository';
import { MatchingConfig } from '../matching.config';

@Injectable()
export class RetroCheckService {
  constructor(
    private readonly entries: ReferenceEntriesRepository,
    private readonly checked: CheckedRecordsRepository,
    private readonly matches: MatchesRepository,
    private readonly matcher: Matcher,
    private readonly events: MatchEvents,
    private readonly config: MatchingConfig,
  ) {}

  async onChange(transaction: EntityManager, event: ReferenceChanged, traceContext?: Context): Promise<void> {
    const entryId = event.entry?.entryId;
    if (!entryId || !isDataset(event.dataset)) return;
    // The entry as it is now: a later change may already have replaced or removed it; its own event will follow.
    const entry =
      event.change === ChangeType.REMOVED ? undefined : await this.entries.find(transaction, event.dataset, entryId);
    if (!entry) {
      const live = await this.matches.liveOfEntry(transaction, event.dataset, entryId);
      await this.events.retracted(
        transaction,
        live.map((match) => ({ match, reason: 'the reference entry was removed', traceContext })),
      );
      return;
    }
    const found: FoundMatch[] = [];
    for (const record of await this.checked.candidates(
      transaction,
      entry.dataset,
      blockingKeys(entry.facts),
      this.config.MATCH_CANDIDATES_PER_PROBE,
    )) {
      const finding = this.matcher.findForEntry(record.facts, entry);
      if (finding) found.push({ record: record.record, entityId: record.entityId, finding, traceContext });
    }
    // A changed entry may have changed only who may see it, or its outside policy: alerting re-evaluates every pair.
    await this.events.found(transaction, found, event.change === ChangeType.MODIFIED);
    const holding = new Set(found.map(({ record }) => record.recordId.toLowerCase()));
    const live = await this.matches.liveOfEntry(transaction, entry.dataset, entryId);
    await this.events.retracted(
      transaction,
      live
        .filter((match) => !holding.has(match.recordId.toLowerCase()))
        .map((match) => ({ match, reason: 'the reference entry changed and no longer matches', traceContext })),
    );
  }
}
