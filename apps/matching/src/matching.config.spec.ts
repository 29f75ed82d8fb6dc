import { ConfigError, loadConfig } from '@crosscheck/runtime';
import { MatchingConfig } from './matching.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crosscheck', KAFKA_BROKERS: '127.0.0.1:19092' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(MatchingConfig, { ...required, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('matching configuration', () => {
  it('defaults its port, schema and thresholds, and reads per-dataset thresholds', () => {
    const config = loadConfig(MatchingConfig, { ...required, MATCH_DATASET_THRESHOLDS: 'sltd=0.9/0.8,smv=1/0.75' });
    expect([config.PORT, config.DATABASE_SCHEMA, config.MATCH_CANDIDATES_PER_PROBE]).toEqual([3003, 'matching', 100]);
    expect(config.thresholdsOf('smv')).toEqual({ hit: 1, possible: 0.75 });
    expect(config.thresholdsOf('notices')).toEqual({ hit: 0.85, possible: 0.7 });
  });

  it.each([
    [{ MATCH_HIT_THRESHOLD: '1.5' }, 'MATCH_HIT_THRESHOLD is invalid: must not be greater than 1'],
    [{ MATCH_POSSIBLE_THRESHOLD: 'high' }, 'MATCH_POSSIBLE_THRESHOLD is invalid: must be a number'],
    [
      { MATCH_DATASET_THRESHOLDS: 'sltd=0.9' },
      'MATCH_DATASET_THRESHOLDS is invalid: must list dataset=hit/possible pairs, e.g. sltd=0.9/0.8,smv=0.9/0.75',
    ],
    [{ MATCH_CANDIDATES_PER_PROBE: '5' }, 'MATCH_CANDIDATES_PER_PROBE is invalid: must not be less than 10'],
    [{ HIT_NO_HIT_ALARM_ANSWERS: '2.5' }, 'HIT_NO_HIT_ALARM_ANSWERS is invalid: must be an integer number'],
    [
      { DATABASE_URL: 'mysql://db/crosscheck' },
      'DATABASE_URL is invalid: must be a URL address, postgres:// or postgresql://',
    ],
  ])('refuses %j, naming the variable and the rule', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });
});
