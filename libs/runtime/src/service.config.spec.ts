import { ConfigError, loadConfig } from './load-config';
import { ServiceConfig } from './service.config';

const valid = {
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crosscheck',
  DATABASE_SCHEMA: 'intake',
  KAFKA_BROKERS: '127.0.0.1:19092',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(ServiceConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('ServiceConfig.BIND_ADDRESS', () => {
  it('listens on loopback only unless told otherwise (empty counts as not set)', () => {
    expect(loadConfig(ServiceConfig, valid).BIND_ADDRESS).toBe('127.0.0.1');
    expect(loadConfig(ServiceConfig, { ...valid, BIND_ADDRESS: '' }).BIND_ADDRESS).toBe('127.0.0.1');
  });

  it.each(['0.0.0.0', '::', '::1', '10.1.2.3'])('listens on %s when told to', (address) => {
    expect(loadConfig(ServiceConfig, { ...valid, BIND_ADDRESS: address }).BIND_ADDRESS).toBe(address);
  });

  it.each(['localhost', 'my-host.example', '0.0.0.0:3001', '256.0.0.1', ' '])('refuses %p, naming the variable and the rule', (address) => {
    expect(problemsOf({ ...valid, BIND_ADDRESS: address })).toEqual([expect.stringMatching(/^BIND_ADDRESS is invalid: must be an IP address/)]);
  });
});
