/**
 * Settings every crosscheck service shares: where Postgres, Kafka and the trace
 * backend are, and how this instance names itself. Each app declares its own
 * settings on top of these (`Type.Object({ ...ServiceSettings.properties, … })`);
 * `loadConfig` validates them before Nest starts.
 */
import { Type, type StaticDecode } from '@sinclair/typebox';
import type { FieldProblem } from './api-errors';
import { DatabaseSettings } from './database.config';
import { kafkaConnectionRules, KafkaConnectionSettings } from './kafka-connection.config';
import { configClass, requiredWith } from './load-config';
import type { RatesPerSecond } from './rate-limits';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LogLevelSetting = Type.Union(
  LOG_LEVELS.map((level) => Type.Literal(level)),
  { default: 'info' },
);

/** Address to listen on: loopback by default, so that a process run on a workstation is not reachable from the network; containers set 0.0.0.0. */
export const BindAddressSetting = Type.String({ format: 'ip-address', default: '127.0.0.1' });
export const PortSetting = Type.Integer({ minimum: 1, maximum: 65535 });

const perSecond = (rate: number) => Type.Integer({ minimum: 1, default: rate });

export const ServiceSettings = Type.Object({
  ...DatabaseSettings.properties,
  ...KafkaConnectionSettings.properties,
  /** Port of the HTTP API, health and metrics. */
  PORT: PortSetting,
  /** Address the HTTP API (with /metrics and /docs) listens on. */
  BIND_ADDRESS: BindAddressSetting,
  /** PEM certificate chain and key to serve HTTPS with; plain HTTP when unset. Both or neither. */
  HTTPS_CERT_FILE: Type.Optional(Type.String({ format: 'readable-file' })),
  HTTPS_KEY_FILE: Type.Optional(Type.String({ format: 'readable-file' })),
  /** Largest accepted request body, in bytes; larger ones get 413. */
  HTTP_MAX_BODY_BYTES: Type.Integer({ minimum: 1024, maximum: 64 * 1024 * 1024, default: 1024 * 1024 }),
  /**
   * Processes of this service sharing its port (node:cluster, service-workers.ts). More than one lets a service
   * whose own CPU limits it use more cores; each worker also joins the consumer group, as an instance would.
   */
  SERVICE_WORKERS: Type.Integer({ minimum: 1, maximum: 16, default: 1 }),
  /** Run pending migrations at start (under an advisory lock, so instances do not race). */
  DATABASE_MIGRATE: Type.Boolean({ default: true }),
  /**
   * Partitions for topics a service creates when they are missing: the most instances of a consumer that can share
   * its work (docs/scaling.md). Topics that exist keep theirs.
   */
  KAFKA_TOPIC_PARTITIONS: Type.Integer({ minimum: 1, maximum: 1000, default: 12 }),
  /** Consumer group of this service; defaults to the service name. */
  KAFKA_GROUP_ID: Type.Optional(Type.String()),
  /** Where spans go over OTLP/HTTP, e.g. http://127.0.0.1:19418/v1/traces. Empty: no export. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: Type.Optional(Type.String({ format: 'http-url' })),
  LOG_LEVEL: LogLevelSetting,
  /**
   * Per-agency rate limits, per second over a 10 s window, shared by every instance of the service
   * (counted in its schema). Each applies where its kind of route exists: reads are GETs, writes
   * the other changes, records are shared records (one per record of a batch), checks are instant
   * checks (one per query of a batch). Over a limit: 429 with Retry-After.
   */
  RATE_LIMIT_READS_PER_SECOND: perSecond(100),
  RATE_LIMIT_WRITES_PER_SECOND: perSecond(20),
  RATE_LIMIT_RECORDS_PER_SECOND: perSecond(5_000),
  RATE_LIMIT_CHECKS_PER_SECOND: perSecond(200),
  /** How often a failing message is tried before it goes to its dead-letter topic. */
  MESSAGE_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 20, default: 3 }),
});

/** An HTTPS certificate without its key, or a key without its certificate. */
export function httpsFilesRule(config: { HTTPS_CERT_FILE?: string; HTTPS_KEY_FILE?: string }): FieldProblem[] {
  if (config.HTTPS_CERT_FILE !== undefined && config.HTTPS_KEY_FILE === undefined)
    return [requiredWith('HTTPS_KEY_FILE', 'HTTPS_CERT_FILE')];
  if (config.HTTPS_KEY_FILE !== undefined && config.HTTPS_CERT_FILE === undefined)
    return [requiredWith('HTTPS_CERT_FILE', 'HTTPS_KEY_FILE')];
  return [];
}

/** The rules between settings every service keeps; an app's config class passes them on with its own. */
export function serviceRules(config: StaticDecode<typeof ServiceSettings>): FieldProblem[] {
  return [...kafkaConnectionRules(config), ...httpsFilesRule(config)];
}

export class ServiceConfig extends configClass(ServiceSettings, serviceRules) {}

/** The rate limits of a service's configuration, by route class. */
export function ratesOf(config: ServiceConfig): RatesPerSecond {
  return {
    reads: config.RATE_LIMIT_READS_PER_SECOND,
    writes: config.RATE_LIMIT_WRITES_PER_SECOND,
    records: config.RATE_LIMIT_RECORDS_PER_SECOND,
    checks: config.RATE_LIMIT_CHECKS_PER_SECOND,
  };
}
