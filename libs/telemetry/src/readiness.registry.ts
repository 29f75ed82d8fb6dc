/**
 * What `/ready` asks: each part of a service (database, Kafka consumer, relay)
 * registers a check; the service is ready when all of them pass.
 */
import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<void> | void;
/** Extra state to show beside a passing check, e.g. a relay that is waiting for Kafka. */
export type ReadinessDetail = () => string;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, { check: ReadinessCheck; detail?: ReadinessDetail }>();

  register(name: string, check: ReadinessCheck, detail?: ReadinessDetail): void {
    this.checks.set(name, { check, detail });
  }

  async report(): Promise<ReadinessReport> {
    const checks: Record<string, string> = {};
    const failed = new Set<string>();
    for (const [name, { check, detail }] of this.checks) {
      try {
        await check();
        checks[name] = detail?.() ?? 'ok';
      } catch (error) {
        checks[name] = error instanceof Error ? error.message : String(error);
        failed.add(name);
      }
    }
    return { ready: failed.size === 0, checks };
  }
}
