import { ConfigError, loadConfig } from './load-config';
import { kafkaSecurityFrom, KafkaConnectionConfig } from './kafka-connection.config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(KafkaConnectionConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('KafkaConnectionConfig', () => {
  it('reads the brokers and prefix, plaintext by default', () => {
    const config = loadConfig(KafkaConnectionConfig, { KAFKA_BROKERS: 'a:9092, b:9092', KAFKA_TOPIC_PREFIX: 't1.' });
    expect(config).toMatchObject({ KAFKA_BROKERS: ['a:9092', 'b:9092'], KAFKA_TOPIC_PREFIX: 't1.', KAFKA_TLS: false });
    expect(kafkaSecurityFrom(config)).toEqual({ tls: undefined, sasl: undefined });
  });

  it('turns TLS and SASL into the client settings', () => {
    const config = loadConfig(KafkaConnectionConfig, {
      KAFKA_BROKERS: 'a:9093',
      KAFKA_TLS: 'yes',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'console',
      KAFKA_SASL_PASSWORD: 'secret',
    });
    expect(kafkaSecurityFrom(config)).toEqual({
      tls: { ca: undefined },
      sasl: { mechanism: 'scram-sha-512', username: 'console', password: 'secret' },
    });
  });

  it.each([
    [{}, /^KAFKA_BROKERS is missing/],
    [{ KAFKA_BROKERS: 'kafka' }, /^KAFKA_BROKERS is invalid: each broker must be host:port/],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_TOPIC_PREFIX: 'a/b' }, /^KAFKA_TOPIC_PREFIX is invalid/],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_TLS: 'maybe' }, /^KAFKA_TLS is invalid/],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_TLS_CA_FILE: '/no/such/ca.pem' }, /^KAFKA_TLS_CA_FILE is invalid: must be the path/],
    [{ KAFKA_BROKERS: 'a:1', KAFKA_SASL_MECHANISM: 'plain' }, /^KAFKA_SASL_MECHANISM is invalid/],
    [
      { KAFKA_BROKERS: 'a:1', KAFKA_SASL_MECHANISM: 'scram-sha-256' },
      /^KAFKA_SASL_USERNAME is missing: is required with KAFKA_SASL_MECHANISM/,
    ],
  ])('refuses %j naming the variable', (env, problem) =>
    expect(problemsOf(env)).toContainEqual(expect.stringMatching(problem)),
  );
});
