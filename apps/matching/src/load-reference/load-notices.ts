/**
 * Loads a notices file into matching's reference tables, streaming it line by
 * line. Every added or changed entry is written with its `reference.changed.v1`
 * event in the same transaction; bad lines are reported with their number and
 * reason and skipped. The whole load is one transaction: a load that fails
 * halfway leaves the previous version serving.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { ChangeType, ReferenceChangedSchema, Topics } from '@crosscheck/contracts';
import { Outbox } from '@crosscheck/messaging';
import { nameParts, personFactsOf } from '@crosscheck/resolution';
import { DataSource } from 'typeorm';
import { ReferenceEntriesRepository } from '../reference-data/reference-entries.repository';
import { BadLine, parseNoticeLine } from './notice-line';

export interface LoadSummary {
  dataset: string;
  version: number;
  added: number;
  modified: number;
  unchanged: number;
  rejected: { line: number; reason: string }[];
}

const CHANGE = { added: ChangeType.ADDED, modified: ChangeType.MODIFIED } as const;

export async function loadNotices(dataSource: DataSource, outbox: Outbox, file: string, dataset: string, owner: string): Promise<LoadSummary> {
  const entries = new ReferenceEntriesRepository();
  return dataSource.transaction(async (transaction) => {
    const version = await entries.upsertDataset(transaction, dataset, owner, { scope: 'all' });
    const summary: LoadSummary = { dataset, version, added: 0, modified: 0, unchanged: 0, rejected: [] };
    let lineNumber = 0;
    for await (const text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      lineNumber++;
      if (!text.trim()) continue;
      let entry;
      try {
        entry = parseNoticeLine(text, dataset, owner);
      } catch (error) {
        if (!(error instanceof BadLine)) throw error;
        summary.rejected.push({ line: lineNumber, reason: error.message });
        continue;
      }
      const subject = entry.body.case === 'notice' ? entry.body.value.subject : undefined;
      const facts = subject ? personFactsOf(subject) : { names: [] };
      const colour = entry.body.case === 'notice' ? entry.body.value.colour : 0;
      const change = await entries.upsertEntry(transaction, { dataset, entryId: entry.entryId, version, facts, entry }, [...new Set(facts.names.flatMap(nameParts))], colour);
      summary[change]++;
      if (change === 'unchanged') continue;
      await outbox.enqueue(transaction, {
        topic: Topics.referenceChanged,
        key: `${dataset}/${entry.entryId}`,
        schema: ReferenceChangedSchema,
        message: create(ReferenceChangedSchema, { dataset, datasetVersion: BigInt(version), change: CHANGE[change], entry, changedAt: timestampNow() }),
      });
    }
    return summary;
  });
}
