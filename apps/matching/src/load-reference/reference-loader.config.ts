import { DatabaseConfig } from '@crosscheck/runtime';

/** The loader writes matching's tables and outbox; it needs the database only. */
export class ReferenceLoaderConfig extends DatabaseConfig {
  override DATABASE_SCHEMA = 'matching';
}
