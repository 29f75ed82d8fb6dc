/**
 * How a process reaches the brokers: their addresses, the topic prefix of the
 * deployment, TLS and SASL/SCRAM. Services read these inside their
 * ServiceConfig; the console reads them alone, to ask the brokers for
 * consumer lag, and both turn them into kafkajs settings with `kafkaSecurityFrom`.
 */
import { readFileSync } from 'node:fs';
import { Type, type StaticDecode } from '@sinclair/typebox';
import type { KafkaSecurity } from '@crosscheck/messaging/settings';
import type { FieldProblem } from './api-errors';
import { brokerList } from './config-formats';
import { configClass, requiredWith } from './load-config';

/**
 * The Kafka settings: services add them to their database settings (ServiceSettings), the console
 * takes them alone (KafkaConnectionConfig). One declaration, so the two cannot drift.
 */
export const KafkaConnectionSettings = Type.Object({
  KAFKA_BROKERS: Type.Transform(Type.String({ format: 'broker-list' }))
    .Decode(brokerList)
    .Encode((brokers) => brokers.join(',')),
  /** Prepended to every topic name; lets test suites and tenants use their own topics. */
  KAFKA_TOPIC_PREFIX: Type.String({
    pattern: '^[a-zA-Z0-9._-]*$',
    'x-message': 'may only hold letters, digits, ".", "_" and "-"',
    default: '',
  }),
  /** TLS to the brokers (the listener is SASL_SSL or SSL). */
  KAFKA_TLS: Type.Boolean({ default: false }),
  /** PEM file of the CA that signed the brokers' certificates; the system's roots when unset. */
  KAFKA_TLS_CA_FILE: Type.Optional(Type.String({ format: 'readable-file' })),
  /** SASL mechanism towards the brokers; none when unset. */
  KAFKA_SASL_MECHANISM: Type.Optional(Type.Union([Type.Literal('scram-sha-256'), Type.Literal('scram-sha-512')])),
  KAFKA_SASL_USERNAME: Type.Optional(Type.String()),
  KAFKA_SASL_PASSWORD: Type.Optional(Type.String()),
});

type KafkaSettings = StaticDecode<typeof KafkaConnectionSettings>;

/** SCRAM needs a user name and a password. */
export function kafkaConnectionRules(config: KafkaSettings): FieldProblem[] {
  if (config.KAFKA_SASL_MECHANISM === undefined) return [];
  return (['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const)
    .filter((setting) => config[setting] === undefined)
    .map((setting) => requiredWith(setting, 'KAFKA_SASL_MECHANISM'));
}

export class KafkaConnectionConfig extends configClass(KafkaConnectionSettings, kafkaConnectionRules) {}

type SecuritySettings = Pick<
  KafkaSettings,
  'KAFKA_TLS' | 'KAFKA_TLS_CA_FILE' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_SASL_USERNAME' | 'KAFKA_SASL_PASSWORD'
>;

export function kafkaSecurityFrom(config: SecuritySettings): KafkaSecurity {
  return {
    tls: config.KAFKA_TLS
      ? { ca: config.KAFKA_TLS_CA_FILE ? readFileSync(config.KAFKA_TLS_CA_FILE, 'utf8') : undefined }
      : undefined,
    sasl: config.KAFKA_SASL_MECHANISM
      ? {
          mechanism: config.KAFKA_SASL_MECHANISM,
          username: config.KAFKA_SASL_USERNAME!,
          password: config.KAFKA_SASL_PASSWORD!,
        }
      : undefined,
  };
}
