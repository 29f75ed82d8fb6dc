/**
 * The console server's settings, validated before it listens, like every
 * crosscheck service: a broken variable stops it with one line naming it.
 * It has no database and no Kafka; it only knows where alerting, dedup and
 * the trace UI are.
 */
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsIP, IsOptional, IsString, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';
import * as path from 'node:path';

const HTTP_URL = { protocols: ['http', 'https'], require_tld: false, require_protocol: true };
const withoutTrailingSlash = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\/+$/, '') : value;

const ORIGIN = /^https?:\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/;
/** As browsers write an origin in `Origin`: lower case, no default port. Anything with a path or more is left to be refused. */
function asOrigin({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const given = value.trim().replace(/\/$/, '');
  if (/[/?#@]/.test(given.replace(/^[a-z]+:\/\//i, ''))) return given;
  try {
    return new URL(given).origin;
  } catch {
    return given;
  }
}

export class ConsoleConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3005;

  /** Address to listen on; loopback unless set, as for every crosscheck service (containers set 0.0.0.0). */
  @IsIP(undefined, {
    message: 'must be an IP address, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
  })
  BIND_ADDRESS: string = '127.0.0.1';

  /** alerting's API; the console signs analysts in against its /v1/whoami and proxies /api/alerting/* to it. */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  ALERTING_URL!: string;

  /** dedup's API, for the entity view; /api/dedup/* goes there. */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  DEDUP_URL!: string;

  /** intake's API, for operators' record journeys (`GET /v1/admin/journey`); journeys answer 503 without it. */
  @IsOptional()
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  INTAKE_URL?: string;

  /** matching's API: the frontline check page's instant checks (/api/matching/*) and operators' record journeys. */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  MATCHING_URL: string = 'http://127.0.0.1:3003';

  /** Where a person's browser reaches Zipkin's UI; trace links are `<this>/traces/<trace id>`. */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  ZIPKIN_UI_URL: string = 'http://127.0.0.1:19411/zipkin';

  /** A session not used for this long is forgotten, and its analyst signs in again. */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  SESSION_IDLE_MINUTES: number = 8 * 60;

  /** PEM certificate chain and key to serve HTTPS with, as every crosscheck service does; plain HTTP when unset. Both or neither. */
  @ValidateIf((config: ConsoleConfig) => config.HTTPS_CERT_FILE !== undefined || config.HTTPS_KEY_FILE !== undefined)
  @IsString({ message: 'is required with HTTPS_KEY_FILE' })
  HTTPS_CERT_FILE?: string;

  @ValidateIf((config: ConsoleConfig) => config.HTTPS_CERT_FILE !== undefined || config.HTTPS_KEY_FILE !== undefined)
  @IsString({ message: 'is required with HTTPS_CERT_FILE' })
  HTTPS_KEY_FILE?: string;

  /**
   * The origin analysts' browsers reach the console at, e.g. `https://console.agency.example`, when it is not the
   * address the console listens on: behind a reverse proxy, and always when that proxy terminates TLS.
   * - Changes (POST, PUT, DELETE) are accepted only with this `Origin`; unset, only with the origin the request was
   *   addressed to (`http://<Host>`, or `https://<Host>` when the console serves HTTPS itself).
   * - `https://` here tells the console that browsers reach it over TLS though it speaks plain HTTP to the proxy: the
   *   session cookie gets `Secure` and every answer `Strict-Transport-Security`, as when it serves HTTPS itself.
   */
  @IsOptional()
  @Transform(asOrigin)
  @Matches(ORIGIN, {
    message: 'must be an origin, scheme://host[:port] with no path, e.g. https://console.agency.example',
  })
  CONSOLE_PUBLIC_ORIGIN?: string;

  /** The built single-page app (vite's output); beside the server in dist/ by default. */
  @IsOptional()
  @IsString()
  CONSOLE_WEB_DIR: string = path.resolve(__dirname, '..', 'web');

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /**
   * Consumer groups are this prefix and the service's name (`dedup`, `matching`, `alerting`), as the services name
   * theirs when KAFKA_GROUP_ID is unset. The brokers themselves come from KAFKA_BROKERS and the other KAFKA_* settings
   * the services read; without KAFKA_BROKERS the health page shows no lag.
   */
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may only hold letters, digits, ".", "_" and "-"' })
  KAFKA_GROUP_ID_PREFIX: string = '';

  /** How often the pipeline health page's figures are sampled; an hour of samples is kept. */
  @IsInt()
  @Min(1)
  @Max(60)
  HEALTH_SAMPLE_SECONDS: number = 5;

  /** Consumer lag of one service (all its partitions) from which the health page's banner, log line and metric alarm. */
  @IsInt()
  @Min(1)
  HEALTH_LAG_ALARM: number = 1000;

  /** Pending dead letters (all topics) from which the health page's banner, log line and metric alarm. */
  @IsInt()
  @Min(1)
  HEALTH_DEAD_LETTERS_ALARM: number = 1;
}

type TransportSettings = Pick<ConsoleConfig, 'CONSOLE_PUBLIC_ORIGIN' | 'HTTPS_CERT_FILE'>;

/** Whether browsers reach the console over TLS: it serves HTTPS itself, or its public origin (a proxy's) is https. */
export function reachedOverTls(config: TransportSettings): boolean {
  return config.HTTPS_CERT_FILE !== undefined || (config.CONSOLE_PUBLIC_ORIGIN?.startsWith('https://') ?? false);
}

/** The scheme of the console's own listener, for the origin of a request addressed to it. */
export function listenerScheme(config: TransportSettings): 'http' | 'https' {
  return config.HTTPS_CERT_FILE !== undefined ? 'https' : 'http';
}
