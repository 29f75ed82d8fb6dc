/**
 * Matching's two stages rebuilt in memory, for measuring them without a
 * service: reference entries read the way the loader reads them (the NDJSON
 * line rules, then the dataset's facts and libs/resolution's blocking keys),
 * queries read the way an instant check reads them, and the candidate stage
 * as apps/matching asks Postgres for it (reference-entries.repository.ts):
 * the probe's keys read rarest first up to a budget of rows (libs/resolution
 * keys-read.ts), at most 200 entries per key, in the primary key's order
 * (entry id), then the 100 best by the candidate stage's one ranking (libs/resolution
 * candidate-ranking.ts), ties by entry id. Beside it, the exhaustive stage: every entry of the
 * dataset scored. Both grade with the service's default thresholds.
 */
import { create } from '@bufbuild/protobuf';
import { DisseminationSchema, SharedRecordSchema } from '@crosscheck/contracts';
import { recordBody, recordBodyOf } from '@crosscheck/records';
import {
  blockingKeys,
  byCandidateRank,
  candidateStanding,
  FeatureEvidence,
  keysRead,
  RecordBodyLike,
  RecordFacts,
  recordFactsOf,
  rowsRead,
  scoreRecords,
} from '@crosscheck/resolution';
import { changeOfLine } from '../../apps/matching/src/model/reference-line';
import { DatasetName, entryFactsOf, Probe, probesOf } from '../../apps/matching/src/model/datasets';

/** MatchingConfig.MATCH_CANDIDATES_PER_PROBE's default: what the matcher scores. */
export const CANDIDATES_PER_PROBE = 100;

export interface IndexedEntry {
  dataset: DatasetName;
  entryId: string;
  facts: RecordFacts;
}

/** A reference line (the project's NDJSON object) as the loader stores it; throws on a line the loader would refuse. */
export function indexedEntryOf(dataset: DatasetName, line: object, lineNumber: number): IndexedEntry {
  const change = changeOfLine(line, lineNumber, {
    dataset,
    owner: 'IPSG',
    dissemination: create(DisseminationSchema, {}),
  });
  if (change.op !== 'upsert')
    throw new Error(`${dataset} line ${lineNumber}: the loader would not load it (${JSON.stringify(change)})`);
  const facts = entryFactsOf(dataset, change.entry);
  if (!facts) throw new Error(`${dataset} line ${lineNumber}: no facts`);
  // Stored as jsonb and read back: what the service scores is the JSON form.
  return { dataset, entryId: change.entry.entryId, facts: JSON.parse(JSON.stringify(facts)) as RecordFacts };
}

/** What an instant check is given: the record body alone (`kind` and the body of that kind). */
export function checkBodyOf(query: object): Record<string, unknown> {
  const {
    externalRef: _ref,
    dissemination: _dissemination,
    purpose: _purpose,
    ...body
  } = query as Record<string, unknown>;
  return body;
}

/** The probes an instant check makes of a query body: the record itself, and a person's documents. */
export function probesOfQuery(body: Record<string, unknown>): Probe[] {
  const record = create(SharedRecordSchema, { body: recordBodyOf(recordBody.parse(body)) });
  if (!record.body.case) return [];
  return probesOf(recordFactsOf(record.body as RecordBodyLike));
}

export class ReferenceIndex {
  private readonly entries = new Map<DatasetName, IndexedEntry[]>();
  /** Per dataset, key → entry indexes in entry id order (the primary key's). */
  private readonly keys = new Map<DatasetName, Map<string, number[]>>();

  add(dataset: DatasetName, entries: IndexedEntry[]): void {
    const sorted = [...entries].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0));
    const byKey = new Map<string, number[]>();
    sorted.forEach((entry, index) => {
      for (const key of new Set(blockingKeys(entry.facts))) {
        const list = byKey.get(key);
        if (list) list.push(index);
        else byKey.set(key, [index]);
      }
    });
    this.entries.set(dataset, sorted);
    this.keys.set(dataset, byKey);
  }

  size(dataset: DatasetName): number {
    return this.entries.get(dataset)?.length ?? 0;
  }

  /** The candidate stage for one probe: the best `limit` by the candidate stage's ranking, ties by entry id. */
  candidates(probe: Probe, limit = CANDIDATES_PER_PROBE): IndexedEntry[] {
    const entries = this.entries.get(probe.dataset) ?? [];
    const byKey = this.keys.get(probe.dataset);
    if (!byKey) return [];
    // Per entry, the count of each key read that it shares.
    const shared = new Map<number, number[]>();
    const counted = [...new Set(blockingKeys(probe.facts))].map((key) => ({ key, rows: byKey.get(key)?.length ?? 0 }));
    for (const { key, rows } of keysRead(counted)) {
      const carriers = byKey.get(key)!;
      for (let i = 0; i < rowsRead(rows); i++) {
        const keyRows = shared.get(carriers[i]);
        if (keyRows) keyRows.push(rows);
        else shared.set(carriers[i], [rows]);
      }
    }
    return [...shared.entries()]
      .map(([index, keyRows]) => ({ index, standing: candidateStanding(keyRows) }))
      .sort((a, b) => byCandidateRank(a.standing, b.standing) || a.index - b.index)
      .slice(0, limit)
      .map(({ index }) => entries[index]);
  }

  /** Every entry of the probe's dataset scoring at least `minScore`, by scoring them all. */
  exhaustive(probe: Probe, minScore: number): { entry: IndexedEntry; score: number }[] {
    return scored(probe, this.entries.get(probe.dataset) ?? [], minScore);
  }
}

/** Scores a probe against the given entries; those reaching `minScore`. */
export function scored<Entry extends { facts: RecordFacts }>(
  probe: Probe,
  entries: Entry[],
  minScore: number,
): { entry: Entry; score: number; features: FeatureEvidence[] }[] {
  const found: { entry: Entry; score: number; features: FeatureEvidence[] }[] = [];
  for (const entry of entries) {
    const pair = scoreRecords(probe.facts, entry.facts);
    if (pair && pair.score >= minScore) found.push({ entry, score: pair.score, features: pair.features });
  }
  return found;
}
