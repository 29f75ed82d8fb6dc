import type { DisseminationRule } from '@crosscheck/auth';
import { factsShown, hitReferenceOf, pairReach, restrictedNotices } from './hit-no-hit';
import type { MatchFacts } from './match-facts';

/** A record of YYY (the searcher) hitting an entry of XXX (the owner), the entry disseminated to its neighbour NBR. */
function pair(entry: DisseminationRule, record: DisseminationRule = { scope: 'all' }): MatchFacts {
  return {
    matchId: '0b7c2a4e-1f3d-4c5b-9a8e-7d6f5e4c3b2a',
    entityId: 'e-1',
    recordId: 'r-1',
    recordOwner: 'YYY',
    recordKind: 'person',
    recordDissemination: record,
    dataset: 'notices',
    datasetVersion: 3,
    entryId: 'RN-1',
    entryOwner: 'XXX',
    entryDissemination: entry,
    noticeColour: 'red',
    score: 0.97,
    level: 'hit',
    features: [{ feature: 'name', score: 1, weight: 1, detail: 'Ivan Petrov ~ Ivan Petrov' }],
    countries: ['RUS'],
    record: { person: { names: [{ family: 'Petrov' }] } },
    entry: { notice: { subject: { names: [{ family: 'Petrov' }] } } },
    recordDigest: 'r',
    entryDigest: 'e',
    instantCheck: false,
    hitReference: '',
    probeCount: 0,
  };
}

const neighbours = (outside?: 'hidden' | 'hit-no-hit'): DisseminationRule => ({
  scope: 'agencies',
  agencies: ['NBR'],
  ...(outside ? { outside } : {}),
});

describe('restricted notices: who hears of a hit beyond those who see both sides', () => {
  it.each([
    [
      'entry hit/no-hit, record open: searcher told, owner sees all',
      neighbours('hit-no-hit'),
      { scope: 'all' },
      [],
      ['YYY entry'],
    ],
    ['entry hidden: nobody beyond', neighbours('hidden'), { scope: 'all' }, [], []],
    ['entry without a policy: hidden', neighbours(), { scope: 'all' }, [], []],
    [
      'entry hit/no-hit, record owner-only: both restricted',
      neighbours('hit-no-hit'),
      { scope: 'owner-only' },
      [],
      ['YYY entry', 'XXX record'],
    ],
    [
      'entry hidden, record hit/no-hit and unseen by the owner: the owner is told',
      neighbours('hidden'),
      { scope: 'owner-only', outside: 'hit-no-hit' },
      [],
      ['XXX record'],
    ],
    [
      'entry open to the searcher: nothing restricted',
      { scope: 'all', outside: 'hit-no-hit' },
      { scope: 'all' },
      [],
      [],
    ],
    ['disclosed to the searcher: nothing restricted', neighbours('hit-no-hit'), { scope: 'all' }, ['YYY'], []],
  ] as const)('%s', (_, entry, record, disclosed, expected) => {
    const facts = pair(entry, record);
    const notices = restrictedNotices(facts, pairReach(facts, disclosed));
    expect(notices.map(({ agency, withheld }) => `${agency} ${withheld}`)).toEqual(expected);
  });

  it('never gives a restricted notice to an agency that is neither side (a neighbour sees both in full)', () => {
    const facts = pair(neighbours('hit-no-hit'));
    const reach = pairReach(facts, []);
    expect(reach.full('NBR')).toBe(true);
    expect(reach.entry('ZZZ')).toBe('hit-no-hit');
    expect(restrictedNotices(facts, reach).map(({ agency }) => agency)).not.toContain('ZZZ');
  });
});

describe('factsShown: what an alert withholding one side keeps', () => {
  const facts = pair(neighbours('hit-no-hit'));
  it('without the entry: no entry, explanation, score or colour; the record stays', () => {
    const shown = factsShown(facts, 'entry', 'HNH-1');
    expect(shown).toMatchObject({
      entryId: 'HNH-1',
      entry: null,
      features: [],
      score: 0,
      noticeColour: null,
      level: 'hit',
    });
    expect(shown.record).toEqual(facts.record);
  });
  it('without the record: no record and no explanation; the entry stays', () => {
    const shown = factsShown(facts, 'record', 'HNH-1');
    expect(shown).toMatchObject({ record: null, features: [], score: 0.97 });
    expect(shown.entry).toEqual(facts.entry);
  });
  it('nothing withheld: everything', () => {
    expect(factsShown(facts, null, null)).toBe(facts);
  });
});

describe('hitReferenceOf', () => {
  it('quotes the instant check’s reference', () => {
    expect(hitReferenceOf({ ...pair(neighbours()), hitReference: 'HNH-AAAA-BBBB-CCCC' })).toBe('HNH-AAAA-BBBB-CCCC');
  });
  it('else one per subject, dataset and owner: the same for two entries of the owner, naming neither', () => {
    const first = hitReferenceOf(pair(neighbours()));
    expect(first).toMatch(/^HNH-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(hitReferenceOf({ ...pair(neighbours()), entryId: 'RN-2', matchId: 'other' })).toBe(first);
    expect(hitReferenceOf({ ...pair(neighbours()), entryOwner: 'WWW' })).not.toBe(first);
    expect(hitReferenceOf({ ...pair(neighbours()), entityId: 'e-2' })).not.toBe(first);
  });
});
