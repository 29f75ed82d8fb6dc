import { ConfigError, loadConfig } from '@crosscheck/runtime';
import { IntakeConfig } from './intake.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crosscheck', KAFKA_BROKERS: '127.0.0.1:19092' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(IntakeConfig, { ...required, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('intake configuration', () => {
  it('defaults its port, schema, body limit and retention', () => {
    const config = loadConfig(IntakeConfig, required);
    expect(config).toMatchObject({
      PORT: 3001,
      DATABASE_SCHEMA: 'intake',
      HTTP_MAX_BODY_BYTES: 16 * 1024 * 1024,
      RECORD_RETENTION_DAYS: 1825,
      RETENTION_SWEEP_SECONDS: 60,
    });
  });

  it.each([
    [{ RECORD_RETENTION_DAYS: '0' }, 'RECORD_RETENTION_DAYS is invalid: must not be less than 1'],
    [{ RECORD_RETENTION_DAYS: '5 years' }, 'RECORD_RETENTION_DAYS is invalid: must be an integer number'],
    [{ RETENTION_SWEEP_SECONDS: '86401' }, 'RETENTION_SWEEP_SECONDS is invalid: must not be greater than 86400'],
    [{ HTTP_MAX_BODY_BYTES: '100' }, 'HTTP_MAX_BODY_BYTES is invalid: must not be less than 1024'],
    [{ LOG_LEVEL: 'loud' }, expect.stringMatching(/^LOG_LEVEL is invalid: must be one of the following values: fatal/)],
  ])('refuses %j, naming the variable and the rule', (env, problem) => {
    expect(problemsOf(env)).toEqual([problem]);
  });
});
