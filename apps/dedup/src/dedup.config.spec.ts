import { ConfigError, loadConfig } from '@crosscheck/runtime';
import { DedupConfig } from './dedup.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crosscheck', KAFKA_BROKERS: '127.0.0.1:19092' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(DedupConfig, { ...required, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('dedup configuration', () => {
  it('defaults its port, schema, thresholds and batch', () => {
    expect(loadConfig(DedupConfig, { ...required, DEDUP_REVIEW_THRESHOLD: '0.65' })).toMatchObject({
      PORT: 3002,
      DATABASE_SCHEMA: 'dedup',
      DEDUP_SAME_ENTITY_THRESHOLD: 0.85,
      DEDUP_REVIEW_THRESHOLD: 0.65,
      DEDUP_BATCH_RECORDS: 32,
    });
  });

  it.each([
    [{ DEDUP_SAME_ENTITY_THRESHOLD: '-0.1' }, 'DEDUP_SAME_ENTITY_THRESHOLD is invalid: must not be less than 0'],
    [{ DEDUP_AMBIGUITY_MARGIN: 'small' }, 'DEDUP_AMBIGUITY_MARGIN is invalid: must be a number'],
    [{ DEDUP_BATCH_RECORDS: '251' }, 'DEDUP_BATCH_RECORDS is invalid: must not be greater than 250'],
    [{ DATABASE_SCHEMA: 'Dedup' }, expect.stringMatching(/^DATABASE_SCHEMA is invalid: must be a lower-case Postgres/)],
  ])('refuses %j, naming the variable and the rule', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });
});
