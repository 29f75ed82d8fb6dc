import { verdictOf, type CheckHit, type RestrictedHit } from './verdict';

const hit = (fields: Partial<CheckHit>): CheckHit => ({
  dataset: 'notices',
  entryId: 'E1',
  level: 'hit',
  score: 0.97,
  subject: 'record',
  noticeColour: 'red',
  features: [{ feature: 'name', score: 1 }],
  entry: { owner: 'FRA' },
  ...fields,
});

describe('verdictOf', () => {
  it.each([
    ['no hits', [], 'no_hit', 'NO HIT'],
    ['a red notice hit', [hit({})], 'hit', 'HIT: RED notice'],
    [
      'a stolen passport',
      [hit({ dataset: 'sltd', noticeColour: undefined })],
      'hit',
      'HIT: Travel document reported stolen or lost',
    ],
    [
      'a possible yellow notice',
      [hit({ level: 'possible', noticeColour: 'yellow' })],
      'possible',
      'POSSIBLE: YELLOW notice',
    ],
    [
      'a hit beside a better-scored possible',
      [hit({ level: 'possible', score: 0.99, entryId: 'P' }), hit({ score: 0.9 })],
      'hit',
      'HIT: RED notice',
    ],
  ] as [string, CheckHit[], string, string][])('%s', (_, hits, level, headline) => {
    const verdict = verdictOf(hits);
    expect([verdict.level, verdict.headline]).toEqual([level, headline]);
  });

  it('says whom to call and, for a possible, which facts to confirm', () => {
    const verdict = verdictOf([
      hit({
        level: 'possible',
        features: [
          { feature: 'name', score: 1 },
          { feature: 'date_of_birth', score: 0.4 },
        ],
      }),
    ]);
    expect(verdict.contact).toContain('FRA');
    expect(verdict.confirm).toEqual(['the date of birth']);
  });

  it.each([
    ['alone', [], 'HIT: restricted entry'],
    ['beside a full possible', [hit({ level: 'possible' })], 'HIT: restricted entry'],
    ['beside a full hit, which says more', [hit({})], 'HIT: RED notice'],
  ] as [string, CheckHit[], string][])('a hit/no-hit answer %s', (_, others, headline) => {
    const restricted: RestrictedHit = {
      access: 'hit-no-hit',
      dataset: 'notices',
      owner: 'DEU',
      level: 'hit',
      reference: 'HNH-AAAA-BBBB-CCCC',
      at: '2026-12-06T10:00:00Z',
      action: 'Hit in a restricted notice: contact the owner quoting this reference before acting',
    };
    const verdict = verdictOf([restricted, ...others]);
    expect(verdict.headline).toBe(headline);
    if (headline === 'HIT: restricted entry') {
      expect(verdict).toMatchObject({ level: 'hit', reference: 'HNH-AAAA-BBBB-CCCC', action: restricted.action });
      expect(verdict.contact).toContain('DEU');
      expect(verdict.hit).toBeUndefined();
    }
  });
});
