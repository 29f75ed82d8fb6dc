/**
 * Pairwise quality of a clustering against labels, as record-linkage work
 * measures it: a pair of records is a true match when both carry the same
 * label, and predicted when both landed in the same entity. Precision, recall
 * and F1 over all pairs, and per category (a corruption type, a script): a pair
 * counts in a category when either of its records belongs to it.
 */
import { groupBy } from './stats';

export interface LabelledMember {
  recordId: string;
  label: string;
  entityId: string;
  categories: string[];
}

export interface PairCounts {
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
}

export interface Quality extends PairCounts {
  precision: number;
  recall: number;
  f1: number;
}

export function pairwiseQuality(members: LabelledMember[]): { overall: Quality; byCategory: Record<string, Quality> } {
  const overall: PairCounts = { truePairs: 0, predictedPairs: 0, correctPairs: 0 };
  const byCategory = new Map<string, PairCounts>();
  const count = (a: LabelledMember, b: LabelledMember, field: keyof PairCounts) => {
    overall[field]++;
    for (const category of new Set([...a.categories, ...b.categories])) {
      let counts = byCategory.get(category);
      if (!counts) byCategory.set(category, (counts = { truePairs: 0, predictedPairs: 0, correctPairs: 0 }));
      counts[field]++;
    }
  };
  for (const group of groupBy(members, (member) => member.label).values()) {
    forEachPair(group, (a, b) => {
      count(a, b, 'truePairs');
      if (a.entityId === b.entityId) count(a, b, 'correctPairs');
    });
  }
  for (const group of groupBy(members, (member) => member.entityId).values())
    forEachPair(group, (a, b) => count(a, b, 'predictedPairs'));
  return {
    overall: quality(overall),
    byCategory: Object.fromEntries(
      [...byCategory.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([category, counts]) => [category, quality(counts)]),
    ),
  };
}

function quality(counts: PairCounts): Quality {
  // No predicted pairs means no wrong ones (precision 1); no true pairs means none missed (recall 1).
  const precision = counts.predictedPairs === 0 ? 1 : counts.correctPairs / counts.predictedPairs;
  const recall = counts.truePairs === 0 ? 1 : counts.correctPairs / counts.truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

function forEachPair<T>(items: T[], visit: (a: T, b: T) => void): void {
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) visit(items[i], items[j]);
}
