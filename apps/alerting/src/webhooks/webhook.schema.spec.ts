import { webhookInput } from './webhook.schema';

describe('a webhook body', () => {
  it.each([
    ['no URL', { description: 'x' }, 'url', 'isDefined'],
    ['a URL that is not text', { url: 42 }, 'url', 'isString'],
    ['a description too long', { url: 'https://x', description: 'x'.repeat(201) }, 'description', 'maxLength'],
    ['an unknown field', { url: 'https://x', secret: 'mine' }, 'secret', 'unknownField'],
  ])('refuses %s, naming the field and the rule', (_, body, field, rule) => {
    const checked = webhookInput.check(body);
    expect(checked.ok ? [] : checked.problems).toContainEqual(expect.objectContaining({ field, rule }));
  });
});
