import { candidatePairs, CaseEnd, linkIdOf, MAX_LINK_PAIRS, restsOn, retractionReason } from './network-link';

const end = (agency: string, caseRef: string, entityId: string, distance: number): CaseEnd => ({
  agency,
  caseRef,
  entityId,
  recordId: `${agency}-${caseRef}-${entityId}`,
  externalRef: caseRef,
  kind: 'person',
  distance,
});
const names = (pairs: [CaseEnd, CaseEnd][]) =>
  pairs.map(([a, b]) => `${a.agency}/${a.caseRef}~${b.agency}/${b.caseRef}`);

describe('candidatePairs', () => {
  it.each([
    [
      'a case one hop from the new record is linked to it',
      [end('FRA', 'c1', 'e0', 0), end('DEU', 'd1', 'e1', 1)],
      ['FRA/c1~DEU/d1'],
    ],
    ['two hops away too', [end('FRA', 'c1', 'e0', 0), end('DEU', 'd1', 'e2', 2)], ['FRA/c1~DEU/d1']],
    [
      'two cases one hop away on either side are linked through it',
      [end('ITA', 'i1', 'e0', 0), end('FRA', 'c1', 'e1', 1), end('DEU', 'd1', 'e2', 1)],
      ['ITA/i1~FRA/c1', 'ITA/i1~DEU/d1', 'FRA/c1~DEU/d1'],
    ],
    [
      'one and two hops away are three hops apart: not linked',
      [end('ITA', 'i1', 'e0', 0), end('FRA', 'c1', 'e1', 1), end('FRA', 'c1', 'e1', 1), end('DEU', 'd1', 'e2', 2)],
      ['ITA/i1~FRA/c1', 'ITA/i1~DEU/d1'],
    ],
    ['cases of one agency are not a network link', [end('FRA', 'c1', 'e0', 0), end('FRA', 'c2', 'e1', 1)], []],
    [
      'cases in one entity are a shared member, not a network link',
      [end('FRA', 'c1', 'e0', 0), end('DEU', 'd1', 'e0', 0)],
      [],
    ],
    [
      'a case reached twice counts once, at its nearest',
      [end('FRA', 'c1', 'e0', 0), end('DEU', 'd1', 'e2', 2), end('DEU', 'd1', 'e1', 1)],
      ['FRA/c1~DEU/d1'],
    ],
  ])('%s', (_, ends, expected) => {
    expect(names(candidatePairs(ends))).toEqual(expected);
  });

  it(`stops at ${MAX_LINK_PAIRS} pairs`, () => {
    const ends = [
      end('FRA', 'c1', 'e0', 0),
      ...Array.from({ length: 80 }, (_, i) => end('DEU', `d${i}`, `e${i + 1}`, 1)),
    ];
    expect(candidatePairs(ends)).toHaveLength(MAX_LINK_PAIRS);
  });
});

describe('linkIdOf', () => {
  it('names a pair of cases the same from either side, and apart from other pairs', () => {
    const fra = end('FRA', 'c1', 'e0', 0);
    const deu = end('DEU', 'd1', 'e1', 1);
    expect(linkIdOf(fra, deu)).toBe(linkIdOf({ ...deu, recordId: 'other record' }, fra));
    expect(linkIdOf(fra, deu)).not.toBe(linkIdOf(fra, end('DEU', 'd2', 'e1', 1)));
  });
});

describe('restsOn', () => {
  it('names the shared values of attribute edges and every record on the path, once each', () => {
    expect(
      restsOn([
        { records: ['r1', 'r2'], reason: 'address', value: '1 rue de la Paix 75002 Paris' },
        { records: ['r2', 'r3'], reason: 'relation', value: 'member' },
        { records: ['r3', 'r4'], reason: 'phone', value: '+33641223301' },
        { records: ['r4', 'r5'], reason: 'address', value: '1 rue de la Paix 75002 Paris' },
      ]),
    ).toEqual({
      values: ['address:1 rue de la Paix 75002 Paris', 'phone:+33641223301'],
      records: ['r1', 'r2', 'r3', 'r4', 'r5'],
    });
  });

  it('rests a path of declared relations on its records alone', () => {
    expect(restsOn([{ records: ['r1', 'r2'], reason: 'relation', value: 'associate' }])).toEqual({
      values: [],
      records: ['r1', 'r2'],
    });
  });
});

describe('retractionReason', () => {
  it.each([
    ['value_common', 'a value shared along the path became too common to link cases'],
    ['record_changed', 'a record on the path came in a new version that no longer carries what linked it'],
    ['record_withdrawn', 'a record on the path was withdrawn or expired'],
    ['path_gone', 'the path your agency was told no longer links the two cases'],
  ] as const)('says why a link undone by %s no longer holds, naming no record, value or count', (cause, words) => {
    const reason = retractionReason(cause);
    expect(reason).toContain(words);
    expect(reason).toContain('no other path of strong or declared edges your agency may see links the two cases');
    expect(reason).not.toMatch(/\d/);
  });
});
