/** The loader writes matching's tables and outbox; it needs the database only. */
import { IsUrl, Matches } from 'class-validator';

export class ReferenceLoaderConfig {
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL!: string;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case Postgres identifier' })
  DATABASE_SCHEMA: string = 'matching';
}
