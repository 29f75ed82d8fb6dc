import { CurrentAlert, IncomingFinding, onFinding, outcomeMayFollow, triageStepsFrom } from './alert-lifecycle';

const finding: IncomingFinding = { score: 0.93, level: 'hit', recordDigest: 'r1', entryDigest: 'e1' };
const alert = (overrides: Partial<CurrentAlert> = {}): CurrentAlert => ({
  status: 'new',
  score: 0.93,
  level: 'hit',
  recordDigest: 'r1',
  entryDigest: 'e1',
  ...overrides,
});

describe('a finding on a pair', () => {
  it.each([
    [
      'raises a new alert when the agency has none',
      undefined,
      finding,
      false,
      { write: 'store', status: 'new', event: 'alert.raised' },
    ],
    ['raises nothing when the agency silenced the pair', undefined, finding, true, { write: 'nothing' }],
    [
      'is no news when the same pair is seen again with the same outcome',
      alert(),
      finding,
      false,
      { write: 'quietly', status: 'new' },
    ],
    [
      'updates the alert when the score improved',
      alert({ score: 0.8 }),
      finding,
      false,
      { write: 'store', status: 'new', event: 'alert.updated' },
    ],
    [
      'updates the alert when the level changed',
      alert({ level: 'possible' }),
      finding,
      false,
      { write: 'store', status: 'new', event: 'alert.updated' },
    ],
    [
      'updates the alert when the record’s data changed',
      alert({ recordDigest: 'r0' }),
      finding,
      false,
      { write: 'store', status: 'new', event: 'alert.updated' },
    ],
    [
      'keeps an acknowledged alert acknowledged when it improves',
      alert({ status: 'acknowledged', score: 0.7 }),
      finding,
      false,
      { write: 'store', status: 'acknowledged', event: 'alert.updated' },
    ],
    [
      'keeps a confirmed alert confirmed when nothing changed',
      alert({ status: 'confirmed' }),
      finding,
      false,
      { write: 'quietly', status: 'confirmed' },
    ],
    [
      'raises a retracted alert again',
      alert({ status: 'retracted' }),
      finding,
      false,
      { write: 'store', status: 'new', event: 'alert.raised' },
    ],
    [
      'keeps a silenced false positive quiet',
      alert({ status: 'false_positive' }),
      finding,
      true,
      { write: 'quietly', status: 'false_positive' },
    ],
    [
      'reopens a false positive once it is no longer silenced',
      alert({ status: 'false_positive', entryDigest: 'e0' }),
      finding,
      false,
      { write: 'store', status: 'new', event: 'alert.reopened' },
    ],
    [
      'brings a retracted false positive back as a false positive, quietly',
      alert({ status: 'retracted' }),
      finding,
      true,
      { write: 'quietly', status: 'false_positive' },
    ],
  ] as const)('%s', (_, current, incoming, silenced, expected) => {
    expect(onFinding(current, incoming, silenced)).toEqual(expected);
  });
});

describe('triage steps', () => {
  it.each([
    ['new', ['acknowledged', 'confirmed', 'false_positive']],
    ['acknowledged', ['confirmed', 'false_positive']],
    ['confirmed', []],
    ['false_positive', []],
    ['retracted', []],
  ] as const)('from %s', (status, steps) => {
    expect(triageStepsFrom(status)).toEqual(steps);
  });
});

describe('outcomeMayFollow', () => {
  it.each([
    ['new', false],
    ['acknowledged', true],
    ['confirmed', true],
    ['false_positive', false],
    ['retracted', false],
  ] as const)('an alert that is %s: %s', (status, may) => {
    expect(outcomeMayFollow(status)).toBe(may);
  });
});
