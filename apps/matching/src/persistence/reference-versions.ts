/**
 * Loading a reference dataset: a stream of changes (from any format's parser,
 * an agency's contributions, an approved notice request) applied as the next
 * version of the dataset, or of one agency's part of it, in batches, in ONE transaction, so a
 * load that fails halfway leaves the previous version serving. Every added,
 * changed or removed entry is published on `reference.changed.v1` with it
 * (through the outbox, so in the same transaction). A full load removes what
 * the file no longer lists; a delta load changes only what it names. Bad lines
 * are reported with their number and reason and skipped, unless the caller
 * asks that the first one stop the load.
 */
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import type { DisseminationRule } from '@crosscheck/auth';
import {
  ChangeType,
  ReferenceChangedSchema,
  ReferenceEntry,
  ReferenceEntrySchema,
  Topics,
} from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { markDerivedWhileEmpty, withDeferredKeyCounts } from '@crosscheck/persistence';
import { blockingKeys, derivationRevision } from '@crosscheck/resolution';
import { DataSource, EntityManager } from 'typeorm';
import { DatasetName, entryFactsOf } from '../model/datasets';
import { REFERENCE_KEY_COUNTS } from '../migrations/1763800000390-reference-key-counts';
import { REFERENCE_DERIVATION } from './derivations';
import { ReferenceEntriesRepository, StoredEntry } from './reference-entries.repository';
import type { ReferenceChange } from '../model/reference-change';

export type LoadMode = 'full' | 'delta';

export interface LoadOptions {
  dataset: DatasetName;
  owner: string;
  dissemination: DisseminationRule;
  mode: LoadMode;
  /** Stop (and change nothing) at the first bad line, rather than skip it. */
  stopOnBadLine?: boolean;
  /** Called after each batch with the lines read so far. */
  onProgress?: (lines: number) => void;
  /**
   * The agency whose own part of the dataset this is: its entries alone are written and removed, under the
   * part's own version. Unset: the dataset's owner loads it.
   */
  contributor?: string;
  /** Told what became of each entry written or removed (for answers item by item). */
  onEntry?: (entryId: string, outcome: EntryOutcome) => void;
  /** More work for the same transaction, once the changes are applied (an audit line, a request's new state). */
  alongside?: (transaction: EntityManager, summary: LoadSummary) => Promise<void>;
}

export type EntryOutcome = 'added' | 'modified' | 'unchanged' | 'removed';

export interface LoadSummary {
  dataset: DatasetName;
  version: number;
  mode: LoadMode;
  lines: number;
  added: number;
  modified: number;
  unchanged: number;
  removed: number;
  skipped: number;
  rejected: { line: number; reason: string }[];
}

/** A bad line when `stopOnBadLine` is set: the load is rolled back. */
export class LoadStopped extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

const BATCH = 500;
/** Rejections kept in the summary; the count goes on. */
const MAX_REPORTED_REJECTIONS = 10_000;

/**
 * A load vacuums the tables it wrote once it changed 10,000 entries, or a tenth of the entries stored (or any, in
 * tables never analysed): the share at which autovacuum would analyse them, done at once, since checks start the
 * moment the load commits, and autovacuum may be a minute away or, on some installations, off. A contribution of a
 * few entries to a large dataset leaves that to autovacuum.
 */
const VACUUM_AFTER_ROWS = 10_000;
const VACUUM_AFTER_SHARE = 0.1;

export async function loadReference(
  dataSource: DataSource,
  outbox: Outbox,
  changes: AsyncIterable<ReferenceChange>,
  options: LoadOptions,
): Promise<LoadSummary> {
  const summary = await loadInOneTransaction(dataSource, outbox, changes, options);
  if (await worthVacuuming(dataSource, summary.added + summary.modified + summary.removed)) {
    // The candidate lookup is an index-only scan of reference_keys: until a vacuum marks the freshly written
    // pages all-visible, it reads the heap for every index row, at random (at 1M notices, most of a lookup's time).
    // The load updated each common key's count once per statement, in one transaction: until a vacuum, a count is
    // read through every version it had (at 100,000 notices, 140 a key). Until an analysis, the planner takes
    // every table for empty (in a demo's 3,000 notices, a name check's lookup took 9 ms instead of 6).
    await dataSource.query('VACUUM (ANALYZE) reference_keys, reference_entries, reference_key_counts');
  }
  return summary;
}

async function worthVacuuming(dataSource: DataSource, changed: number): Promise<boolean> {
  if (changed === 0) return false;
  if (changed >= VACUUM_AFTER_ROWS) return true;
  // What the last analysis counted, of every dataset; -1 before the first.
  const [{ entries }]: { entries: number }[] = await dataSource.query(
    "SELECT reltuples::float8 AS entries FROM pg_class WHERE oid = 'reference_entries'::regclass",
  );
  return changed >= VACUUM_AFTER_SHARE * Math.max(0, entries);
}

async function loadInOneTransaction(
  dataSource: DataSource,
  outbox: Outbox,
  changes: AsyncIterable<ReferenceChange>,
  options: LoadOptions,
): Promise<LoadSummary> {
  const entries = new ReferenceEntriesRepository();
  return dataSource.transaction((transaction) =>
    withDeferredKeyCounts(transaction, REFERENCE_KEY_COUNTS, () =>
      loadIn(transaction, entries, outbox, changes, options),
    ),
  );
}

async function loadIn(
  transaction: EntityManager,
  entries: ReferenceEntriesRepository,
  outbox: Outbox,
  changes: AsyncIterable<ReferenceChange>,
  options: LoadOptions,
): Promise<LoadSummary> {
  // Every key this load writes is derived by this build's rules.
  await markDerivedWhileEmpty(transaction, REFERENCE_DERIVATION.name, 'reference_entries', derivationRevision());
  const contributor = options.contributor ?? null;
  const version = contributor
    ? await entries.nextPartVersion(transaction, options.dataset, contributor)
    : await entries.nextVersion(transaction, options.dataset, options.owner, options.dissemination);
  const summary: LoadSummary = {
    dataset: options.dataset,
    version,
    mode: options.mode,
    lines: 0,
    added: 0,
    modified: 0,
    unchanged: 0,
    removed: 0,
    skipped: 0,
    rejected: [],
  };
  let rejectedCount = 0;
  let upserts: { entry: StoredEntry; keys: string[] }[] = [];
  let removals: string[] = [];
  // One batch is written while the next is read and prepared: Postgres and the parsing overlap.
  // Batches are still written one after another, in file order, on the transaction's connection.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    const batch = { upserts, removals, lines: summary.lines };
    upserts = [];
    removals = [];
    writing = (async () => {
      const part = { dataset: options.dataset, version, contributor, onEntry: options.onEntry };
      await applyUpserts(transaction, entries, outbox, part, batch.upserts, summary);
      await applyRemovals(transaction, entries, outbox, part, batch.removals, summary);
      options.onProgress?.(batch.lines);
    })();
    // Seen at the next flush; handled here so that it does not count as unhandled meanwhile.
    writing.catch(() => undefined);
  };
  try {
    for await (const change of changes) {
      summary.lines = Math.max(summary.lines, change.line);
      if (change.op === 'rejected') {
        if (options.stopOnBadLine) throw new LoadStopped(change.line, change.reason);
        rejectedCount++;
        if (summary.rejected.length < MAX_REPORTED_REJECTIONS)
          summary.rejected.push({ line: change.line, reason: change.reason });
      } else if (change.op === 'skipped') {
        summary.skipped++;
      } else if (change.op === 'remove') {
        removals.push(change.entryId);
      } else {
        const facts = entryFactsOf(options.dataset, change.entry);
        if (!facts) {
          const reason = `the entry's body is not one the ${options.dataset} dataset holds`;
          if (options.stopOnBadLine) throw new LoadStopped(change.line, reason);
          summary.rejected.push({ line: change.line, reason });
          continue;
        }
        upserts.push({
          entry: { dataset: options.dataset, entryId: change.entry.entryId, version, facts, entry: change.entry },
          keys: blockingKeys(facts),
        });
      }
      if (upserts.length + removals.length >= BATCH) await flush();
    }
    await flush();
    await writing;
  } catch (error) {
    // The rollback must come after the batch being written, never between its statements.
    await writing.catch(() => undefined);
    throw error;
  }
  if (options.mode === 'full' && version > 1 && !contributor) {
    // What the file no longer lists goes, in batches. (Every entry of a first version was written by this load.)
    for (
      let gone = await entries.idsNotLoadedIn(transaction, options.dataset, version, BATCH);
      gone.length > 0;
      gone = await entries.idsNotLoadedIn(transaction, options.dataset, version, BATCH)
    ) {
      await applyRemovals(
        transaction,
        entries,
        outbox,
        { dataset: options.dataset, version, contributor, onEntry: options.onEntry },
        gone,
        summary,
      );
    }
  }
  if (rejectedCount > summary.rejected.length)
    summary.rejected.push({
      line: 0,
      reason: `${rejectedCount - summary.rejected.length} more rejected lines not listed`,
    });
  await options.alongside?.(transaction, summary);
  return summary;
}

/** The part of a dataset a load writes: the owner's (contributor null) or one agency's, at its new version. */
interface Part {
  dataset: DatasetName;
  version: number;
  contributor: string | null;
  onEntry?: LoadOptions['onEntry'];
}

async function applyUpserts(
  transaction: EntityManager,
  entries: ReferenceEntriesRepository,
  outbox: Outbox,
  { dataset, version, contributor, onEntry }: Part,
  batch: { entry: StoredEntry; keys: string[] }[],
  summary: LoadSummary,
): Promise<void> {
  // The last line about an entry wins within a batch, as it would across batches.
  const latest = [...new Map(batch.map((item) => [item.entry.entryId, item])).values()];
  const { added, modified } = await entries.upsertMany(transaction, dataset, version, latest, contributor);
  summary.added += added.size;
  summary.modified += modified.size;
  summary.unchanged += latest.length - added.size - modified.size;
  for (const { entry } of latest)
    onEntry?.(
      entry.entryId,
      added.has(entry.entryId) ? 'added' : modified.has(entry.entryId) ? 'modified' : 'unchanged',
    );
  const events = latest
    .filter(({ entry }) => added.has(entry.entryId) || modified.has(entry.entryId))
    .map(({ entry }) =>
      changeEvent(dataset, version, added.has(entry.entryId) ? ChangeType.ADDED : ChangeType.MODIFIED, entry.entry),
    );
  await outbox.enqueue(transaction, ...events);
}

async function applyRemovals(
  transaction: EntityManager,
  entries: ReferenceEntriesRepository,
  outbox: Outbox,
  { dataset, version, contributor, onEntry }: Part,
  ids: string[],
  summary: LoadSummary,
): Promise<void> {
  const removed = new Map(
    (await entries.remove(transaction, dataset, [...new Set(ids)], contributor)).map((entry) => [entry.entryId, entry]),
  );
  const events = [];
  for (const entryId of new Set(ids)) {
    const entry = removed.get(entryId);
    if (!entry) continue;
    summary.removed++;
    onEntry?.(entryId, 'removed');
    events.push(changeEvent(dataset, version, ChangeType.REMOVED, entry.entry));
  }
  await outbox.enqueue(transaction, ...events);
}

function changeEvent(dataset: DatasetName, version: number, change: ChangeType, entry: ReferenceEntry) {
  return {
    topic: Topics.referenceChanged,
    key: `${dataset}/${entry.entryId}`,
    schema: ReferenceChangedSchema,
    message: create(ReferenceChangedSchema, {
      dataset,
      datasetVersion: BigInt(version),
      change,
      entry: create(ReferenceEntrySchema, entry),
      changedAt: timestampNow(),
    }),
  };
}
