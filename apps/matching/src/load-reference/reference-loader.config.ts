import { configClass, DatabaseSettings, withDefault } from '@crosscheck/runtime';
import { Type } from '@sinclair/typebox';

/** The loader writes matching's tables and outbox; it needs the database only. */
export class ReferenceLoaderConfig extends configClass(
  Type.Object({
    ...DatabaseSettings.properties,
    DATABASE_SCHEMA: withDefault(DatabaseSettings.properties.DATABASE_SCHEMA, 'matching'),
  }),
) {}
