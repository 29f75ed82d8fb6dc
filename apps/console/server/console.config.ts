/**
 * The console server's settings, validated before it listens, like every
 * crosscheck service: a broken variable stops it with one line naming it.
 * It has no database and no Kafka; it only knows where alerting, dedup and
 * the trace UI are.
 */
import * as path from 'node:path';
import { configClass, withDefault, type SettingsRule } from '@crosscheck/runtime/load-config';
import { BindAddressSetting, httpsFilesRule, LogLevelSetting, PortSetting } from '@crosscheck/runtime/service-config';
import { Type, type StaticDecode } from '@sinclair/typebox';

/** A service's URL, read without its trailing slashes. */
const serviceUrl = (options: { default?: string } = {}) =>
  Type.Transform(Type.String({ format: 'http-url', ...options }))
    .Decode((url) => url.replace(/\/+$/, ''))
    .Encode((url) => url);

const ORIGIN = /^https?:\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/;
/** As browsers write an origin in `Origin`: lower case, no default port. Anything with a path or more is left to be refused. */
function asOrigin(value: string): string {
  const given = value.trim().replace(/\/$/, '');
  if (/[/?#@]/.test(given.replace(/^[a-z]+:\/\//i, ''))) return given;
  try {
    return new URL(given).origin;
  } catch {
    return given;
  }
}

/** Read as an origin, then judged as one (originRule). */
const OriginSetting = Type.Transform(Type.String())
  .Decode(asOrigin)
  .Encode((origin) => origin);

export const ConsoleSettings = Type.Object({
  PORT: withDefault(PortSetting, 3005),
  /** Address to listen on; loopback unless set, as for every crosscheck service (containers set 0.0.0.0). */
  BIND_ADDRESS: BindAddressSetting,
  /** alerting's API; the console signs analysts in against its /v1/whoami and proxies /api/alerting/* to it. */
  ALERTING_URL: serviceUrl(),
  /** dedup's API, for the entity view; /api/dedup/* goes there. */
  DEDUP_URL: serviceUrl(),
  /** intake's API, for operators' record journeys (`GET /v1/admin/journey`); journeys answer 503 without it. */
  INTAKE_URL: Type.Optional(serviceUrl()),
  /** matching's API: the frontline check page's instant checks (/api/matching/*) and operators' record journeys. */
  MATCHING_URL: serviceUrl({ default: 'http://127.0.0.1:3003' }),
  /** Where a person's browser reaches Zipkin's UI; trace links are `<this>/traces/<trace id>`. */
  ZIPKIN_UI_URL: serviceUrl({ default: 'http://127.0.0.1:19411/zipkin' }),
  /** A session not used for this long is forgotten, and its analyst signs in again. */
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 7 * 24 * 60, default: 8 * 60 }),
  /**
   * PEM certificate chain and key to serve HTTPS with, as every crosscheck service does; plain HTTP when unset.
   * Both or neither; main.ts reads them and names the one it cannot read.
   */
  HTTPS_CERT_FILE: Type.Optional(Type.String()),
  HTTPS_KEY_FILE: Type.Optional(Type.String()),
  /**
   * The origin analysts' browsers reach the console at, e.g. `https://console.agency.example`, when it is not the
   * address the console listens on: behind a reverse proxy, and always when that proxy terminates TLS.
   * - Changes (POST, PUT, DELETE) are accepted only with this `Origin`; unset, only with the origin the request was
   *   addressed to (`http://<Host>`, or `https://<Host>` when the console serves HTTPS itself).
   * - `https://` here tells the console that browsers reach it over TLS though it speaks plain HTTP to the proxy: the
   *   session cookie gets `Secure` and every answer `Strict-Transport-Security`, as when it serves HTTPS itself.
   */
  CONSOLE_PUBLIC_ORIGIN: Type.Optional(OriginSetting),
  /** The built single-page app (vite's output); beside the server in dist/ by default. */
  CONSOLE_WEB_DIR: Type.String({ default: path.resolve(__dirname, '..', 'web') }),
  LOG_LEVEL: LogLevelSetting,
  /**
   * Consumer groups are this prefix and the service's name (`dedup`, `matching`, `alerting`), as the services name
   * theirs when KAFKA_GROUP_ID is unset. The brokers themselves come from KAFKA_BROKERS and the other KAFKA_* settings
   * the services read; without KAFKA_BROKERS the health page shows no lag.
   */
  KAFKA_GROUP_ID_PREFIX: Type.String({
    pattern: '^[a-zA-Z0-9._-]*$',
    'x-message': 'may only hold letters, digits, ".", "_" and "-"',
    default: '',
  }),
  /** How often the pipeline health page's figures are sampled; an hour of samples is kept. */
  HEALTH_SAMPLE_SECONDS: Type.Integer({ minimum: 1, maximum: 60, default: 5 }),
  /** Consumer lag of one service (all its partitions) from which the health page's banner, log line and metric alarm. */
  HEALTH_LAG_ALARM: Type.Integer({ minimum: 1, default: 1000 }),
  /** Pending dead letters (all topics) from which the health page's banner, log line and metric alarm. */
  HEALTH_DEAD_LETTERS_ALARM: Type.Integer({ minimum: 1, default: 1 }),
});

const originRule: SettingsRule<StaticDecode<typeof ConsoleSettings>> = (config) => {
  const origin = config.CONSOLE_PUBLIC_ORIGIN;
  return origin === undefined || ORIGIN.test(origin)
    ? []
    : [
        {
          field: 'CONSOLE_PUBLIC_ORIGIN',
          rule: 'matches',
          message: 'must be an origin, scheme://host[:port] with no path, e.g. https://console.agency.example',
        },
      ];
};

export class ConsoleConfig extends configClass(ConsoleSettings, httpsFilesRule, originRule) {}

type TransportSettings = Pick<ConsoleConfig, 'CONSOLE_PUBLIC_ORIGIN' | 'HTTPS_CERT_FILE'>;

/** Whether browsers reach the console over TLS: it serves HTTPS itself, or its public origin (a proxy's) is https. */
export function reachedOverTls(config: TransportSettings): boolean {
  return config.HTTPS_CERT_FILE !== undefined || (config.CONSOLE_PUBLIC_ORIGIN?.startsWith('https://') ?? false);
}

/** The scheme of the console's own listener, for the origin of a request addressed to it. */
export function listenerScheme(config: TransportSettings): 'http' | 'https' {
  return config.HTTPS_CERT_FILE !== undefined ? 'https' : 'http';
}
