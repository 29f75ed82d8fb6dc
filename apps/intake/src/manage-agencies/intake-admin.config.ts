import { DatabaseConfig } from '@crosscheck/runtime';

/** The admin CLI touches intake's tables only. */
export class IntakeAdminConfig extends DatabaseConfig {
  override DATABASE_SCHEMA = 'intake';
}
