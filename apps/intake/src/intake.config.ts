import { ServiceConfig } from '@crosscheck/runtime';
import { IsInt, Max, Min } from 'class-validator';

export class IntakeConfig extends ServiceConfig {
  override PORT = 3001;
  override DATABASE_SCHEMA = 'intake';

  /** Default retention of a shared record, in days (INTERPOL's rules: 5 years). */
  @IsInt()
  @Min(1)
  @Max(3650)
  RECORD_RETENTION_DAYS: number = 5 * 365;

  /** Room for a batch of 1,000 records of any kind. */
  override HTTP_MAX_BODY_BYTES = 16 * 1024 * 1024;

  /** How often expired records are looked for and withdrawn. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  RETENTION_SWEEP_SECONDS: number = 60;
}
