/**
 * How a process reaches the brokers: their addresses, the topic prefix of the
 * deployment, TLS and SASL/SCRAM. Services read these inside their
 * ServiceConfig; the console reads them alone, to ask the brokers for
 * consumer lag, and both turn them into kafkajs settings with `kafkaSecurityFrom`.
 */
import { readFileSync } from 'node:fs';
import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import type { KafkaSecurity } from '@crosscheck/messaging/settings';
import { booleanFromEnv } from './load-config';
import { IsReadableFile } from './readable-file';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

// A mixin's base must be constructible with any arguments (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

/**
 * The Kafka settings on top of `base`: services add them to their database settings (ServiceConfig),
 * the console takes them alone (KafkaConnectionConfig). One declaration, so the two cannot drift.
 */
export function WithKafkaConnection<Base extends Constructor>(base: Base) {
  class KafkaConnected extends base {
    @Transform(toList)
    @ArrayNotEmpty()
    @Matches(/^[\w.-]+:\d+$/, { each: true, message: 'each broker must be host:port' })
    KAFKA_BROKERS!: string[];

    /** Prepended to every topic name; lets test suites and tenants use their own topics. */
    @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may only hold letters, digits, ".", "_" and "-"' })
    KAFKA_TOPIC_PREFIX: string = '';

    /** TLS to the brokers (the listener is SASL_SSL or SSL). */
    @Transform(booleanFromEnv)
    @IsBoolean()
    KAFKA_TLS: boolean = false;

    /** PEM file of the CA that signed the brokers' certificates; the system's roots when unset. */
    @IsOptional()
    @IsReadableFile()
    KAFKA_TLS_CA_FILE?: string;

    /** SASL mechanism towards the brokers; none when unset. */
    @IsOptional()
    @IsIn(['scram-sha-256', 'scram-sha-512'])
    KAFKA_SASL_MECHANISM?: 'scram-sha-256' | 'scram-sha-512';

    @ValidateIf((config: KafkaConnected) => config.KAFKA_SASL_MECHANISM !== undefined)
    @IsString()
    @IsNotEmpty({ message: 'is required with KAFKA_SASL_MECHANISM' })
    KAFKA_SASL_USERNAME?: string;

    @ValidateIf((config: KafkaConnected) => config.KAFKA_SASL_MECHANISM !== undefined)
    @IsString()
    @IsNotEmpty({ message: 'is required with KAFKA_SASL_MECHANISM' })
    KAFKA_SASL_PASSWORD?: string;
  }
  return KafkaConnected;
}

export class KafkaConnectionConfig extends WithKafkaConnection(class {}) {}

type SecuritySettings = Pick<
  KafkaConnectionConfig,
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
