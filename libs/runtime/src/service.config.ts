/**
 * Settings every crosscheck service shares: where Postgres, Kafka and the trace
 * backend are, and how this instance names itself. Each app extends this class
 * with its own settings; `loadConfig` validates it before Nest starts.
 */
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsIP, IsOptional, IsString, IsUrl, Max, Min, ValidateIf } from 'class-validator';
import { DatabaseConfig } from './database.config';
import { WithKafkaConnection } from './kafka-connection.config';
import { booleanFromEnv } from './load-config';
import { IsReadableFile } from './readable-file';
import type { RatesPerSecond } from './rate-limits';

export class ServiceConfig extends WithKafkaConnection(DatabaseConfig) {
  /** Port of the HTTP API, health and metrics. */
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  /**
   * Address the HTTP API (with /metrics and /docs) listens on. Loopback by default, so that a
   * service run on a workstation is not reachable from the network; containers set 0.0.0.0.
   */
  @IsIP(undefined, {
    message: 'must be an IP address, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
  })
  BIND_ADDRESS: string = '127.0.0.1';

  /** PEM certificate chain and key to serve HTTPS with; plain HTTP when unset. Both or neither. */
  @ValidateIf((config: ServiceConfig) => config.HTTPS_CERT_FILE !== undefined || config.HTTPS_KEY_FILE !== undefined)
  @IsString({ message: 'is required with HTTPS_KEY_FILE' })
  @IsReadableFile()
  HTTPS_CERT_FILE?: string;

  @ValidateIf((config: ServiceConfig) => config.HTTPS_CERT_FILE !== undefined || config.HTTPS_KEY_FILE !== undefined)
  @IsString({ message: 'is required with HTTPS_CERT_FILE' })
  @IsReadableFile()
  HTTPS_KEY_FILE?: string;

  /** Largest accepted request body, in bytes; larger ones get 413. */
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  HTTP_MAX_BODY_BYTES: number = 1024 * 1024;

  /** Run pending migrations at start (under an advisory lock, so instances do not race). */
  @Transform(booleanFromEnv)
  @IsBoolean()
  DATABASE_MIGRATE: boolean = true;

  /**
   * Partitions for topics a service creates when they are missing: the most instances of a consumer that can share
   * its work (docs/scaling.md). Topics that exist keep theirs.
   */
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS: number = 12;

  /** Consumer group of this service; defaults to the service name. */
  @IsOptional()
  @IsString()
  KAFKA_GROUP_ID?: string;

  /** Where spans go over OTLP/HTTP, e.g. http://127.0.0.1:19418/v1/traces. Empty: no export. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /**
   * Per-agency rate limits, per second over a 10 s window, shared by every instance of the service
   * (counted in its schema). Each applies where its kind of route exists: reads are GETs, writes
   * the other changes, records are shared records (one per record of a batch), checks are instant
   * checks (one per query of a batch). Over a limit: 429 with Retry-After.
   */
  @IsInt()
  @Min(1)
  RATE_LIMIT_READS_PER_SECOND: number = 100;

  @IsInt()
  @Min(1)
  RATE_LIMIT_WRITES_PER_SECOND: number = 20;

  @IsInt()
  @Min(1)
  RATE_LIMIT_RECORDS_PER_SECOND: number = 5_000;

  @IsInt()
  @Min(1)
  RATE_LIMIT_CHECKS_PER_SECOND: number = 200;

  /** How often a failing message is tried before it goes to its dead-letter topic. */
  @IsInt()
  @Min(1)
  @Max(20)
  MESSAGE_MAX_ATTEMPTS: number = 3;
}

/** The rate limits of a service's configuration, by route class. */
export function ratesOf(config: ServiceConfig): RatesPerSecond {
  return {
    reads: config.RATE_LIMIT_READS_PER_SECOND,
    writes: config.RATE_LIMIT_WRITES_PER_SECOND,
    records: config.RATE_LIMIT_RECORDS_PER_SECOND,
    checks: config.RATE_LIMIT_CHECKS_PER_SECOND,
  };
}
