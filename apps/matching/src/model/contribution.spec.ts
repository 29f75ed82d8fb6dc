import { DisseminationScope, OutsidePolicy } from '@crosscheck/contracts';
import { contributionOf } from './contribution';

const passport = { number: 'X1234567', type: 'passport', issuingCountry: 'FRA', status: 'stolen' };
const valid = { entryRef: 'FR-SLTD-1', dissemination: { scope: 'all' }, travelDocument: passport };

describe('contributionOf', () => {
  it('makes an entry of the agency, named <agency>:<entryRef>, with the dissemination it was given', () => {
    const input = contributionOf('FRA', 'sltd', {
      ...valid,
      dissemination: { scope: 'agencies', agencies: ['deu'] },
    });
    expect(input.valid).toBe(true);
    if (!input.valid) return;
    expect(input.entry).toMatchObject({ entryId: 'FRA:FR-SLTD-1', dataset: 'sltd', owner: 'FRA' });
    expect(input.entry.dissemination).toMatchObject({ scope: DisseminationScope.AGENCIES, agencies: ['DEU'] });
    expect(input.entry.body.case).toBe('travelDocument');
  });

  it.each([
    ['the dataset default (hidden for sltd)', undefined, OutsidePolicy.HIDDEN],
    ['hit-no-hit when the agency asks for it', 'hit-no-hit', OutsidePolicy.HIT_NO_HIT],
    ['hidden when the agency asks for it', 'hidden', OutsidePolicy.HIDDEN],
  ])('keeps what agencies outside the audience learn: %s', (_, outside, expected) => {
    const input = contributionOf('FRA', 'sltd', {
      ...valid,
      dissemination: { scope: 'owner-only', ...(outside ? { outside } : {}) },
    });
    expect(input.valid).toBe(true);
    if (input.valid) expect(input.entry.dissemination?.outside).toBe(expected);
  });

  it.each([
    ['not an object', 'sltd', [], 'entry', 'isObject'],
    ['no entryRef', 'sltd', { ...valid, entryRef: undefined }, 'entryRef', 'isDefined'],
    ['an entryRef with a slash', 'sltd', { ...valid, entryRef: 'A/B' }, 'entryRef', 'matches'],
    ['an entryRef of 101 characters', 'sltd', { ...valid, entryRef: 'A'.repeat(101) }, 'entryRef', 'matches'],
    ['no dissemination', 'sltd', { ...valid, dissemination: undefined }, 'dissemination', 'isDefined'],
    ['an unknown scope', 'sltd', { ...valid, dissemination: { scope: 'public' } }, 'dissemination.scope', 'isIn'],
    [
      'an unknown outside policy',
      'sltd',
      { ...valid, dissemination: { scope: 'all', outside: 'shown' } },
      'dissemination.outside',
      'isIn',
    ],
    [
      'agencies without codes',
      'sltd',
      { ...valid, dissemination: { scope: 'agencies', agencies: [] } },
      'dissemination.agencies',
      'arrayMinSize',
    ],
    ['the loader’s entryId', 'sltd', { ...valid, entryId: 'X' }, 'entryId', 'unknownField'],
    ['the loader’s op', 'sltd', { ...valid, op: 'remove' }, 'op', 'unknownField'],
    ['no body', 'sltd', { entryRef: 'A', dissemination: { scope: 'all' } }, 'travelDocument', 'isDefined'],
    ['another dataset’s body', 'smv', valid, 'travelDocument', 'bodyForDataset'],
    [
      'a document without its number',
      'sltd',
      { ...valid, travelDocument: { ...passport, number: undefined } },
      'travelDocument.number',
      undefined,
    ],
    ['an unknown field', 'sltd', { ...valid, colour: 'red' }, 'colour', 'unknownField'],
    [
      'an unknown status',
      'sltd',
      { ...valid, travelDocument: { ...passport, status: 'gone' } },
      'travelDocument.status',
      undefined,
    ],
  ] as const)('refuses %s, naming the field and the rule', (_, dataset, item, field, rule) => {
    const input = contributionOf('FRA', dataset, item);
    expect(input.valid).toBe(false);
    if (input.valid) return;
    const problem = input.problems.find((p) => p.field === field && (rule === undefined || p.rule === rule));
    expect(problem).toBeDefined();
    expect(problem!.message.length).toBeGreaterThan(0);
  });
});
