/**
 * Reference datasets (notices, SLTD, SMV, firearms, works of art) as matching
 * stores them: each entry as published, its facts for scoring, and its
 * blocking keys for candidate lookup.
 */
import { Injectable } from '@nestjs/common';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import type { DisseminationRule } from '@crosscheck/auth';
import { ReferenceEntry, ReferenceEntrySchema } from '@crosscheck/contracts';
import {
  CANDIDATE_RARE_SQL,
  CANDIDATE_WEIGHT_SQL,
  keyReadSql,
  keyRowsReadBeforeSql,
  ROWS_PER_KEY,
  type RecordFacts,
} from '@crosscheck/resolution';
import { bulkInsert } from '@crosscheck/persistence';
import { EntityManager } from 'typeorm';
import type { DatasetName } from '../model/datasets';

export interface StoredEntry {
  dataset: DatasetName;
  entryId: string;
  version: number;
  facts: RecordFacts;
  entry: ReferenceEntry;
}

export interface Dataset {
  dataset: DatasetName;
  owner: string;
  dissemination: DisseminationRule;
  version: number;
}

interface EntryRow {
  dataset: DatasetName;
  entry_id: string;
  version: string;
  facts: RecordFacts;
  entry: Buffer;
}

/**
 * The entry as published is decoded when first asked for: scoring needs only
 * the facts, and most candidates are scored and dropped (decoding every one of
 * them was a large share of a check's CPU).
 */
const toEntry = (row: EntryRow): StoredEntry => {
  let entry: ReferenceEntry | undefined;
  return {
    dataset: row.dataset,
    entryId: row.entry_id,
    version: Number(row.version),
    facts: row.facts,
    get entry() {
      return (entry ??= fromBinary(ReferenceEntrySchema, row.entry));
    },
  };
};

function entryRefOf(agency: string, entryId: string): string {
  return entryId.slice(agency.length + 1);
}

const INSERT_ENTRIES = bulkInsert<{
  dataset: DatasetName;
  version: number;
  contributor: string | null;
  entry: StoredEntry;
}>('reference_entries', {
  dataset: ['text', (row) => row.dataset],
  entry_id: ['text', (row) => row.entry.entryId],
  version: ['bigint', (row) => row.version],
  kind: ['text', (row) => row.entry.facts.kind],
  notice_colour: ['int', ({ entry }) => (entry.entry.body.case === 'notice' ? entry.entry.body.value.colour : 0)],
  facts: ['jsonb', (row) => row.entry.facts],
  entry: ['bytea', (row) => toBinary(ReferenceEntrySchema, row.entry.entry)],
  contributor: ['text', (row) => row.contributor],
  entry_ref: ['text', (row) => (row.contributor === null ? null : entryRefOf(row.contributor, row.entry.entryId))],
});

const INSERT_KEYS = bulkInsert<{ dataset: DatasetName; key: string; entryId: string }>('reference_keys', {
  dataset: ['text', (row) => row.dataset],
  key: ['text', (row) => row.key],
  entry_id: ['text', (row) => row.entryId],
});

@Injectable()
export class ReferenceEntriesRepository {
  /**
   * Entries of a dataset sharing blocking keys with a probe, best first by the
   * candidate stage's one ranking (candidate-ranking.ts in libs/resolution:
   * a rare key shared first, then the most keys, each weighted by its rarity):
   * recall first, at most `limit`.
   */
  async candidates(
    manager: EntityManager,
    dataset: DatasetName,
    keys: string[],
    limit: number,
  ): Promise<StoredEntry[]> {
    return (await this.candidatesOfEach(manager, [{ dataset, keys }], limit))[0];
  }

  /**
   * `candidates` for many probes in one statement (a batch of records): each
   * probe's keys with their counts, those it reads (libs/resolution
   * keys-read.ts: rarest first, up to a budget of rows), the index lookups per
   * (probe, key), ranked per probe, then each entry read once by primary key.
   * The entry rows are read through a LATERAL that cannot be flattened
   * (OFFSET 0): with the hits' count unknown to the planner, a plain join may
   * otherwise hash the whole dataset.
   */
  async candidatesOfEach(
    manager: EntityManager,
    probes: { dataset: DatasetName; keys: string[] }[],
    limit: number,
  ): Promise<StoredEntry[][]> {
    const answers = probes.map((): StoredEntry[] => []);
    const wanted = probes.flatMap((probe, index) =>
      [...new Set(probe.keys)].map((key) => ({ index, dataset: probe.dataset, key })),
    );
    if (wanted.length === 0) return answers;
    const rows: (EntryRow & { probe: number })[] = await manager.query(
      `WITH counted AS (
         SELECT w.probe, w.dataset, w.key, c.rows,
                ${keyRowsReadBeforeSql('w.key', 'c.rows', 'w.probe')} AS read_before
           FROM unnest($1::int[], $2::text[], $3::text[]) AS w(probe, dataset, key)
           JOIN reference_key_counts c ON c.dataset = w.dataset AND c.key = w.key AND c.rows > 0),
       hits AS (
         SELECT w.probe, w.dataset, hit.entry_id, ${CANDIDATE_WEIGHT_SQL} AS weight, ${CANDIDATE_RARE_SQL} AS rare
           FROM counted AS w
           CROSS JOIN LATERAL (SELECT entry_id, w.rows AS key_rows FROM reference_keys k
                                WHERE k.dataset = w.dataset AND k.key = w.key LIMIT ${ROWS_PER_KEY}) AS hit
          WHERE ${keyReadSql('w.rows', 'w.read_before')}
          GROUP BY w.probe, w.dataset, hit.entry_id),
       ranked AS (
         SELECT probe, dataset, entry_id, row_number() OVER (PARTITION BY probe ORDER BY rare DESC, weight DESC, entry_id) AS rank FROM hits),
       chosen AS MATERIALIZED (SELECT probe, dataset, entry_id, rank FROM ranked WHERE rank <= $4)
       SELECT c.probe, e.dataset, e.entry_id, e.version, e.facts, e.entry
         FROM chosen c
         CROSS JOIN LATERAL (SELECT dataset, entry_id, version, facts, entry FROM reference_entries r
                              WHERE r.dataset = c.dataset AND r.entry_id = c.entry_id OFFSET 0) AS e
        ORDER BY c.probe, c.rank`,
      [wanted.map((w) => w.index), wanted.map((w) => w.dataset), wanted.map((w) => w.key), limit],
    );
    // Entries found for several probes of the batch are decoded once.
    const decoded = new Map<string, StoredEntry>();
    for (const row of rows) {
      const id = `${row.dataset}/${row.entry_id}`;
      let entry = decoded.get(id);
      if (!entry) decoded.set(id, (entry = toEntry(row)));
      answers[row.probe].push(entry);
    }
    return answers;
  }

  async find(manager: EntityManager, dataset: DatasetName, entryId: string): Promise<StoredEntry | undefined> {
    const rows: EntryRow[] = await manager.query(
      'SELECT dataset, entry_id, version, facts, entry FROM reference_entries WHERE dataset = $1 AND entry_id = $2',
      [dataset, entryId],
    );
    return rows[0] && toEntry(rows[0]);
  }

  /** One agency's own entry of a dataset, by its entry reference. */
  async findContributed(
    manager: EntityManager,
    dataset: DatasetName,
    agency: string,
    entryRef: string,
  ): Promise<StoredEntry | undefined> {
    const rows: EntryRow[] = await manager.query(
      `SELECT dataset, entry_id, version, facts, entry FROM reference_entries
        WHERE dataset = $1 AND contributor = $2 AND entry_ref = $3`,
      [dataset, agency, entryRef],
    );
    return rows[0] && toEntry(rows[0]);
  }

  /** One agency's own entries of a dataset, by entry reference, after `after` (a page's last). */
  async contributedBy(
    manager: EntityManager,
    dataset: DatasetName,
    agency: string,
    page: { limit: number; after?: string },
  ): Promise<{ entryRef: string; entry: StoredEntry }[]> {
    const rows: (EntryRow & { entry_ref: string })[] = await manager.query(
      `SELECT dataset, entry_id, version, facts, entry, entry_ref FROM reference_entries
        WHERE dataset = $1 AND contributor = $2 AND ($3::text IS NULL OR entry_ref > $3)
        ORDER BY entry_ref LIMIT $4`,
      [dataset, agency, page.after ?? null, page.limit],
    );
    return rows.map((row) => ({ entryRef: row.entry_ref, entry: toEntry(row) }));
  }

  async datasets(manager: EntityManager): Promise<Dataset[]> {
    const rows: { dataset: DatasetName; owner: string; dissemination: DisseminationRule; version: string }[] =
      await manager.query('SELECT dataset, owner, dissemination, version FROM reference_datasets ORDER BY dataset');
    return rows.map((row) => ({
      dataset: row.dataset,
      owner: row.owner,
      dissemination: row.dissemination,
      version: Number(row.version),
    }));
  }

  /** Starts the dataset's next version (locking the dataset row, so loads of one dataset take turns). */
  async nextVersion(
    manager: EntityManager,
    dataset: DatasetName,
    owner: string,
    dissemination: DisseminationRule,
  ): Promise<number> {
    const rows: { version: string }[] = await manager.query(
      `INSERT INTO reference_datasets (dataset, owner, dissemination, version) VALUES ($1, $2, $3, 1)
       ON CONFLICT (dataset) DO UPDATE SET owner = EXCLUDED.owner, dissemination = EXCLUDED.dissemination,
         version = reference_datasets.version + 1, updated_at = now()
       RETURNING version`,
      [dataset, owner, JSON.stringify(dissemination)],
    );
    return Number(rows[0].version);
  }

  /** Starts the next version of one agency's contributed part of a dataset (locking it, so its writes take turns). */
  async nextPartVersion(manager: EntityManager, dataset: DatasetName, agency: string): Promise<number> {
    const rows: { version: string }[] = await manager.query(
      `INSERT INTO reference_parts (dataset, agency, version) VALUES ($1, $2, 1)
       ON CONFLICT (dataset, agency) DO UPDATE SET version = reference_parts.version + 1, updated_at = now()
       RETURNING version`,
      [dataset, agency],
    );
    return Number(rows[0].version);
  }

  /**
   * Writes entries and their keys in one statement each; returns the ids of
   * those that were new and of those that changed. An entry identical to the
   * stored one is left alone but marked as present in `version`. Entries are
   * written into one part of the dataset (`contributor`: an agency's own
   * entries, or null for what the owner loads); an entry of another part is
   * never overwritten.
   */
  async upsertMany(
    manager: EntityManager,
    dataset: DatasetName,
    version: number,
    entries: { entry: StoredEntry; keys: string[] }[],
    contributor: string | null = null,
  ): Promise<{ added: Set<string>; modified: Set<string> }> {
    const added = new Set<string>();
    const modified = new Set<string>();
    if (entries.length === 0) return { added, modified };
    const rows = await INSERT_ENTRIES.insert<{ entry_id: string; inserted: boolean }>(
      manager,
      entries.map(({ entry }) => ({ dataset, version, contributor, entry })),
      `ON CONFLICT (dataset, entry_id) DO UPDATE SET version = EXCLUDED.version, kind = EXCLUDED.kind, notice_colour = EXCLUDED.notice_colour,
         facts = EXCLUDED.facts, entry = EXCLUDED.entry
       WHERE reference_entries.entry IS DISTINCT FROM EXCLUDED.entry
         AND reference_entries.contributor IS NOT DISTINCT FROM EXCLUDED.contributor
       RETURNING entry_id, (xmax = 0) AS inserted`,
    );
    for (const row of rows) (row.inserted ? added : modified).add(row.entry_id);
    const unchanged = entries.map(({ entry }) => entry.entryId).filter((id) => !added.has(id) && !modified.has(id));
    if (unchanged.length > 0) {
      await manager.query(
        `UPDATE reference_entries SET version = $2
          WHERE dataset = $1 AND entry_id = ANY($3::text[]) AND contributor IS NOT DISTINCT FROM $4`,
        [dataset, version, unchanged, contributor],
      );
    }
    const changed = entries.filter(({ entry }) => added.has(entry.entryId) || modified.has(entry.entryId));
    if (modified.size > 0)
      await manager.query('DELETE FROM reference_keys WHERE dataset = $1 AND entry_id = ANY($2::text[])', [
        dataset,
        [...modified],
      ]);
    await INSERT_KEYS.insert(
      manager,
      changed.flatMap(({ entry, keys }) => [...new Set(keys)].map((key) => ({ dataset, key, entryId: entry.entryId }))),
      'ON CONFLICT DO NOTHING',
    );
    return { added, modified };
  }

  /**
   * Removes entries from the part of the dataset named, in one statement each for them and their keys; answers
   * those there were, as they were, in no particular order.
   */
  async remove(
    manager: EntityManager,
    dataset: DatasetName,
    entryIds: string[],
    contributor: string | null = null,
  ): Promise<StoredEntry[]> {
    if (entryIds.length === 0) return [];
    // DELETE ... RETURNING answers [rows, count] through TypeORM.
    const [rows]: [EntryRow[], number] = await manager.query(
      `DELETE FROM reference_entries WHERE dataset = $1 AND entry_id = ANY($2::text[]) AND contributor IS NOT DISTINCT FROM $3
       RETURNING dataset, entry_id, version, facts, entry`,
      [dataset, entryIds, contributor],
    );
    if (rows.length === 0) return [];
    await manager.query('DELETE FROM reference_keys WHERE dataset = $1 AND entry_id = ANY($2::text[])', [
      dataset,
      rows.map((row) => row.entry_id),
    ]);
    return rows.map(toEntry);
  }

  /**
   * Entry ids of the dataset a full load did not mention (loaded before `version`): the ones a full replace removes.
   * Agencies' contributed entries are not the owner's to replace.
   */
  async idsNotLoadedIn(
    manager: EntityManager,
    dataset: DatasetName,
    version: number,
    limit: number,
  ): Promise<string[]> {
    const rows: { entry_id: string }[] = await manager.query(
      'SELECT entry_id FROM reference_entries WHERE dataset = $1 AND version < $2 AND contributor IS NULL LIMIT $3',
      [dataset, version, limit],
    );
    return rows.map((row) => row.entry_id);
  }
}
