/**
 * The console server's settings, validated before it listens, like every
 * crosscheck service: a broken variable stops it with one line naming it.
 * It has no database and no Kafka; it only knows where alerting, dedup and
 * the trace UI are.
 */
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsIP, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import * as path from 'node:path';
import { booleanFromEnv } from '@crosscheck/runtime/load-config';

const HTTP_URL = { protocols: ['http', 'https'], require_tld: false, require_protocol: true };
const withoutTrailingSlash = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\/+$/, '') : value);

export class ConsoleConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3005;

  /** Address to listen on; loopback unless set, as for every crosscheck service (containers set 0.0.0.0). */
  @IsIP(undefined, { message: 'must be an IP address, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)' })
  BIND_ADDRESS: string = '127.0.0.1';

  /** alerting's API; the console signs analysts in against its /v1/whoami and proxies /api/alerting/* to it. */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  ALERTING_URL!: string;

  /** dedup's API, for the entity view; /api/dedup/* goes there. */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  DEDUP_URL!: string;

  /** Where a person's browser reaches Zipkin's UI; trace links are `<this>/traces/<trace id>`. */
  @Transform(withoutTrailingSlash)
  @IsUrl(HTTP_URL)
  ZIPKIN_UI_URL: string = 'http://127.0.0.1:19411/zipkin';

  /** A session not used for this long is forgotten, and its analyst signs in again. */
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  SESSION_IDLE_MINUTES: number = 8 * 60;

  /** Adds `Secure` to the session cookie; turn on when the console is served over HTTPS. */
  @Transform(booleanFromEnv)
  @IsBoolean()
  SESSION_COOKIE_SECURE: boolean = false;

  /** The built single-page app (vite's output); beside the server in dist/ by default. */
  @IsOptional()
  @IsString()
  CONSOLE_WEB_DIR: string = path.resolve(__dirname, '..', 'web');

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';
}
