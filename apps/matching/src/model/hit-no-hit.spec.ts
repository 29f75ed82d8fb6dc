import { HIT_NO_HIT_ACTION } from '@crosscheck/auth';
import { hitNoHitAnswers, newHitReference } from './hit-no-hit';

describe('hit/no-hit answers', () => {
  const at = new Date('2026-12-06T10:00:00Z');
  let next = 0;
  const reference = () => `REF-${++next}`;

  it.each([
    [
      'one finding: one line at its level',
      [{ dataset: 'notices', owner: 'FRA', level: 'possible' }],
      ['notices FRA possible'],
    ],
    [
      'two entries of one owner: one line, the strongest level',
      [
        { dataset: 'notices', owner: 'FRA', level: 'possible' },
        { dataset: 'notices', owner: 'FRA', level: 'hit' },
      ],
      ['notices FRA hit'],
    ],
    [
      'two owners: a line each',
      [
        { dataset: 'notices', owner: 'FRA', level: 'hit' },
        { dataset: 'notices', owner: 'DEU', level: 'possible' },
      ],
      ['notices FRA hit', 'notices DEU possible'],
    ],
  ] as const)('%s', (_, findings, lines) => {
    const answers = hitNoHitAnswers([...findings], at, reference);
    expect(answers.map(({ answer }) => `${answer.dataset} ${answer.owner} ${answer.level}`)).toEqual(lines);
    for (const { answer } of answers) {
      expect(Object.keys(answer).sort()).toEqual(['access', 'action', 'at', 'dataset', 'level', 'owner', 'reference']);
      expect(answer).toMatchObject({ access: 'hit-no-hit', at: at.toISOString(), action: HIT_NO_HIT_ACTION });
    }
    expect(new Set(answers.map(({ answer }) => answer.reference)).size).toBe(answers.length);
  });

  it('gives every answer a new opaque reference', () => {
    const references = Array.from({ length: 1000 }, newHitReference);
    expect(new Set(references).size).toBe(1000);
    for (const reference of references) expect(reference).toMatch(/^HNH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });
});
