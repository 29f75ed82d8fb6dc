import { DisseminationScope, OutsidePolicy } from '@crosscheck/contracts';
import { disseminationFromContract, disseminationToContract, DisseminationRule, maySee, reachOf } from './index';

describe('maySee', () => {
  it.each([
    ['the owner, whatever the rule', 'FRA', { owner: 'FRA', dissemination: { scope: 'owner-only' as const } }, true],
    ['anyone, when shared with all', 'DEU', { owner: 'FRA', dissemination: { scope: 'all' as const } }, true],
    [
      'a listed agency',
      'DEU',
      { owner: 'FRA', dissemination: { scope: 'agencies' as const, agencies: ['DEU', 'ITA'] } },
      true,
    ],
    [
      'an unlisted agency',
      'ESP',
      { owner: 'FRA', dissemination: { scope: 'agencies' as const, agencies: ['DEU', 'ITA'] } },
      false,
    ],
    [
      'another agency, when owner-only',
      'DEU',
      { owner: 'FRA', dissemination: { scope: 'owner-only' as const } },
      false,
    ],
  ])('%s', (_, agency, data, expected) => {
    expect(maySee(agency, data)).toBe(expected);
  });

  it('treats a message without a rule as owner-only', () => {
    expect(disseminationFromContract(undefined)).toEqual({ scope: 'owner-only' });
    expect(disseminationFromContract({ scope: DisseminationScope.UNSPECIFIED, agencies: [] } as never)).toEqual({
      scope: 'owner-only',
    });
  });
});

describe('reachOf: what an agency learns of a hit on the data', () => {
  const neighbours = (outside?: 'hidden' | 'hit-no-hit'): DisseminationRule => ({
    scope: 'agencies',
    agencies: ['DEU'],
    ...(outside ? { outside } : {}),
  });
  it.each([
    ['the owner', 'FRA', neighbours('hit-no-hit'), 'full'],
    ['an agency in the audience', 'DEU', neighbours('hit-no-hit'), 'full'],
    ['an agency outside, hit/no-hit', 'ESP', neighbours('hit-no-hit'), 'hit-no-hit'],
    ['an agency outside, hidden', 'ESP', neighbours('hidden'), 'none'],
    ['an agency outside, no policy given (hidden)', 'ESP', neighbours(), 'none'],
    [
      'an agency outside owner-only data, hit/no-hit',
      'ESP',
      { scope: 'owner-only', outside: 'hit-no-hit' },
      'hit-no-hit',
    ],
    ['anyone, when shared with all', 'ESP', { scope: 'all', outside: 'hit-no-hit' }, 'full'],
  ] as const)('%s', (_, agency, dissemination, expected) => {
    expect(reachOf(agency, { owner: 'FRA', dissemination })).toBe(expected);
  });

  it('travels in the contract both ways, unset read as hidden', () => {
    for (const rule of [neighbours('hit-no-hit'), { scope: 'owner-only', outside: 'hit-no-hit' } as const]) {
      expect(disseminationFromContract(disseminationToContract(rule) as never)).toEqual(rule);
    }
    expect(
      disseminationFromContract({
        scope: DisseminationScope.AGENCIES,
        agencies: ['DEU'],
        outside: OutsidePolicy.UNSPECIFIED,
      } as never),
    ).toEqual(neighbours());
    expect(disseminationToContract(neighbours()).outside).toBe(OutsidePolicy.HIDDEN);
  });
});
