import { ServiceConfig } from '@crosscheck/runtime';
import { IsEmpty, IsInt, IsString, Max, Min, ValidateBy } from 'class-validator';
import { allowlistProblems, WebhookTargets } from './webhooks/webhook-target';

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
   * The private addresses webhooks may call, which are otherwise refused at
   * registration and at every connection: IP addresses or CIDR networks,
   * each optionally on one port (`127.0.0.1:9000,10.20.0.0/16,[::1]:9000`).
   * Empty in production unless a receiver really lives on a private network;
   * tests list their loopback receiver's port.
   */
  @IsString()
  @ValidateBy({
    name: 'isTargetAllowlist',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && allowlistProblems(value).length === 0,
      defaultMessage: (args) =>
        typeof args?.value === 'string' ? allowlistProblems(args.value).join('; ') : 'must be a list',
    },
  })
  WEBHOOK_ALLOWED_PRIVATE_TARGETS: string = '';

  /** Refused when set: a deployment that sets it expects every private address to be reachable, and none is unlisted. */
  @IsEmpty({
    message:
      'no longer read; list the private receivers webhooks may call in WEBHOOK_ALLOWED_PRIVATE_TARGETS ' +
      '(e.g. 127.0.0.1:9000) and remove it',
  })
  WEBHOOK_ALLOW_PRIVATE_TARGETS?: string;

  private targets?: WebhookTargets;

  /** The webhook target rules with this allowlist. */
  webhookTargets(): WebhookTargets {
    this.targets ??= WebhookTargets.fromAllowlist(this.WEBHOOK_ALLOWED_PRIVATE_TARGETS);
    return this.targets;
  }
}
