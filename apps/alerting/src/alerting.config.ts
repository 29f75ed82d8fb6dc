import { ServiceConfig } from '@crosscheck/runtime';
import { IsInt, Max, Min } from 'class-validator';

export class AlertingConfig extends ServiceConfig {
  override PORT = 3004;
  override DATABASE_SCHEMA = 'alerting';

  /** Seconds between keep-alive comments on an open alert stream. */
  @IsInt()
  @Min(1)
  @Max(300)
  STREAM_HEARTBEAT_SECONDS: number = 15;

  /** Bytes an alert stream may have waiting for a slow client before it is cut off. */
  @IsInt()
  @Min(1024)
  STREAM_MAX_BUFFERED_BYTES: number = 1024 * 1024;
}
