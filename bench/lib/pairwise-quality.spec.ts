import { pairwiseQuality, type LabelledMember } from './pairwise-quality';

const member = (recordId: string, label: string, entityId: string, categories: string[] = []): LabelledMember => ({
  recordId,
  label,
  entityId,
  categories,
});

describe('pairwiseQuality', () => {
  it('is perfect when entities are exactly the labels', () => {
    const { overall } = pairwiseQuality([member('a', 'L1', 'E1'), member('b', 'L1', 'E1'), member('c', 'L2', 'E2')]);
    expect(overall).toMatchObject({ truePairs: 1, predictedPairs: 1, correctPairs: 1, precision: 1, recall: 1, f1: 1 });
  });

  it('counts a missed duplicate against recall and an over-merge against precision', () => {
    // L1 = {a,b,c} split into E1={a,b} and E2={c}; L2 = {d} wrongly merged into E1.
    const { overall } = pairwiseQuality([
      member('a', 'L1', 'E1'),
      member('b', 'L1', 'E1'),
      member('c', 'L1', 'E2'),
      member('d', 'L2', 'E1'),
    ]);
    expect(overall.truePairs).toBe(3);
    expect(overall.predictedPairs).toBe(3);
    expect(overall.correctPairs).toBe(1);
    expect(overall.precision).toBeCloseTo(1 / 3);
    expect(overall.recall).toBeCloseTo(1 / 3);
  });

  it('attributes a pair to every category either record belongs to', () => {
    const { byCategory } = pairwiseQuality([
      member('a', 'L1', 'E1', ['Latn']),
      member('b', 'L1', 'E2', ['Cyrl', 'transliteration']),
      member('c', 'L1', 'E1', ['Latn', 'typo']),
    ]);
    expect(byCategory.typo).toMatchObject({ truePairs: 2, correctPairs: 1, recall: 0.5 });
    expect(byCategory.transliteration).toMatchObject({ truePairs: 2, correctPairs: 0, recall: 0, precision: 1 });
    expect(byCategory.Latn).toMatchObject({ truePairs: 3, predictedPairs: 1, correctPairs: 1 });
  });
});
