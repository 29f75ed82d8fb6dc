/** Where a service's (or a command's) Postgres schema is. */
import { Type } from '@sinclair/typebox';
import './config-formats';
import { configClass } from './load-config';

export const DatabaseSettings = Type.Object({
  DATABASE_URL: Type.String({ format: 'postgres-url' }),
  /** The Postgres schema this service owns; no other service reads it. At most 45 characters, so that its NOTIFY channel names fit Postgres' 63. */
  DATABASE_SCHEMA: Type.String({
    pattern: '^[a-z_][a-z0-9_]{0,44}$',
    'x-message': 'must be a lower-case Postgres identifier of at most 45 characters',
  }),
});

export class DatabaseConfig extends configClass(DatabaseSettings) {}
