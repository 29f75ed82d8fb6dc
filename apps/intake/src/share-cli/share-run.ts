/**
 * The share CLI's run: items from the reader grouped into batches of up to
 * `batchSize` records (and at most `maxBatchBytes` of JSON), up to
 * `concurrency` batches in flight, each intake answer tallied and each
 * rejection, local or intake's, turned into a rejects-file entry naming the
 * source line. Batches are numbered from 1 in file order and hold the same
 * records on every run of the same file, which is what lets a re-run reuse
 * their Idempotency-Keys.
 *
 * It stops reading at the first fatal error or when asked to stop, lets the
 * batches in flight finish, and never sends a part-filled batch then: on a
 * re-run that batch number must hold the same records as a full run would.
 * No I/O of its own: sending and writing rejects are passed in.
 */
import type { IntakeBatchAnswer, IntakeItemResult } from './intake-client';
import type { SourceItem } from './read-records';

/** One line of the rejects file. */
export interface RejectEntry {
  /** Where the record starts in the source file, from 1. */
  line: number;
  externalRef: string | null;
  /** Intake's status for the item; null when the line could not be read and was not sent. */
  status: number | null;
  code: string;
  /** `field: message`, one per problem. */
  reasons: string[];
  /** The record as sent, or the line's text when it could not be read. */
  record: unknown;
}

export interface Tally {
  /** Items dealt with: answered by intake, or rejected without being sent. */
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Of the rejected: lines that could not be read, so were not sent. */
  unreadable: number;
  /** Of the rejected: records intake refused. */
  refused: number;
  batches: number;
  /** Batches intake had already answered under the same Idempotency-Key, in an earlier run. */
  replayedBatches: number;
  /** The last source line read. */
  lastLine: number;
}

export interface OutgoingBatch {
  batchNo: number;
  /** The records as a JSON array. */
  body: string;
  count: number;
  firstLine: number;
  lastLine: number;
}

export interface ShareRunOptions {
  items: AsyncIterable<SourceItem>;
  batchSize: number;
  concurrency: number;
  maxBatchBytes?: number;
  send(batch: OutgoingBatch): Promise<IntakeBatchAnswer>;
  reject(entry: RejectEntry): Promise<void> | void;
  onProgress?(tally: Readonly<Tally>): void;
  /** Polled between items: true stops reading. */
  stopRequested?(): boolean;
}

export interface ShareRunResult {
  tally: Tally;
  /** What stopped the run early, if something did. */
  fatal?: unknown;
  /** Stopped on request before the end of the file. */
  stopped: boolean;
}

/** Intake's default body limit is 16 MiB; batches stay well under it whatever the records' size. */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

interface Pending {
  line: number;
  json: string;
}

export async function runShare(options: ShareRunOptions): Promise<ShareRunResult> {
  const maxBatchBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  const tally: Tally = {
    done: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    unreadable: 0,
    refused: 0,
    batches: 0,
    replayedBatches: 0,
    lastLine: 0,
  };
  const inFlight = new Set<Promise<void>>();
  let fatal: { error: unknown } | undefined;
  let stopped = false;
  let batch: Pending[] = [];
  let batchBytes = 2;
  let batchNo = 0;

  const fail = (error: unknown) => {
    fatal ??= { error };
  };

  const answered = async (items: Pending[], answer: IntakeBatchAnswer) => {
    for (const [index, item] of items.entries()) {
      const result = answer.results[index];
      if (result?.outcome) {
        tally[result.outcome]++;
      } else {
        tally.rejected++;
        tally.refused++;
        await options.reject(refusedEntry(item, result));
      }
      tally.done++;
    }
    tally.batches++;
    if (answer.replayed) tally.replayedBatches++;
    options.onProgress?.(tally);
  };

  const dispatch = async () => {
    const items = batch;
    batch = [];
    batchBytes = 2;
    while (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    if (fatal) return;
    const outgoing: OutgoingBatch = {
      batchNo: ++batchNo,
      body: `[${items.map((item) => item.json).join(',')}]`,
      count: items.length,
      firstLine: items[0]!.line,
      lastLine: items[items.length - 1]!.line,
    };
    const sending: Promise<void> = options
      .send(outgoing)
      .then((answer) => answered(items, answer))
      .catch(fail)
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  };

  try {
    for await (const item of options.items) {
      if (fatal) break;
      if (options.stopRequested?.()) {
        stopped = true;
        break;
      }
      tally.lastLine = item.line;
      if (item.type === 'unreadable') {
        tally.rejected++;
        tally.unreadable++;
        tally.done++;
        await options.reject({
          line: item.line,
          externalRef: item.externalRef ?? null,
          status: null,
          code: item.code,
          reasons: [item.reason],
          record: item.text,
        });
        options.onProgress?.(tally);
        continue;
      }
      const json = JSON.stringify(item.record);
      if (batch.length > 0 && (batch.length >= options.batchSize || batchBytes + json.length + 1 > maxBatchBytes))
        await dispatch();
      batch.push({ line: item.line, json });
      batchBytes += json.length + 1;
    }
    if (!fatal && !stopped && batch.length > 0) await dispatch();
  } catch (error) {
    fail(error);
  }
  while (inFlight.size > 0) await Promise.race(inFlight);
  return { tally, fatal: fatal?.error, stopped };
}

function refusedEntry(item: Pending, result: IntakeItemResult | undefined): RejectEntry {
  const record = JSON.parse(item.json) as Record<string, unknown>;
  const error = result?.error ?? { code: 'unknown', message: 'intake gave no result for this record' };
  const details = error.details ?? [];
  return {
    line: item.line,
    externalRef: typeof record.externalRef === 'string' ? record.externalRef : (result?.externalRef ?? null),
    status: result?.status ?? null,
    code: error.code,
    reasons: details.length > 0 ? details.map((detail) => `${detail.field}: ${detail.message}`) : [error.message],
    record,
  };
}
