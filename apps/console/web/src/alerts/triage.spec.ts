import type { Alert } from '../api/types';
import { ownerMayDecide, reasonProblem, triageActions } from './triage';

const alert = (overrides: Partial<Alert>) =>
  ({ status: 'new', entryOwner: 'IPSG', ownerDecision: null, ...overrides }) as Alert;

describe('triageActions', () => {
  it.each([
    ['new', ['acknowledged', 'confirmed', 'false_positive']],
    ['acknowledged', ['confirmed', 'false_positive']],
    ['confirmed', []],
    ['false_positive', []],
    ['retracted', []],
  ] as const)('a %s alert may go to %p', (status, next) => {
    expect(triageActions(alert({ status })).map((action) => action.status)).toEqual(next);
  });

  it('offers no false positive on a hit/no-hit, whose entry the agency has not seen', () => {
    expect(triageActions(alert({ kind: 'hit_no_hit' })).map((action) => action.status)).toEqual([
      'acknowledged',
      'confirmed',
    ]);
  });
});

describe('ownerMayDecide', () => {
  it('only for the entry’s owner, once, and not on a retracted alert', () => {
    expect(ownerMayDecide(alert({}), 'IPSG')).toBe(true);
    expect(ownerMayDecide(alert({}), 'FRA')).toBe(false);
    expect(
      ownerMayDecide(alert({ ownerDecision: { decision: 'confirmed', reason: 'x', agency: 'IPSG', at: '' } }), 'IPSG'),
    ).toBe(false);
    expect(ownerMayDecide(alert({ status: 'retracted' }), 'IPSG')).toBe(false);
  });
});

it('asks for a reason of 1 to 1000 characters', () => {
  expect(reasonProblem('  ')).toMatch(/Give a reason/);
  expect(reasonProblem('x'.repeat(1001))).toMatch(/At most 1000/);
  expect(reasonProblem('different date of birth')).toBeUndefined();
});
