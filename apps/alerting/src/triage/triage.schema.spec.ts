import { outcomeInput, ownerDecisionInput, triageInput } from './triage.schema';

describe('the bodies that move an alert along', () => {
  it.each([
    ['a triage step to an unknown status', triageInput, { status: 'closed', reason: 'x' }, 'status', 'isIn'],
    ['a triage step without a reason', triageInput, { status: 'acknowledged' }, 'reason', 'isDefined'],
    ['a triage step with an empty reason', triageInput, { status: 'confirmed', reason: '' }, 'reason', 'isNotEmpty'],
    ['a reason too long', triageInput, { status: 'confirmed', reason: 'x'.repeat(1001) }, 'reason', 'maxLength'],
    ['an owner decision off the list', ownerDecisionInput, { decision: 'maybe', reason: 'x' }, 'decision', 'isIn'],
    [
      'a disclosure that is not a boolean',
      ownerDecisionInput,
      { decision: 'confirmed', reason: 'x', disclose: 'yes' },
      'disclose',
      'isBoolean',
    ],
    ['an unknown outcome', outcomeInput, { outcome: 'escaped' }, 'outcome', 'isIn'],
    ['no outcome', outcomeInput, { note: 'x' }, 'outcome', 'isDefined'],
    ['an outcome note too long', outcomeInput, { outcome: 'located', note: 'x'.repeat(1001) }, 'note', 'maxLength'],
  ] as const)('refuses %s, naming the field and the rule', (_, input, body, field, rule) => {
    const checked = input.check(body);
    expect(checked.ok ? [] : checked.problems).toContainEqual(expect.objectContaining({ field, rule }));
  });
});
