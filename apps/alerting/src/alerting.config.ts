import { configClass, serviceRules, ServiceSettings, withDefault, type FieldProblem } from '@crosscheck/runtime';
import { Type, type StaticDecode } from '@sinclair/typebox';
import { allowlistProblems, WebhookTargets } from './webhooks/webhook-target';

export const AlertingSettings = Type.Object({
  ...ServiceSettings.properties,
  PORT: withDefault(ServiceSettings.properties.PORT, 3004),
  DATABASE_SCHEMA: withDefault(ServiceSettings.properties.DATABASE_SCHEMA, 'alerting'),
  /** Seconds between keep-alive comments on an open alert stream. */
  STREAM_HEARTBEAT_SECONDS: Type.Integer({ minimum: 1, maximum: 300, default: 15 }),
  /** Bytes an alert stream may have waiting for a slow client before it is cut off. */
  STREAM_MAX_BUFFERED_BYTES: Type.Integer({ minimum: 1024, default: 1024 * 1024 }),
  /** Open streams one agency may hold at once; one more is refused with 429. */
  STREAM_MAX_PER_AGENCY: Type.Integer({ minimum: 1, maximum: 10_000, default: 50 }),
  /** Delivery attempts of one webhook call before it is dead-lettered. */
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
  /** The first retry waits about this long; each further one twice as long, with jitter. */
  WEBHOOK_BACKOFF_BASE_MS: Type.Integer({ minimum: 10, maximum: 3_600_000, default: 2_000 }),
  /** No retry waits longer than this. */
  WEBHOOK_BACKOFF_MAX_MS: Type.Integer({ minimum: 10, maximum: 86_400_000, default: 600_000 }),
  /** A receiver that has not answered by then counts as a failed attempt. */
  WEBHOOK_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  /** Webhook calls in flight at once, across all receivers. */
  WEBHOOK_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 256, default: 16 }),
  /**
   * The private addresses webhooks may call, which are otherwise refused at
   * registration and at every connection: IP addresses or CIDR networks,
   * each optionally on one port (`127.0.0.1:9000,10.20.0.0/16,[::1]:9000`).
   * Empty in production unless a receiver really lives on a private network;
   * tests list their loopback receiver's port.
   */
  WEBHOOK_ALLOWED_PRIVATE_TARGETS: Type.String({ default: '' }),
  /** Refused when set: a deployment that sets it expects every private address to be reachable, and none is unlisted. */
  WEBHOOK_ALLOW_PRIVATE_TARGETS: Type.Optional(Type.String()),
});

function webhookTargetRules(config: StaticDecode<typeof AlertingSettings>): FieldProblem[] {
  const problems = allowlistProblems(config.WEBHOOK_ALLOWED_PRIVATE_TARGETS);
  return [
    ...(problems.length > 0
      ? [{ field: 'WEBHOOK_ALLOWED_PRIVATE_TARGETS', rule: 'isTargetAllowlist', message: problems.join('; ') }]
      : []),
    ...(config.WEBHOOK_ALLOW_PRIVATE_TARGETS !== undefined
      ? [
          {
            field: 'WEBHOOK_ALLOW_PRIVATE_TARGETS',
            rule: 'isEmpty',
            message:
              'no longer read; list the private receivers webhooks may call in WEBHOOK_ALLOWED_PRIVATE_TARGETS ' +
              '(e.g. 127.0.0.1:9000) and remove it',
          },
        ]
      : []),
  ];
}

export class AlertingConfig extends configClass(AlertingSettings, serviceRules, webhookTargetRules) {
  private targets?: WebhookTargets;

  /** The webhook target rules with this allowlist. */
  webhookTargets(): WebhookTargets {
    this.targets ??= WebhookTargets.fromAllowlist(this.WEBHOOK_ALLOWED_PRIVATE_TARGETS);
    return this.targets;
  }
}
