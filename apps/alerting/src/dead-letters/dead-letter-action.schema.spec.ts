import { deadLetterActionInput } from './dead-letter-action.schema';

describe('a dead-letter action body', () => {
  it.each([
    ['no reason', {}, 'reason', 'isDefined'],
    ['an empty reason', { reason: '' }, 'reason', 'isNotEmpty'],
    ['a reason too long', { reason: 'x'.repeat(1001) }, 'reason', 'maxLength'],
    ['a forced replay', { reason: 'x', force: true }, 'force', 'unknownField'],
  ])('refuses %s, naming the field and the rule', (_, body, field, rule) => {
    const checked = deadLetterActionInput.check(body);
    expect(checked.ok ? [] : checked.problems).toContainEqual(expect.objectContaining({ field, rule }));
  });
});
