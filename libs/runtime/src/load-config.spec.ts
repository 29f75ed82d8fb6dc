import { ConfigError, loadConfig, ServiceConfig } from './index';

const valid = {
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crosscheck',
  DATABASE_SCHEMA: 'intake',
  KAFKA_BROKERS: '127.0.0.1:19092, 127.0.0.1:19093',
};

describe('loadConfig', () => {
  it('parses types and applies defaults', () => {
    const config = loadConfig(ServiceConfig, valid);
    expect(config.PORT).toBe(3001);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:19092', '127.0.0.1:19093']);
    expect(config.DATABASE_MIGRATE).toBe(true);
    expect(config.MESSAGE_MAX_ATTEMPTS).toBe(3);
  });

  it('names every missing variable', () => {
    const attempt = () => loadConfig(ServiceConfig, { PORT: '3001' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^DATABASE_URL is missing/m);
      expect(problems).toMatch(/^DATABASE_SCHEMA is missing/m);
      expect(problems).toMatch(/^KAFKA_BROKERS is missing/m);
    }
  });

  it('names the variable and the rule it breaks', () => {
    expect(() => loadConfig(ServiceConfig, { ...valid, PORT: '99999' })).toThrow(
      /PORT is invalid: must not be greater than 65535/,
    );
    expect(() => loadConfig(ServiceConfig, { ...valid, KAFKA_BROKERS: 'localhost' })).toThrow(
      /KAFKA_BROKERS is invalid: each broker must be host:port/,
    );
    expect(() => loadConfig(ServiceConfig, { ...valid, DATABASE_SCHEMA: 'Drop Table' })).toThrow(
      /DATABASE_SCHEMA is invalid: must be a lower-case Postgres identifier/,
    );
  });

  it('reads yes and no in their usual spellings, and refuses anything else as a boolean', () => {
    expect(loadConfig(ServiceConfig, { ...valid, DATABASE_MIGRATE: 'No' }).DATABASE_MIGRATE).toBe(false);
    expect(loadConfig(ServiceConfig, { ...valid, DATABASE_MIGRATE: '1' }).DATABASE_MIGRATE).toBe(true);
    expect(() => loadConfig(ServiceConfig, { ...valid, DATABASE_MIGRATE: 'maybe' })).toThrow(
      /DATABASE_MIGRATE is invalid/,
    );
  });
});
