/**
 * Quality of matching against labels: each query is labelled with the entry it
 * must find, or with none (a hard negative). A query predicts every entry
 * returned at an accepted level. Counted per (query, entry) pair: the labelled
 * entry predicted is a true positive, not predicted a false negative; any other
 * entry predicted is a false positive. Precision, recall and F1 overall and per
 * group (a dataset, a variant, a script), and for hard negatives the number of
 * queries that predicted anything at all (false hits).
 */
export interface LabelledOutcome {
  /** The entry the query must find, as `dataset/entryId`; null for a hard negative. */
  expected: string | null;
  /** Entries returned, as `dataset/entryId`, with their level. */
  returned: { entry: string; level: 'hit' | 'possible'; score: number }[];
  groups: string[];
}

export interface GroupQuality {
  queries: number;
  /** Queries labelled with an entry to find. */
  positives: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Hard negatives that predicted at least one entry. */
  falseHits: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Quality per group (and `overall`), counting entries returned at one of `levels`. */
export function matchingQuality(
  outcomes: LabelledOutcome[],
  levels: ReadonlySet<'hit' | 'possible'>,
): Map<string, GroupQuality> {
  const groups = new Map<string, Omit<GroupQuality, 'precision' | 'recall' | 'f1'>>();
  for (const outcome of outcomes) {
    const predicted = new Set(outcome.returned.filter((found) => levels.has(found.level)).map((found) => found.entry));
    const truePositive = outcome.expected !== null && predicted.has(outcome.expected);
    const falsePositives = predicted.size - (truePositive ? 1 : 0);
    for (const name of ['overall', ...outcome.groups]) {
      let group = groups.get(name);
      if (!group)
        groups.set(
          name,
          (group = { queries: 0, positives: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0, falseHits: 0 }),
        );
      group.queries++;
      if (outcome.expected !== null) {
        group.positives++;
        if (truePositive) group.truePositives++;
        else group.falseNegatives++;
      } else if (predicted.size > 0) group.falseHits++;
      group.falsePositives += falsePositives;
    }
  }
  return new Map(
    [...groups.entries()].map(([name, counts]) => {
      // Nothing predicted means nothing wrong (precision 1); nothing to find means nothing missed (recall 1).
      const predicted = counts.truePositives + counts.falsePositives;
      const precision = predicted === 0 ? 1 : counts.truePositives / predicted;
      const recall = counts.positives === 0 ? 1 : counts.truePositives / counts.positives;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return [name, { ...counts, precision, recall, f1 }];
    }),
  );
}

/** `variant:sltd/near_miss_number` → `variant_sltd_near_miss_number`: a figure name's stem. */
export function figureStem(group: string): string {
  return group
    .replace(/[^a-z0-9]+/gi, '_')
    .replace(/_+$/, '')
    .toLowerCase();
}

/** What a group's figure names start with: nothing for `overall`, `sltd_` for `dataset:sltd`, `sltd_exact_` for `variant:sltd/exact`. */
export function groupStem(group: string): string {
  return group === 'overall' ? '' : `${figureStem(group.replace(/^(dataset|variant):/, ''))}_`;
}
