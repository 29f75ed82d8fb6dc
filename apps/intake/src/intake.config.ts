import { configClass, serviceRules, ServiceSettings, withDefault } from '@crosscheck/runtime';
import { Type } from '@sinclair/typebox';

export const IntakeSettings = Type.Object({
  ...ServiceSettings.properties,
  PORT: withDefault(ServiceSettings.properties.PORT, 3001),
  DATABASE_SCHEMA: withDefault(ServiceSettings.properties.DATABASE_SCHEMA, 'intake'),
  /** Room for a batch of 1,000 records of any kind. */
  HTTP_MAX_BODY_BYTES: withDefault(ServiceSettings.properties.HTTP_MAX_BODY_BYTES, 16 * 1024 * 1024),
  /** Default retention of a shared record, in days (INTERPOL's rules: 5 years). */
  RECORD_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 5 * 365 }),
  /** How often expired records are looked for and withdrawn. */
  RETENTION_SWEEP_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
});

export class IntakeConfig extends configClass(IntakeSettings, serviceRules) {}
