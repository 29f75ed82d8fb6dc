import { loadConfig } from '@crosscheck/runtime';
import { AlertingConfig } from './alerting.config';

const required = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crosscheck', KAFKA_BROKERS: '127.0.0.1:19092' };

describe('alerting configuration', () => {
  it('keeps webhooks off every private address unless it is listed', () => {
    expect(loadConfig(AlertingConfig, required).webhookTargets().refusal('127.0.0.1', 9000)).toBe(
      '127.0.0.1, a loopback address',
    );
    const listed = loadConfig(AlertingConfig, {
      ...required,
      WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1:9000,[::1]:9000',
    }).webhookTargets();
    expect(listed.refusal('127.0.0.1', 9000)).toBeUndefined();
    expect(listed.refusal('::1', 9000)).toBeUndefined();
    expect(listed.refusal('127.0.0.1', 3001)).toBe('127.0.0.1, a loopback address');
  });

  it('refuses to start on an allowlist entry it cannot read, naming the entry', () => {
    expect(() =>
      loadConfig(AlertingConfig, { ...required, WEBHOOK_ALLOWED_PRIVATE_TARGETS: '127.0.0.1:9000,localhost:9000' }),
    ).toThrow(
      'WEBHOOK_ALLOWED_PRIVATE_TARGETS is invalid: "localhost:9000" is a host name; list the addresses or networks it should reach',
    );
    expect(() => loadConfig(AlertingConfig, { ...required, WEBHOOK_ALLOWED_PRIVATE_TARGETS: '10.0.0.0/40' })).toThrow(
      'WEBHOOK_ALLOWED_PRIVATE_TARGETS is invalid: "10.0.0.0/40" must have a prefix length from 0 to 32',
    );
  });

  it.each(['true', 'false'])(
    'refuses the old all-or-nothing switch (%s), naming the list that replaces it',
    (value) => {
      expect(() => loadConfig(AlertingConfig, { ...required, WEBHOOK_ALLOW_PRIVATE_TARGETS: value })).toThrow(
        'WEBHOOK_ALLOW_PRIVATE_TARGETS is invalid: no longer read; list the private receivers webhooks may call in WEBHOOK_ALLOWED_PRIVATE_TARGETS',
      );
    },
  );
});
