import { ConfigError, loadConfig } from '@crosscheck/runtime/load-config';
import { ConsoleConfig } from './console.config';

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
    expect(config).toMatchObject({ PORT: 3005, ZIPKIN_UI_URL: 'http://127.0.0.1:19411/zipkin', SESSION_IDLE_MINUTES: 480, SESSION_COOKIE_SECURE: false, LOG_LEVEL: 'info', BIND_ADDRESS: '127.0.0.1' });
    expect(config.CONSOLE_WEB_DIR).toMatch(/console[\\/]web$/);
  });

  it('reads the variables it is given, without trailing slashes on URLs', () => {
    const config = loadConfig(ConsoleConfig, { ...required, PORT: '4100', ALERTING_URL: 'http://alerting:3004/', ZIPKIN_UI_URL: 'https://traces.example/zipkin/', SESSION_COOKIE_SECURE: 'true' });
    expect(config).toMatchObject({ PORT: 4100, ALERTING_URL: 'http://alerting:3004', ZIPKIN_UI_URL: 'https://traces.example/zipkin', SESSION_COOKIE_SECURE: true });
  });

  it.each([
    [{}, /^ALERTING_URL is missing/],
    [{ DEDUP_URL: 'localhost:3002' }, /^DEDUP_URL is invalid: DEDUP_URL must be a URL address/],
    [{ ALERTING_URL: 'ftp://alerting' }, /^ALERTING_URL is invalid/],
    [{ PORT: '70000' }, /^PORT is invalid: PORT must not be greater than 65535/],
    [{ PORT: 'http' }, /^PORT is invalid/],
    [{ SESSION_IDLE_MINUTES: '0' }, /^SESSION_IDLE_MINUTES is invalid/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL is invalid/],
    [{ BIND_ADDRESS: 'localhost' }, /^BIND_ADDRESS is invalid: must be an IP address/],
  ])('refuses %p, naming the variable', (env, problem) => {
    const base = Object.keys(env).length === 0 ? {} : required;
    expect(problemsOf({ ...base, ...env } as Record<string, string>)).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
  });
});
