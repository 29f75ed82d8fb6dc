/** Where a service's (or a command's) Postgres schema is. */
import { IsUrl, Matches } from 'class-validator';

export class DatabaseConfig {
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL!: string;

  /** The Postgres schema this service owns; no other service reads it. At most 45 characters, so that its NOTIFY channel names fit Postgres' 63. */
  @Matches(/^[a-z_][a-z0-9_]{0,44}$/, { message: 'must be a lower-case Postgres identifier of at most 45 characters' })
  DATABASE_SCHEMA!: string;
}
