import { figureStem, LabelledOutcome, matchingQuality } from './matching-quality';

const hit = (entry: string, score = 0.9) => ({ entry, level: 'hit' as const, score });
const possible = (entry: string, score = 0.75) => ({ entry, level: 'possible' as const, score });
const outcome = (
  expected: string | null,
  returned: LabelledOutcome['returned'],
  groups: string[] = [],
): LabelledOutcome => ({ expected, returned, groups });

describe('matchingQuality', () => {
  const outcomes = [
    outcome('sltd/A', [hit('sltd/A')], ['dataset:sltd']),
    outcome('sltd/B', [possible('sltd/B')], ['dataset:sltd']),
    outcome('notices/C', [hit('notices/C', 1), hit('notices/D')], ['dataset:notices']),
    outcome(null, [hit('notices/E')], ['dataset:notices', 'variant:notices/homonym']),
    outcome(null, [possible('notices/F')], ['dataset:notices', 'variant:notices/homonym']),
  ];

  it('counts the labelled entry returned as a true positive, missed as a false negative, and every other entry as a false positive', () => {
    const overall = matchingQuality(outcomes, new Set(['hit'])).get('overall')!;
    expect(overall).toMatchObject({
      queries: 5,
      positives: 3,
      truePositives: 2,
      falseNegatives: 1,
      falsePositives: 2,
      falseHits: 1,
    });
    expect(overall.precision).toBeCloseTo(0.5);
    expect(overall.recall).toBeCloseTo(2 / 3);
  });

  it('counts possibles too when asked', () => {
    const overall = matchingQuality(outcomes, new Set(['hit', 'possible'])).get('overall')!;
    expect(overall).toMatchObject({ truePositives: 3, falseNegatives: 0, falsePositives: 3, falseHits: 2 });
  });

  it('reports each group on its own queries; a group without positives has recall 1', () => {
    const groups = matchingQuality(outcomes, new Set(['hit']));
    expect(groups.get('dataset:sltd')).toMatchObject({ queries: 2, precision: 1, recall: 0.5 });
    expect(groups.get('variant:notices/homonym')).toMatchObject({
      queries: 2,
      positives: 0,
      falseHits: 1,
      precision: 0,
      recall: 1,
    });
  });
});

describe('figureStem', () => {
  it.each([
    ['variant:sltd/near_miss_number', 'variant_sltd_near_miss_number'],
    ['works-of-art', 'works_of_art'],
    ['script:Hans', 'script_hans'],
  ])('%s → %s', (group, stem) => {
    expect(figureStem(group)).toBe(stem);
  });
});
