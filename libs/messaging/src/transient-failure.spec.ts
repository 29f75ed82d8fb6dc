import { isTransientFailure } from './transient-failure';

describe('isTransientFailure', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a deadlock, wrapped by TypeORM',
      Object.assign(new Error('QueryFailedError'), { driverError: { code: '40P01' } }),
    ],
    ['a serialization failure', { code: '40001', message: 'could not serialize access' }],
    ['an admin shutdown', { code: '57P01', message: 'terminating connection due to administrator command' }],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
  ])('%s is transient', (_, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', { code: '23505', message: 'duplicate key value violates unique constraint' }],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'record')")],
    ['nothing', undefined],
  ])('%s is the message’s fault', (_, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});
