/**
 * The two stages of matching, for every path that matches (a resolved record,
 * a new reference entry, an instant check): candidates from blocking keys,
 * recall first, then scoring with the evidence and grading by the dataset's
 * thresholds. Nothing here writes.
 */
import { Injectable } from '@nestjs/common';
import { FeatureEvidence, RecordFacts, blockingKeys, scoreRecords } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { MatchingConfig } from '../matching.config';
import { DatasetName, Probe, probesOf } from './datasets';
import { ReferenceEntriesRepository, StoredEntry } from '../persistence/reference-entries.repository';
import { levelOf, MatchLevelName } from './match-level';

export type { MatchLevelName } from './match-level';

export interface Finding {
  dataset: DatasetName;
  entry: StoredEntry;
  /** What of the record matched: `record`, or one of a person's documents. */
  subject: string;
  score: number;
  level: MatchLevelName;
  features: FeatureEvidence[];
}

@Injectable()
export class Matcher {
  constructor(
    private readonly entries: ReferenceEntriesRepository,
    private readonly config: MatchingConfig,
  ) {}

  /** Every entry of every applicable dataset the record matches, the best finding per entry. */
  async findForRecord(manager: EntityManager, facts: RecordFacts): Promise<Finding[]> {
    return (await this.findForRecords(manager, [facts]))[0];
  }

  /** `findForRecord` for a batch of records, with one candidate query for all their probes. */
  async findForRecords(manager: EntityManager, records: RecordFacts[]): Promise<Finding[][]> {
    const probes = records.flatMap((facts, record) => probesOf(facts).map((probe) => ({ record, probe })));
    const candidates = await this.entries.candidatesOfEach(
      manager,
      probes.map(({ probe }) => ({ dataset: probe.dataset, keys: blockingKeys(probe.facts) })),
      this.config.MATCH_CANDIDATES_PER_PROBE,
    );
    const findings = records.map(() => new Map<string, Finding>());
    probes.forEach(({ record, probe }, index) => {
      for (const entry of candidates[index]) {
        const finding = this.grade(probe, entry);
        const id = `${entry.dataset}/${entry.entryId}`;
        const best = findings[record].get(id);
        if (finding && (!best || finding.score > best.score)) findings[record].set(id, finding);
      }
    });
    return findings.map((found) => [...found.values()].sort((a, b) => b.score - a.score));
  }

  /** How a record's probes for the entry's dataset compare with one entry: the best of them, if any reaches a level. */
  findForEntry(facts: RecordFacts, entry: StoredEntry): Finding | undefined {
    let best: Finding | undefined;
    for (const probe of probesOf(facts)) {
      if (probe.dataset !== entry.dataset) continue;
      const finding = this.grade(probe, entry);
      if (finding && (!best || finding.score > best.score)) best = finding;
    }
    return best;
  }

  private grade(probe: Probe, entry: StoredEntry): Finding | undefined {
    const thresholds = this.config.thresholdsOf(probe.dataset);
    const pair = scoreRecords(probe.facts, entry.facts, undefined, thresholds.possible);
    if (!pair) return undefined;
    const level = levelOf(probe.dataset, pair.score, pair.features, thresholds);
    return (
      level && {
        dataset: probe.dataset,
        entry,
        subject: probe.subject,
        score: pair.score,
        level,
        features: pair.features,
      }
    );
  }
}
