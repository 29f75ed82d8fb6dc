import { ServiceConfig } from '@crosscheck/runtime';
import { IsInt, Max, Min } from 'class-validator';

export class IntakeConfig extends ServiceConfig {
  override PORT = 3001;
  override DATABASE_SCHEMA = 'intake';

  /** Largest accepted request body, in bytes. */
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  INTAKE_MAX_BODY_BYTES: number = 1024 * 1024;

  /** Default retention of a shared record, in days (INTERPOL's rules: 5 years). */
  @IsInt()
  @Min(1)
  @Max(3650)
  RECORD_RETENTION_DAYS: number = 5 * 365;
}
