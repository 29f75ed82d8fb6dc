import { DisseminationScope } from '@crosscheck/contracts';
import { disseminationFromContract, maySee } from './index';

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
