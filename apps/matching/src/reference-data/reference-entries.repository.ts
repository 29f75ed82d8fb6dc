/**
 * Reference datasets (notices, SLTD, SMV...) as matching stores them: the entry
 * as published, its facts for scoring, and its name parts under a GIN index
 * for candidate lookup.
 */
import { Injectable } from '@nestjs/common';
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { ReferenceEntry, ReferenceEntrySchema } from '@crosscheck/contracts';
import type { PersonFacts } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';

export interface StoredEntry {
  dataset: string;
  entryId: string;
  version: number;
  facts: PersonFacts;
  entry: ReferenceEntry;
}

interface EntryRow {
  dataset: string;
  entry_id: string;
  version: string;
  facts: PersonFacts;
  entry: Buffer;
}

@Injectable()
export class ReferenceEntriesRepository {
  /** Entries of a dataset sharing at least one name part: recall first, at most `limit`. */
  async candidatesByNameParts(manager: EntityManager, dataset: string, nameParts: string[], limit = 50): Promise<StoredEntry[]> {
    if (nameParts.length === 0) return [];
    const rows: EntryRow[] = await manager.query(
      `SELECT dataset, entry_id, version, facts, entry FROM reference_entries
        WHERE dataset = $1 AND name_parts && $2::text[]
        ORDER BY cardinality(ARRAY(SELECT unnest(name_parts) INTERSECT SELECT unnest($2::text[]))) DESC
        LIMIT $3`,
      [dataset, nameParts, limit],
    );
    return rows.map((row) => ({
      dataset: row.dataset,
      entryId: row.entry_id,
      version: Number(row.version),
      facts: row.facts,
      entry: fromBinary(ReferenceEntrySchema, row.entry),
    }));
  }

  async upsertDataset(manager: EntityManager, dataset: string, owner: string, dissemination: object): Promise<number> {
    const rows: { version: string }[] = await manager.query(
      `INSERT INTO reference_datasets (dataset, owner, dissemination, version) VALUES ($1, $2, $3, 1)
       ON CONFLICT (dataset) DO UPDATE SET owner = EXCLUDED.owner, dissemination = EXCLUDED.dissemination,
         version = reference_datasets.version + 1, updated_at = now()
       RETURNING version`,
      [dataset, owner, JSON.stringify(dissemination)],
    );
    return Number(rows[0].version);
  }

  /** Returns whether the entry is new or changed (an identical re-load changes nothing). */
  async upsertEntry(manager: EntityManager, entry: StoredEntry, nameParts: string[], noticeColour: number): Promise<'added' | 'modified' | 'unchanged'> {
    const bytes = Buffer.from(toBinary(ReferenceEntrySchema, entry.entry));
    const rows: { inserted: boolean }[] = await manager.query(
      `INSERT INTO reference_entries (dataset, entry_id, version, notice_colour, facts, name_parts, entry)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dataset, entry_id) DO UPDATE SET version = EXCLUDED.version, notice_colour = EXCLUDED.notice_colour,
         facts = EXCLUDED.facts, name_parts = EXCLUDED.name_parts, entry = EXCLUDED.entry
       WHERE reference_entries.entry IS DISTINCT FROM EXCLUDED.entry
       RETURNING (xmax = 0) AS inserted`,
      [entry.dataset, entry.entryId, entry.version, noticeColour, JSON.stringify(entry.facts), nameParts, bytes],
    );
    if (rows.length === 0) return 'unchanged';
    return rows[0].inserted ? 'added' : 'modified';
  }
}
