/**
 * Sharing up to 1,000 records in one request. Each item is validated on its
 * own and answered on its own, so one bad item does not sink the rest; the
 * good ones are written together, records and outbox rows in one transaction
 * and a few statements, which is what makes batches fast. With an
 * Idempotency-Key, a retried batch gets the first answer again and changes
 * nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError, FieldProblem, invalidField, validationFailed } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { IntakeConfig } from '../intake.config';
import { kindChange, PreparedContent, prepareContent } from '../model/record-content';
import { OperationTags } from '../persistence/operation-tags';
import { DisseminationAgencies } from '../persistence/dissemination-agencies';
import { RecordEvents } from '../persistence/record-events';
import type { ShareOutcome, StoredRecord } from '../model/record';
import { RecordsRepository } from '../persistence/records.repository';
import { ShareRecordInput, shareRecordInput } from './share-record.schema';
import { ShareRecordService } from './share-record.service';

export const MAX_BATCH = 1_000;

export interface BatchItemResult {
  index: number;
  status: number;
  outcome?: ShareOutcome;
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

interface ValidItem {
  index: number;
  input: ShareRecordInput;
  prepared: PreparedContent;
}

@Injectable()
export class ShareBatchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
    private readonly events: RecordEvents,
    private readonly shareRecord: ShareRecordService,
    private readonly disseminationAgencies: DisseminationAgencies,
    private readonly operationTags: OperationTags,
    private readonly config: IntakeConfig,
  ) {}

  async share(owner: string, items: unknown[], idempotencyKey?: string): Promise<BatchAnswer> {
    if (items.length === 0) throw batchError('must hold at least one record');
    if (items.length > MAX_BATCH) throw batchError(`must hold at most ${MAX_BATCH} records, not ${items.length}`);
    const requestHash = createHash('sha256').update(JSON.stringify(items)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.earlierAnswer(this.dataSource.manager, owner, idempotencyKey, requestHash);
      if (earlier) return earlier;
    }

    const results: BatchItemResult[] = new Array(items.length);
    const valid = await this.validate(owner, items, results);

    return this.dataSource.transaction(async (transaction) => {
      await this.write(transaction, owner, valid, results);
      const answer: BatchAnswer = {
        status: HttpStatus.OK,
        body: { summary: summarize(results), results },
        replayed: false,
      };
      if (idempotencyKey) {
        const kept: unknown[] = await transaction.query(
          `INSERT INTO idempotency_keys (agency, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (agency, key) DO NOTHING RETURNING key`,
          [owner, idempotencyKey, requestHash, answer.status, JSON.stringify(answer.body)],
        );
        // The same key was used by a concurrent request that committed first: undo ours, answer theirs.
        if (kept.length === 0)
          throw new ApiError(
            HttpStatus.CONFLICT,
            'idempotency_key_in_use',
            'a request with this Idempotency-Key was processed concurrently; retry to get its answer',
          );
      }
      return answer;
    });
  }

  private async earlierAnswer(
    manager: EntityManager,
    owner: string,
    key: string,
    requestHash: string,
  ): Promise<BatchAnswer | undefined> {
    const rows: { request_hash: string; status: number; response: BatchAnswer['body'] }[] = await manager.query(
      'SELECT request_hash, status, response FROM idempotency_keys WHERE agency = $1 AND key = $2',
      [owner, key],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].request_hash !== requestHash) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency_key_reused',
        'this Idempotency-Key was used for a different batch',
      );
    }
    return { status: rows[0].status, body: rows[0].response, replayed: true };
  }

  private async validate(owner: string, items: unknown[], results: BatchItemResult[]): Promise<ValidItem[]> {
    const valid: ValidItem[] = [];
    const seen = new Map<string, number>();
    for (const [index, item] of items.entries()) {
      const refuse = (error: ApiError) => (results[index] = refused(index, error));
      if (item instanceof RefusedLine) {
        refuse(new ApiError(HttpStatus.BAD_REQUEST, item.error.code, item.error.message, item.error.details));
        continue;
      }
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        refuse(new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'each item must be a record object'));
        continue;
      }
      const checked = shareRecordInput.check(item);
      if (!checked.ok) {
        refuse(validationFailed(checked.problems));
        continue;
      }
      const input = checked.value;
      const earlier = seen.get(input.externalRef);
      if (earlier !== undefined) {
        refuse(
          new ApiError(
            HttpStatus.CONFLICT,
            'duplicate_in_batch',
            `externalRef ${input.externalRef} is also item ${earlier}; send one version of a record per batch`,
          ),
        );
        continue;
      }
      try {
        const { externalRef: _, ...content } = input;
        valid.push({ index, input, prepared: prepareContent(content, this.config.RECORD_RETENTION_DAYS) });
        seen.set(input.externalRef, index);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        refuse(error);
      }
    }
    const disseminationRefusals = await this.disseminationAgencies.refusals(
      this.dataSource.manager,
      valid.map((item) => item.input),
    );
    const operationRefusals = await this.operationTags.refusals(
      this.dataSource.manager,
      owner,
      valid.map((item) => item.input),
    );
    return valid.filter((item, position) => {
      const refusal = disseminationRefusals[position] ?? operationRefusals[position];
      if (refusal) results[item.index] = refused(item.index, refusal);
      return !refusal;
    });
  }

  private async write(
    transaction: EntityManager,
    owner: string,
    items: ValidItem[],
    results: BatchItemResult[],
  ): Promise<void> {
    const existing = new Map(
      (
        await this.records.findByExternalRefs(
          transaction,
          owner,
          items.map((item) => item.input.externalRef),
        )
      ).map((record) => [record.externalRef, record]),
    );
    const answer = (item: ValidItem, outcome: ShareOutcome, record: StoredRecord) =>
      (results[item.index] = {
        index: item.index,
        status: outcome === 'created' ? HttpStatus.CREATED : HttpStatus.OK,
        outcome,
        id: record.recordId,
        externalRef: record.externalRef,
        version: record.version,
        warnings: item.prepared.warnings,
      });

    const fresh: ValidItem[] = [];
    const published: StoredRecord[] = [];
    for (const item of items) {
      const known = existing.get(item.input.externalRef);
      const refusal = known && kindChange(known, item.input.kind);
      if (refusal) {
        results[item.index] = refused(item.index, refusal);
      } else if (!known) fresh.push(item);
      else if (known.contentHash === item.prepared.contentHash && !known.withdrawnAt) answer(item, 'unchanged', known);
      else {
        const updated = await this.records.replaceContent(transaction, {
          ...known,
          ...item.prepared,
          version: known.version + 1,
        });
        published.push(updated);
        answer(item, 'updated', updated);
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
    for (const item of fresh) {
      const record = inserted.get(item.input.externalRef);
      if (record) {
        published.push(record);
        answer(item, 'created', record);
        continue;
      }
      // Shared concurrently by another request a moment ago: take the single-record path, which compares.
      const { outcome, record: raced } = await this.shareRecord.shareIn(transaction, owner, item.input);
      answer(item, outcome, raced);
    }
    await this.events.received(transaction, ...published);
  }
}

function refused(index: number, error: ApiError): BatchItemResult {
  return {
    index,
    status: error.getStatus(),
    error: { code: error.code, message: error.message, details: error.details },
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
