import { configClass, DatabaseSettings, withDefault } from '@crosscheck/runtime';
import { Type } from '@sinclair/typebox';

/** The admin CLI touches intake's tables only. */
export class IntakeAdminConfig extends configClass(
  Type.Object({
    ...DatabaseSettings.properties,
    DATABASE_SCHEMA: withDefault(DatabaseSettings.properties.DATABASE_SCHEMA, 'intake'),
  }),
) {}
