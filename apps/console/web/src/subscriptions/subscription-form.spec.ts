import type { Subscription } from '../api/types';
import { bodyOf, countriesOf, draftOf, EMPTY_DRAFT, problemsOf, serverProblems, summaryOf } from './subscription-form';

describe('subscription drafts', () => {
  it('send only the filters that are set, and null for no webhook', () => {
    expect(bodyOf({ ...EMPTY_DRAFT, name: '  Red notices  ', datasets: ['notices'], levels: ['hit'] })).toEqual({
      name: 'Red notices',
      datasets: ['notices'],
      levels: ['hit'],
      webhookId: null,
    });
  });

  it('read countries however they are typed, once each, upper case', () => {
    expect(countriesOf('fra, deu;FRA  nld')).toEqual(['FRA', 'DEU', 'NLD']);
    expect(bodyOf({ ...EMPTY_DRAFT, name: 'x', countries: 'fra deu', minScore: '0.85', webhookId: 'w1' })).toEqual({
      name: 'x',
      countries: ['FRA', 'DEU'],
      minScore: 0.85,
      webhookId: 'w1',
    });
  });

  it('round-trip a stored subscription through the form', () => {
    const stored: Subscription = {
      subscriptionId: 's1',
      agency: 'FRA',
      createdBy: 'k1',
      createdAt: '',
      updatedAt: '',
      name: 'Borders',
      datasets: ['sltd'],
      countries: ['DEU', 'NLD'],
      minScore: 0.8,
      levels: ['hit', 'possible'],
      webhookId: null,
    };
    const draft = draftOf(stored);
    expect(draft).toMatchObject({ countries: 'DEU, NLD', minScore: '0.8', webhookId: '' });
    expect(bodyOf(draft)).toEqual({
      name: 'Borders',
      datasets: ['sltd'],
      countries: ['DEU', 'NLD'],
      minScore: 0.8,
      levels: ['hit', 'possible'],
      webhookId: null,
    });
  });

  it.each([
    [{ name: '' }, { name: 'Give the subscription a name.' }],
    [{ name: 'x'.repeat(101) }, { name: 'At most 100 characters.' }],
    [
      { name: 'ok', countries: 'FRA, FR, GERMANY' },
      { countries: 'Use ISO 3166 alpha-3 codes (like FRA, DEU): FR, GERMANY' },
    ],
    [{ name: 'ok', minScore: '1.5' }, { minScore: 'A number from 0 to 1, like 0.8.' }],
    [{ name: 'ok', minScore: 'high' }, { minScore: 'A number from 0 to 1, like 0.8.' }],
    [{ name: 'ok', minScore: '0', countries: 'fra' }, {}],
  ])('%p has problems %p', (fields, problems) => {
    expect(problemsOf({ ...EMPTY_DRAFT, ...fields })).toEqual(problems);
  });

  it('put alerting’s field problems beside the form fields', () => {
    expect(
      serverProblems([
        { field: 'countries[1]', message: 'must be an ISO 3166 alpha-3 code' },
        { field: 'minScore', message: 'must not be greater than 1' },
        { field: 'other', message: 'x' },
      ]),
    ).toEqual({
      countries: 'must be an ISO 3166 alpha-3 code',
      minScore: 'must not be greater than 1',
    });
  });

  it('summarise what a subscription listens for', () => {
    expect(
      summaryOf({
        name: 'x',
        datasets: ['notices'],
        noticeColours: ['red', 'un_special'],
        levels: ['hit'],
        minScore: 0.8,
      }),
    ).toEqual(['notices', 'red, un special notices', 'hit', 'score ≥ 80%']);
    expect(summaryOf({ name: 'any' })).toEqual(['every hit your agency may see']);
  });
});
