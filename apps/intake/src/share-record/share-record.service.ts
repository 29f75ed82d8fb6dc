/**
 * Sharing records, one or up to 1,000 in a request, by one path: a single
 * share is a batch of one. A record and its `records.received.v1` event are
 * written in one transaction (the outbox), so a 201 means the record will
 * reach every downstream service even if Kafka is down right now. Re-sharing
 * the same externalRef with the same content changes nothing and publishes
 * nothing; with new content (or after a withdrawal) it becomes the record's
 * next version. In a batch each item is validated and answered on its own, so
 * one bad item does not sink the rest; the good ones are written together, in
 * a few statements, which is what makes batches fast. With an Idempotency-Key,
 * a retried batch gets the first answer again and changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, errorBody, FieldProblem, invalidField, validationFailed } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { IntakeConfig } from '../intake.config';
import { kindChange, PreparedContent, prepareContent } from '../model/record-content';
import { DisseminationAgencies } from '../persistence/dissemination-agencies';
import { IdempotencyKeysRepository } from '../persistence/idempotency-keys.repository';
import { OperationTags } from '../persistence/operation-tags';
import { RecordEvents } from '../persistence/record-events';
import { RelationTargets } from '../persistence/relation-targets';
import type { ShareResult, StoredRecord } from '../model/record';
import { RecordsRepository } from '../persistence/records.repository';
import { ShareRecordInput, shareRecordInput } from './share-record.schema';

export const MAX_BATCH = 1_000;

export interface BatchItemResult {
  index: number;
  status: number;
  outcome?: ShareResult['outcome'];
  id?: string;
  externalRef?: string;
  version?: number;
  warnings?: FieldProblem[];
  error?: { code: string; message: string; details: FieldProblem[] };
}

export interface BatchAnswer {
  status: number;
  body: { summary: Record<string, number>; results: BatchItemResult[] };
  replayed: boolean;
}

/** One line of an NDJSON batch refused before validation (not JSON, or text that breaks the rules), kept in place so that its index is reported. */
export class RefusedLine {
  constructor(readonly error: { code: string; message: string; details: FieldProblem[] }) {}
}

/** A record valid by the schema, at its place in the request. */
interface ShareItem {
  index: number;
  input: ShareRecordInput;
}

interface PreparedItem extends ShareItem {
  prepared: PreparedContent;
}

/** What became of each item of a request, by its index: shared, or refused with the reason. */
type ItemOutcomes = (ShareResult | ApiError)[];

@Injectable()
export class ShareRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
    private readonly events: RecordEvents,
    private readonly disseminationAgencies: DisseminationAgencies,
    private readonly idempotencyKeys: IdempotencyKeysRepository,
    private readonly operationTags: OperationTags,
    private readonly relationTargets: RelationTargets,
    private readonly config: IntakeConfig,
  ) {}

  /**
   * One record, as a batch of one: its refusal is thrown. `audit` writes the request's audit line in the record's
   * transaction, once the outcome is known.
   */
  async share(
    owner: string,
    input: ShareRecordInput,
    audit?: (transaction: EntityManager, result: ShareResult) => Promise<void>,
  ): Promise<ShareResult> {
    const outcomes: ItemOutcomes = [];
    const prepared = await this.prepare([{ index: 0, input }], outcomes);
    if (outcomes[0] instanceof ApiError) throw outcomes[0];
    return this.dataSource.transaction(async (transaction) => {
      await this.write(transaction, owner, prepared, outcomes);
      const [result] = outcomes;
      if (result instanceof ApiError) throw result;
      await audit?.(transaction, result);
      return result;
    });
  }

  /** Up to MAX_BATCH records, each answered on its own, in order. */
  async shareBatch(owner: string, items: unknown[], idempotencyKey?: string): Promise<BatchAnswer> {
    if (items.length === 0) throw batchError('must hold at least one record');
    if (items.length > MAX_BATCH) throw batchError(`must hold at most ${MAX_BATCH} records, not ${items.length}`);
    const requestHash = createHash('sha256').update(JSON.stringify(items)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.earlierAnswer(owner, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }

    const outcomes: ItemOutcomes = new Array(items.length);
    const prepared = await this.prepare(this.parse(items, outcomes), outcomes);

    return this.dataSource.transaction(async (transaction) => {
      await this.write(transaction, owner, prepared, outcomes);
      const results = outcomes.map(resultOf);
      const answer: BatchAnswer = {
        status: HttpStatus.OK,
        body: { summary: summarize(results), results },
        replayed: false,
      };
      if (idempotencyKey) {
        const kept = await this.idempotencyKeys.keep(transaction, owner, idempotencyKey, { requestHash, ...answer });
        // The same key was used by a concurrent request that committed first: undo ours, answer theirs.
        if (!kept)
          throw new ApiError(
            HttpStatus.CONFLICT,
            'idempotency_key_in_use',
            'a request with this Idempotency-Key was processed concurrently; retry to get its answer',
          );
      }
      return answer;
    });
  }

  private async earlierAnswer(owner: string, key: string, requestHash: string): Promise<BatchAnswer | undefined> {
    const earlier = await this.idempotencyKeys.find<BatchAnswer['body']>(this.dataSource.manager, owner, key);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency_key_reused',
        'this Idempotency-Key was used for a different batch',
      );
    }
    return { status: earlier.status, body: earlier.body, replayed: true };
  }

  /** The items of a batch that are records by the schema; the others are refused in place. */
  private parse(items: unknown[], outcomes: ItemOutcomes): ShareItem[] {
    const valid: ShareItem[] = [];
    for (const [index, item] of items.entries()) {
      if (item instanceof RefusedLine) {
        outcomes[index] = new ApiError(HttpStatus.BAD_REQUEST, item.error.code, item.error.message, item.error.details);
      } else if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        outcomes[index] = new ApiError(
          HttpStatus.BAD_REQUEST,
          'validation_failed',
          'each item must be a record object',
        );
      } else {
        const checked = shareRecordInput.check(item);
        if (checked.ok) valid.push({ index, input: checked.value });
        else outcomes[index] = validationFailed(checked.problems);
      }
    }
    return valid;
  }

  /** Each record's content prepared for storing, once per externalRef, its dissemination naming known agencies. */
  private async prepare(items: ShareItem[], outcomes: ItemOutcomes): Promise<PreparedItem[]> {
    const prepared: PreparedItem[] = [];
    const seen = new Map<string, number>();
    for (const { index, input } of items) {
      const earlier = seen.get(input.externalRef);
      if (earlier !== undefined) {
        outcomes[index] = new ApiError(
          HttpStatus.CONFLICT,
          'duplicate_in_batch',
          `externalRef ${input.externalRef} is also item ${earlier}; send one version of a record per batch`,
        );
        continue;
      }
      try {
        const { externalRef: _, ...content } = input;
        prepared.push({ index, input, prepared: prepareContent(content, this.config.RECORD_RETENTION_DAYS) });
        seen.set(input.externalRef, index);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        outcomes[index] = error;
      }
    }
    const disseminationRefusals = await this.disseminationAgencies.refusals(
      this.dataSource.manager,
      prepared.map((item) => item.input),
    );
    return prepared.filter((item, position) => {
      const refusal = disseminationRefusals[position];
      if (refusal) outcomes[item.index] = refusal;
      return !refusal;
    });
  }

  /**
   * Writes the records: new ones in one statement, new versions of known ones, and every change's event. A record
   * another request inserted after we looked is compared with that one on a second pass, as a re-share would be.
   */
  private async write(
    transaction: EntityManager,
    owner: string,
    items: PreparedItem[],
    outcomes: ItemOutcomes,
  ): Promise<void> {
    const published: StoredRecord[] = [];
    const shared = (item: PreparedItem, outcome: ShareResult['outcome'], record: StoredRecord) =>
      (outcomes[item.index] = { outcome, record, warnings: item.prepared.warnings });
    // A relation's role must fit its target's kind: a target of the same request counts as shared.
    const relationRefusals = await this.relationTargets.refusals(
      transaction,
      owner,
      items.map((item) => item.input),
      new Map(items.map((item) => [item.input.externalRef, item.input.kind])),
    );
    const relationRefusal = new Map(items.map((item, position) => [item.index, relationRefusals[position]]));
    let pending = items;
    for (let pass = 0; pass < 2 && pending.length > 0; pass++) {
      const existing = new Map(
        (
          await this.records.findByExternalRefs(
            transaction,
            owner,
            pending.map((item) => item.input.externalRef),
          )
        ).map((record) => [record.externalRef, record]),
      );
      // An operation tag is checked when it is given: a record keeping the tag it has is not checked again.
      const tagRefusals = await this.operationTags.refusals(
        transaction,
        owner,
        pending.map(({ input }) =>
          input.operation === existing.get(input.externalRef)?.content.operation ? {} : input,
        ),
      );
      const fresh: PreparedItem[] = [];
      for (const [position, item] of pending.entries()) {
        const known = existing.get(item.input.externalRef);
        const refusal =
          (known && kindChange(known, item.input.kind)) || tagRefusals[position] || relationRefusal.get(item.index);
        if (refusal) outcomes[item.index] = refusal;
        else if (!known) fresh.push(item);
        else if (known.contentHash === item.prepared.contentHash && !known.withdrawnAt)
          shared(item, 'unchanged', known);
        else {
          const updated = await this.records.replaceContent(transaction, {
            ...known,
            ...item.prepared,
            version: known.version + 1,
          });
          published.push(updated);
          shared(item, 'updated', updated);
        }
      }
      const inserted = new Map(
        (
          await this.records.insertMany(
            transaction,
            fresh.map((item) => ({
              recordId: randomUUID(),
              owner,
              externalRef: item.input.externalRef,
              kind: item.input.kind,
              version: 1,
              ...item.prepared,
            })),
          )
        ).map((record) => [record.externalRef, record]),
      );
      pending = fresh.filter((item) => {
        const record = inserted.get(item.input.externalRef);
        if (record) {
          published.push(record);
          shared(item, 'created', record);
        }
        return !record;
      });
    }
    if (pending.length > 0)
      throw new Error(`record ${owner}/${pending[0].input.externalRef} could be neither inserted nor found`);
    await this.events.received(transaction, ...published);
  }
}

function resultOf(outcome: ShareResult | ApiError, index: number): BatchItemResult {
  if (outcome instanceof ApiError) return { index, status: outcome.getStatus(), error: errorBody(outcome) };
  const { record } = outcome;
  return {
    index,
    status: outcome.outcome === 'created' ? HttpStatus.CREATED : HttpStatus.OK,
    outcome: outcome.outcome,
    id: record.recordId,
    externalRef: record.externalRef,
    version: record.version,
    warnings: outcome.warnings,
  };
}

function summarize(results: BatchItemResult[]): Record<string, number> {
  const summary: Record<string, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const result of results) summary[result.outcome ?? 'rejected']++;
  return summary;
}

function batchError(message: string): ApiError {
  return invalidField('records', 'batchSize', message);
}
