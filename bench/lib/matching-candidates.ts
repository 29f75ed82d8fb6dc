/**
 * What the candidate stage saves: per query, the time matching spends on
 * candidates (blocking keys, the lookup, and scoring the candidates found)
 * against scoring the query with every entry of a sample (libs/resolution's
 * scoreRecords, as the matcher grades a pair). Two candidate stages are timed:
 *  - in memory, over the same sample: reference-candidates.ts's index, which
 *    answers as the repository's SQL does, so both sides see exactly the same
 *    entries and only the candidate stage differs;
 *  - in Postgres, as matching does it (ReferenceEntriesRepository.candidates,
 *    the very query and limit), against the whole loaded dataset, which is
 *    larger than the sample: the real cost, and harder on the candidate side.
 * The sample's facts are what the loader stores: entryFactsOf of the parsed
 * line, through JSON as the jsonb column gives them back.
 */
import { createReadStream } from 'node:fs';
import { blockingKeys, type RecordFacts } from '@crosscheck/resolution';
import type { EntityManager } from 'typeorm';
import { readLines } from '../../apps/matching/src/load-reference/formats';
import { type DatasetName, type Probe } from '../../apps/matching/src/model/datasets';
import { ReferenceEntriesRepository } from '../../apps/matching/src/persistence/reference-entries.repository';
import {
  CANDIDATES_PER_PROBE,
  indexedEntryOf,
  ReferenceIndex,
  scored,
  type IndexedEntry,
} from './reference-candidates';

/** The first `count` entries of a loader file, as the loader parses them and stores their facts, in an index. */
export async function readSample(dataset: DatasetName, file: string, count: number): Promise<ReferenceIndex> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const sample: IndexedEntry[] = [];
  try {
    for await (const line of readLines(input)) {
      sample.push(indexedEntryOf(dataset, JSON.parse(line) as object, sample.length + 1));
      if (sample.length >= count) break;
    }
  } finally {
    input.destroy();
  }
  const index = new ReferenceIndex();
  index.add(dataset, sample);
  return index;
}

export interface QueryTiming {
  exhaustiveMs: number;
  memoryCandidateMs: number;
  databaseCandidateMs: number;
  /** Entries of the sample scoring at least `possible` against the query, by scoring them all. */
  exhaustiveFindings: number;
  /** Of those, how many the in-memory candidate stage also found. */
  foundByCandidates: number;
}

/** Times the three ways of finding a probe's matches; `possible` is the lowest score that is a finding. */
export async function timeProbe(
  probe: Probe,
  index: ReferenceIndex,
  manager: EntityManager,
  possible: number,
): Promise<QueryTiming> {
  const repository = new ReferenceEntriesRepository();
  const findingsOf = (entries: { entryId: string; facts: RecordFacts }[]) =>
    new Set(scored(probe, entries, possible).map(({ entry }) => entry.entryId));

  let started = performance.now();
  const exhaustive = new Set(index.exhaustive(probe, possible).map(({ entry }) => entry.entryId));
  const exhaustiveMs = performance.now() - started;

  started = performance.now();
  const candidates = index.candidates(probe);
  const byCandidates = findingsOf(candidates);
  const memoryCandidateMs = performance.now() - started;

  started = performance.now();
  findingsOf(await repository.candidates(manager, probe.dataset, blockingKeys(probe.facts), CANDIDATES_PER_PROBE));
  const databaseCandidateMs = performance.now() - started;

  return {
    exhaustiveMs,
    memoryCandidateMs,
    databaseCandidateMs,
    exhaustiveFindings: exhaustive.size,
    foundByCandidates: [...exhaustive].filter((entryId) => byCandidates.has(entryId)).length,
  };
}
