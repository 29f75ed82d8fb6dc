import { describeError } from './pg-listener';

describe('describing why a connection failed', () => {
  const refused = (address: string) =>
    Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });

  it.each([
    ['a refused connection', refused('127.0.0.1:5432'), 'connect ECONNREFUSED 127.0.0.1:5432'],
    [
      'a database error, with its SQLSTATE',
      Object.assign(new Error('database "x" is not currently accepting connections'), { code: '55000' }),
      'database "x" is not currently accepting connections (55000)',
    ],
    ['an error with a code and no message', Object.assign(new Error(''), { code: 'ETIMEDOUT' }), 'ETIMEDOUT'],
    [
      'every address of a name, refused',
      new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]),
      'connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    ],
    ['something thrown that is not an Error', 'gone', 'gone'],
  ])('names %s', (_case, error, described) => {
    expect(describeError(error)).toBe(described);
  });
});
