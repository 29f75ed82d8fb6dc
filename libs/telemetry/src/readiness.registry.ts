/**
 * What `/ready` asks: each part of a service (database, Kafka consumer, relay)
 * registers a check; the service is ready when all of them pass.
 */
import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<void> | void;

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  async report(): Promise<ReadinessReport> {
    const checks: Record<string, string> = {};
    for (const [name, check] of this.checks) {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        checks[name] = error instanceof Error ? error.message : String(error);
      }
    }
    return { ready: Object.values(checks).every((outcome) => outcome === 'ok'), checks };
  }
}
