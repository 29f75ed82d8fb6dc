/**
 * Contributions: an agency adds, changes and removes its own entries of
 * sltd, smv, firearms and works-of-art. Every write is the next version of
 * that agency's part of the dataset, applied by the loader's own code
 * (persistence/reference-versions), so each change is published on
 * `reference.changed.v1` and retro-checks follow exactly as for a load. An
 * agency only ever reaches its own entries: they are looked up by (dataset,
 * agency, entryRef), and another agency's entry is as missing as one never made.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { toJson } from '@bufbuild/protobuf';
import { ReferenceEntrySchema } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { ApiError, errorBody, FieldProblem, validationFailed } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { ContributedDataset, contributedEntryId, contributionOf } from '../model/contribution';
import type { ReferenceChange } from '../model/reference-change';
import { ReferenceEntriesRepository, StoredEntry } from '../persistence/reference-entries.repository';
import { EntryOutcome, loadReference } from '../persistence/reference-versions';

export const MAX_CONTRIBUTION_BATCH = 1_000;

export type ContributionOutcome = 'created' | 'updated' | 'unchanged';

export interface ContributionView {
  dataset: string;
  entryRef: string;
  entryId: string;
  version: number;
  entry: unknown;
}

export interface ContributionResult {
  index: number;
  status: number;
  entryRef?: string;
  outcome?: ContributionOutcome;
  error?: { code: string; message: string; details: FieldProblem[] };
}

const OUTCOMES: Record<Exclude<EntryOutcome, 'removed'>, ContributionOutcome> = {
  added: 'created',
  modified: 'updated',
  unchanged: 'unchanged',
};

@Injectable()
export class ContributeReferenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly entries: ReferenceEntriesRepository,
  ) {}

  /** One entry, as a batch of one: refused whole with every problem named, or written as the part's next version. */
  async contribute(
    agency: string,
    dataset: ContributedDataset,
    item: unknown,
  ): Promise<{ outcome: ContributionOutcome; contribution: ContributionView }> {
    const {
      results: [result],
    } = await this.contributeBatch(agency, dataset, [item]);
    if (result.error) throw new ApiError(result.status, result.error.code, result.error.message, result.error.details);
    const contribution = await this.find(agency, dataset, result.entryRef!);
    return { outcome: result.outcome!, contribution };
  }

  /** Up to MAX_CONTRIBUTION_BATCH entries, each checked on its own; the good ones are one new version. */
  async contributeBatch(
    agency: string,
    dataset: ContributedDataset,
    items: unknown[],
  ): Promise<{ results: ContributionResult[] }> {
    const results: ContributionResult[] = [];
    const changes: ReferenceChange[] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const input = contributionOf(agency, dataset, item);
      if (!input.valid) {
        results.push({
          index,
          status: HttpStatus.BAD_REQUEST,
          entryRef: input.entryRef,
          error: errorBody(validationFailed(input.problems)),
        });
      } else if (seen.has(input.entryRef)) {
        results.push({
          index,
          status: HttpStatus.CONFLICT,
          entryRef: input.entryRef,
          error: {
            code: 'duplicate_in_batch',
            message: `entryRef ${input.entryRef} is already in this batch`,
            details: [{ field: 'entryRef', rule: 'uniqueInBatch', message: 'must appear once per batch' }],
          },
        });
      } else {
        seen.add(input.entryRef);
        changes.push({ line: index + 1, op: 'upsert', entry: input.entry });
        results.push({ index, status: HttpStatus.OK, entryRef: input.entryRef });
      }
    });
    const outcomes = changes.length > 0 ? await this.write(agency, dataset, changes) : new Map();
    for (const result of results) {
      if (result.status !== HttpStatus.OK || !result.entryRef) continue;
      result.outcome = OUTCOMES[outcomes.get(contributedEntryId(agency, result.entryRef)) as 'added'];
      if (result.outcome !== 'unchanged') result.status = HttpStatus.CREATED;
    }
    return { results };
  }

  async find(agency: string, dataset: ContributedDataset, entryRef: string): Promise<ContributionView> {
    const stored = await this.entries.findContributed(this.dataSource.manager, dataset, agency, entryRef);
    if (!stored) throw notFound(dataset, entryRef);
    return viewOf(entryRef, stored);
  }

  async list(
    agency: string,
    dataset: ContributedDataset,
    page: { limit: number; after?: string },
  ): Promise<{ contributions: ContributionView[]; nextCursor: string | null }> {
    const found = await this.entries.contributedBy(this.dataSource.manager, dataset, agency, page);
    const last = found[found.length - 1];
    return {
      contributions: found.map(({ entryRef, entry }) => viewOf(entryRef, entry)),
      nextCursor: found.length === page.limit && last ? Buffer.from(last.entryRef).toString('base64url') : null,
    };
  }

  /** Removes the agency's own entry (a vehicle found, a document recovered); its standing matches are retracted. */
  async remove(agency: string, dataset: ContributedDataset, entryRef: string): Promise<ContributionView> {
    const removed = await this.find(agency, dataset, entryRef);
    const outcomes = await this.write(agency, dataset, [{ line: 1, op: 'remove', entryId: removed.entryId }]);
    // Removed meanwhile by another call: this one changed nothing.
    if (outcomes.get(removed.entryId) !== 'removed') throw notFound(dataset, entryRef);
    return removed;
  }

  private async write(
    agency: string,
    dataset: ContributedDataset,
    changes: ReferenceChange[],
  ): Promise<Map<string, EntryOutcome>> {
    const outcomes = new Map<string, EntryOutcome>();
    await loadReference(
      this.dataSource,
      this.outbox,
      (async function* () {
        yield* changes;
      })(),
      {
        dataset,
        owner: agency,
        contributor: agency,
        // Each entry carries its own; the part has none of its own.
        dissemination: { scope: 'owner-only' },
        mode: 'delta',
        stopOnBadLine: true,
        onEntry: (entryId, outcome) => outcomes.set(entryId, outcome),
      },
    );
    return outcomes;
  }
}

function viewOf(entryRef: string, stored: StoredEntry): ContributionView {
  return {
    dataset: stored.dataset,
    entryRef,
    entryId: stored.entryId,
    version: stored.version,
    entry: toJson(ReferenceEntrySchema, stored.entry),
  };
}

function notFound(dataset: string, entryRef: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no entry ${entryRef} of yours in ${dataset}`);
}
