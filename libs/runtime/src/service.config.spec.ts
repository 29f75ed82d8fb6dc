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

  it.each(['localhost', 'my-host.example', '0.0.0.0:3001', '256.0.0.1', ' '])(
    'refuses %p, naming the variable and the rule',
    (address) => {
      expect(problemsOf({ ...valid, BIND_ADDRESS: address })).toEqual([
        expect.stringMatching(/^BIND_ADDRESS is invalid: must be an IP address/),
      ]);
    },
  );
});

describe('ServiceConfig transport security', () => {
  const readable = __filename;

  it('takes Kafka TLS with a CA file, SCRAM credentials and an HTTPS certificate and key', () => {
    const config = loadConfig(ServiceConfig, {
      ...valid,
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: readable,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'crosscheck',
      KAFKA_SASL_PASSWORD: 'secret',
      HTTPS_CERT_FILE: readable,
      HTTPS_KEY_FILE: readable,
    });
    expect([config.KAFKA_TLS, config.KAFKA_SASL_MECHANISM, config.HTTPS_CERT_FILE]).toEqual([
      true,
      'scram-sha-512',
      readable,
    ]);
  });

  it.each([
    [
      { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_PASSWORD: 'secret' },
      /^KAFKA_SASL_USERNAME is missing: is required with KAFKA_SASL_MECHANISM/,
    ],
    [
      { KAFKA_SASL_MECHANISM: 'scram-sha-256', KAFKA_SASL_USERNAME: 'crosscheck' },
      /^KAFKA_SASL_PASSWORD is missing: is required with KAFKA_SASL_MECHANISM/,
    ],
    [
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      /^KAFKA_SASL_MECHANISM is invalid/,
    ],
    [{ KAFKA_TLS_CA_FILE: '/no/such/ca.pem' }, /^KAFKA_TLS_CA_FILE is invalid: must be the path of a readable file/],
    [{ HTTPS_CERT_FILE: __filename }, /^HTTPS_KEY_FILE is missing: .*is required with HTTPS_CERT_FILE/],
    [
      { HTTPS_KEY_FILE: __filename, HTTPS_CERT_FILE: '/no/such/cert.pem' },
      /^HTTPS_CERT_FILE is invalid: must be the path of a readable file/,
    ],
  ] as const)('refuses %p, naming the variable', (env, problem) => {
    expect(problemsOf({ ...valid, ...env })).toContainEqual(expect.stringMatching(problem));
  });
});
