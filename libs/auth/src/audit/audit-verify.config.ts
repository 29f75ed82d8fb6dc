import { configClass, DatabaseSettings } from '@crosscheck/runtime';
import { Type } from '@sinclair/typebox';

/** `npm run audit:verify` needs only the database; it finds the schemas itself. */
export class AuditVerifyConfig extends configClass(
  Type.Object({ DATABASE_URL: DatabaseSettings.properties.DATABASE_URL }),
) {}
