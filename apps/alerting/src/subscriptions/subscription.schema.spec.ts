import { randomUUID } from 'node:crypto';
import { subscriptionInput } from './subscription.schema';

describe('a subscription body', () => {
  it('takes filters, reading country codes in upper case, and a webhook or none', () => {
    const webhookId = randomUUID();
    expect(
      subscriptionInput.parse({
        name: 'Red notices',
        datasets: ['notices'],
        countries: ['fra'],
        minScore: 0.9,
        webhookId,
      }),
    ).toEqual({ name: 'Red notices', datasets: ['notices'], countries: ['FRA'], minScore: 0.9, webhookId });
    expect(subscriptionInput.parse({ name: 'Any', webhookId: null })).toEqual({ name: 'Any', webhookId: null });
  });

  it.each([
    ['no name', {}, 'name', 'isDefined'],
    ['an empty name', { name: '' }, 'name', 'isNotEmpty'],
    ['a name too long', { name: 'x'.repeat(101) }, 'name', 'maxLength'],
    ['an unknown dataset', { name: 'x', datasets: ['stolen-bikes'] }, 'datasets', 'isIn'],
    ['a dataset twice', { name: 'x', datasets: ['sltd', 'sltd'] }, 'datasets', 'arrayUnique'],
    ['an unknown colour', { name: 'x', noticeColours: ['pink'] }, 'noticeColours', 'isIn'],
    ['an unknown record kind', { name: 'x', recordKinds: ['boat'] }, 'recordKinds', 'isIn'],
    ['a country that is not one', { name: 'x', countries: ['XX'] }, 'countries', 'isISO31661Alpha3'],
    ['too many countries', { name: 'x', countries: Array(251).fill('FRA') }, 'countries', 'arrayMaxSize'],
    ['a score over 1', { name: 'x', minScore: 1.5 }, 'minScore', 'max'],
    ['a score as text', { name: 'x', minScore: '0.5' }, 'minScore', 'isNumber'],
    ['an unknown level', { name: 'x', levels: ['certain'] }, 'levels', 'isIn'],
    ['a webhook id that is not a UUID', { name: 'x', webhookId: 'hook-1' }, 'webhookId', 'isIn'],
    ['an unknown field', { name: 'x', colour: 'red' }, 'colour', 'unknownField'],
  ])('refuses %s, naming the field and the rule', (_, body, field, rule) => {
    const checked = subscriptionInput.check(body);
    expect(checked.ok ? [] : checked.problems).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('says which values a closed list takes', () => {
    expect(subscriptionInput.check({ name: 'x', levels: ['certain'] })).toEqual({
      ok: false,
      problems: [{ field: 'levels', rule: 'isIn', message: 'each must be one of hit, possible' }],
    });
  });
});
