import { loadConfig } from '@crosscheck/runtime';
import { AlertingConfig } from './alerting.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crosscheck', KAFKA_BROKERS: '127.0.0.1:19092' };

describe('alerting configuration', () => {
  it('keeps webhooks off private addresses unless told otherwise, and reads "false" as false', () => {
    expect(loadConfig(AlertingConfig, required).WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(false);
    expect(loadConfig(AlertingConfig, { ...required, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false' }).WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(false);
    expect(loadConfig(AlertingConfig, { ...required, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }).WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(true);
    expect(() => loadConfig(AlertingConfig, { ...required, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'sometimes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE_TARGETS is invalid/);
  });
});
