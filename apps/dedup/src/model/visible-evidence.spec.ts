import { PairScore } from '@crosscheck/resolution';
import { visibleComponent, visibleResemblance } from './visible-evidence';

interface Fake {
  recordId: string;
  joinedAt: Date;
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const member = (recordId: string, minute: number): Fake => ({ recordId, joinedAt: at(minute) });

/** A scorer from a table of pair scores; the detail names both records so a test can see whose evidence was used. */
function scorer(scores: Record<string, number>) {
  return (a: Fake, b: Fake): PairScore | undefined => {
    const score = scores[`${a.recordId}-${b.recordId}`] ?? scores[`${b.recordId}-${a.recordId}`];
    return score === undefined
      ? undefined
      : { score, features: [{ feature: 'name', score, weight: 1, detail: `${a.recordId}~${b.recordId}` }] };
  };
}

describe('visibleComponent', () => {
  const a = member('a', 1);
  const c = member('c', 3);
  const d = member('d', 4);

  it.each([
    // [case, visible members, pair scores, start, expected ids]
    ['two visible members that match each other', [a, c], { 'a-c': 0.95 }, undefined, ['a', 'c']],
    ['visible members held together only by a hidden one are apart', [a, c], { 'a-c': 0.6 }, undefined, ['a']],
    ['the same, asked from the later member', [a, c], { 'a-c': 0.6 }, 'c', ['c']],
    ['a chain of visible pairs holds', [a, c, d], { 'a-c': 0.9, 'c-d': 0.88, 'a-d': 0.5 }, 'd', ['a', 'c', 'd']],
    ['a start the caller may not see gives nothing', [a, c], { 'a-c': 0.95 }, 'b', []],
  ])('%s', (_case, visible, scores, start, expected) => {
    const component = visibleComponent(visible, scorer(scores), 0.85, start);
    expect(component.map(({ member }) => member.recordId)).toEqual(expected);
  });

  it('gives the oldest visible member no evidence and the others their best visible pair, never a stored one', () => {
    const component = visibleComponent([d, c, a], scorer({ 'a-c': 0.9, 'c-d': 0.97, 'a-d': 0.86 }), 0.85);
    expect(component.map(({ member, evidence }) => [member.recordId, evidence.decision, evidence.score])).toEqual([
      ['a', 'new_entity', 0],
      ['c', 'joined_entity', 0.97],
      ['d', 'joined_entity', 0.97],
    ]);
    expect(component[0].evidence.explanation).toEqual([]);
    expect(component[2].evidence.explanation[0].detail).toBe('c~d');
  });
});

describe('visibleResemblance', () => {
  const record = member('r', 1);
  it.each([
    ['the best visible pair reaches the review threshold', { 'r-x': 0.72, 'r-y': 0.8 }, 0.8],
    ['no visible pair reaches it (the stored one was against a hidden record)', { 'r-x': 0.5, 'r-y': 0.6 }, undefined],
    ['nothing to compare', {}, undefined],
  ])('%s', (_case, scores, expected) => {
    expect(visibleResemblance(record, [member('x', 2), member('y', 3)], scorer(scores), 0.7)?.score).toBe(expected);
  });
});
