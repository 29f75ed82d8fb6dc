import { booleanFromEnv, ServiceConfig } from '@crosscheck/runtime';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

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

  /** Open streams one agency may hold at once; one more is refused with 429. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  STREAM_MAX_PER_AGENCY: number = 50;

  /** Delivery attempts of one webhook call before it is dead-lettered. */
  @IsInt()
  @Min(1)
  @Max(50)
  WEBHOOK_MAX_ATTEMPTS: number = 8;

  /** The first retry waits about this long; each further one twice as long, with jitter. */
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_BASE_MS: number = 2_000;

  /** No retry waits longer than this. */
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  WEBHOOK_BACKOFF_MAX_MS: number = 600_000;

  /** A receiver that has not answered by then counts as a failed attempt. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS: number = 5_000;

  /** Webhook calls in flight at once, across all receivers. */
  @IsInt()
  @Min(1)
  @Max(256)
  WEBHOOK_CONCURRENCY: number = 16;

  /**
   * Whether webhooks may point at loopback and private addresses. Off in
   * production, so an agency cannot make the exchange call into its own
   * network; on for local runs and tests, whose receivers are on loopback.
   */
  @Transform(booleanFromEnv)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS: boolean = false;
}
