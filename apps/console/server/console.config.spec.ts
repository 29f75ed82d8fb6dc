import { ConfigError, loadConfig } from '@crosscheck/runtime/load-config';
import { ConsoleConfig, listenerScheme, reachedOverTls } from './console.config';

const required = { ALERTING_URL: 'http://127.0.0.1:3004', DEDUP_URL: 'http://127.0.0.1:3002' };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(ConsoleConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('ConsoleConfig', () => {
  it('defaults the port, the trace UI, the session lifetime and the web folder', () => {
    const config = loadConfig(ConsoleConfig, required);
    expect(config).toMatchObject({
      PORT: 3005,
      ZIPKIN_UI_URL: 'http://127.0.0.1:19411/zipkin',
      SESSION_IDLE_MINUTES: 480,
      LOG_LEVEL: 'info',
      BIND_ADDRESS: '127.0.0.1',
      KAFKA_GROUP_ID_PREFIX: '',
      HEALTH_SAMPLE_SECONDS: 5,
      HEALTH_LAG_ALARM: 1000,
      HEALTH_DEAD_LETTERS_ALARM: 1,
    });
    expect(config.CONSOLE_PUBLIC_ORIGIN).toBeUndefined();
    expect(config.CONSOLE_WEB_DIR).toMatch(/console[\\/]web$/);
  });

  it('reads the variables it is given, without trailing slashes on URLs', () => {
    const config = loadConfig(ConsoleConfig, {
      ...required,
      PORT: '4100',
      ALERTING_URL: 'http://alerting:3004/',
      ZIPKIN_UI_URL: 'https://traces.example/zipkin/',
    });
    expect(config).toMatchObject({
      PORT: 4100,
      ALERTING_URL: 'http://alerting:3004',
      ZIPKIN_UI_URL: 'https://traces.example/zipkin',
    });
  });

  it.each([
    [{}, /^ALERTING_URL is missing/],
    [{ DEDUP_URL: 'localhost:3002' }, /^DEDUP_URL is invalid: must be a URL address/],
    [{ ALERTING_URL: 'ftp://alerting' }, /^ALERTING_URL is invalid/],
    [{ INTAKE_URL: 'localhost:3001' }, /^INTAKE_URL is invalid/],
    [{ MATCHING_URL: 'ftp://matching' }, /^MATCHING_URL is invalid/],
    [{ PORT: '70000' }, /^PORT is invalid: must not be greater than 65535/],
    [{ PORT: 'http' }, /^PORT is invalid/],
    [{ SESSION_IDLE_MINUTES: '0' }, /^SESSION_IDLE_MINUTES is invalid/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL is invalid/],
    [
      { CONSOLE_PUBLIC_ORIGIN: 'https://console.agency.example/console' },
      /^CONSOLE_PUBLIC_ORIGIN is invalid: must be an origin, scheme:\/\/host\[:port\] with no path/,
    ],
    [{ CONSOLE_PUBLIC_ORIGIN: 'console.agency.example' }, /^CONSOLE_PUBLIC_ORIGIN is invalid: must be an origin/],
    [{ CONSOLE_PUBLIC_ORIGIN: 'ftp://console.agency.example' }, /^CONSOLE_PUBLIC_ORIGIN is invalid: must be an origin/],
    [
      { CONSOLE_PUBLIC_ORIGIN: 'https://analyst@console.agency.example' },
      /^CONSOLE_PUBLIC_ORIGIN is invalid: must be an origin/,
    ],
    [
      { CONSOLE_PUBLIC_ORIGIN: 'https://console.agency.example?x=1' },
      /^CONSOLE_PUBLIC_ORIGIN is invalid: must be an origin/,
    ],
    [{ BIND_ADDRESS: 'localhost' }, /^BIND_ADDRESS is invalid: must be an IP address/],
    [{ KAFKA_GROUP_ID_PREFIX: 'a b' }, /^KAFKA_GROUP_ID_PREFIX is invalid: may only hold letters, digits/],
    [{ HEALTH_SAMPLE_SECONDS: '0' }, /^HEALTH_SAMPLE_SECONDS is invalid/],
    [{ HEALTH_SAMPLE_SECONDS: '61' }, /^HEALTH_SAMPLE_SECONDS is invalid/],
    [{ HEALTH_LAG_ALARM: '0' }, /^HEALTH_LAG_ALARM is invalid/],
    [{ HEALTH_DEAD_LETTERS_ALARM: 'many' }, /^HEALTH_DEAD_LETTERS_ALARM is invalid/],
    [{ HTTPS_CERT_FILE: '/etc/console/cert.pem' }, /^HTTPS_KEY_FILE is missing: is required with HTTPS_CERT_FILE$/],
    [{ HTTPS_KEY_FILE: '/etc/console/key.pem' }, /^HTTPS_CERT_FILE is missing: is required with HTTPS_KEY_FILE$/],
  ])('refuses %p, naming the variable', (env, problem) => {
    const base = Object.keys(env).length === 0 ? {} : required;
    expect(problemsOf({ ...base, ...env } as Record<string, string>)).toEqual(
      expect.arrayContaining([expect.stringMatching(problem)]),
    );
  });

  it.each([
    ['https://console.agency.example', 'https://console.agency.example', true],
    ['https://Console.Agency.Example:443/', 'https://console.agency.example', true],
    ['https://console.agency.example:8443', 'https://console.agency.example:8443', true],
    ['http://10.1.2.3:80', 'http://10.1.2.3', false],
    ['http://[::1]:3005', 'http://[::1]:3005', false],
  ])('reads CONSOLE_PUBLIC_ORIGIN %p as a browser writes Origin, %p; on TLS: %p', (given, origin, tls) => {
    const config = loadConfig(ConsoleConfig, { ...required, CONSOLE_PUBLIC_ORIGIN: given });
    expect(config.CONSOLE_PUBLIC_ORIGIN).toBe(origin);
    expect(reachedOverTls(config)).toBe(tls);
  });

  it('is not on TLS without a certificate or an https public origin', () => {
    const config = loadConfig(ConsoleConfig, required);
    expect([reachedOverTls(config), listenerScheme(config)]).toEqual([false, 'http']);
  });

  it('is on TLS, and listens with https, when it serves HTTPS itself', () => {
    const config = loadConfig(ConsoleConfig, {
      ...required,
      HTTPS_CERT_FILE: '/etc/console/cert.pem',
      HTTPS_KEY_FILE: '/etc/console/key.pem',
    });
    expect([reachedOverTls(config), listenerScheme(config)]).toEqual([true, 'https']);
  });

  it('is on TLS, though it listens with http, behind a proxy at an https public origin', () => {
    const config = loadConfig(ConsoleConfig, { ...required, CONSOLE_PUBLIC_ORIGIN: 'https://console.agency.example' });
    expect([reachedOverTls(config), listenerScheme(config)]).toEqual([true, 'http']);
  });
});
