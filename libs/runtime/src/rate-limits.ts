/**
 * Per-agency rate limits on every route, by class of route, counted in the
 * service's own Postgres schema so that they hold across all instances of
 * the service: a limit of 100 reads/s is 100 reads/s for the agency whether
 * it talks to one intake or to five.
 *
 * Each class has a budget of `perSecond × WINDOW_SECONDS` points per window
 * of WINDOW_SECONDS (a fixed window, so a burst of a whole window's budget is
 * allowed). A batch costs one point per item. Over budget: 429 with
 * Retry-After, before the request is validated or does any work. If Postgres
 * cannot be asked, each instance counts in memory for the moment, so that a
 * database outage neither lifts the limits nor blocks the API on them.
 */
import { HttpStatus } from '@nestjs/common';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { ApiError } from './api-errors';

export const RATE_CLASSES = {
  reads: 'reads (GET)',
  writes: 'changes (POST, PUT, DELETE that are not shares or checks)',
  records: 'records shared, one per record of a batch',
  checks: 'instant checks, one per query of a batch',
} as const;
export type RateClass = keyof typeof RATE_CLASSES;

export const WINDOW_SECONDS = 10;
export const RATE_LIMITS_TABLE = 'rate_limits';

export type RatesPerSecond = Record<RateClass, number>;

export class RateLimits {
  private readonly limiters: Record<RateClass, RateLimiterAbstract>;

  constructor(
    private readonly rates: RatesPerSecond,
    store: (rateClass: RateClass, points: number) => RateLimiterAbstract,
  ) {
    this.limiters = Object.fromEntries(
      (Object.keys(RATE_CLASSES) as RateClass[]).map((rateClass) => [
        rateClass,
        store(rateClass, rates[rateClass] * WINDOW_SECONDS),
      ]),
    ) as Record<RateClass, RateLimiterAbstract>;
  }

  /** Counts `cost` against the agency's budget for the class; throws 429 with Retry-After when over it. */
  async take(agency: string, rateClass: RateClass, cost = 1): Promise<void> {
    try {
      await this.limiters[rateClass].consume(agency, Math.max(1, cost));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const error = new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'rate_limited',
        `agency ${agency} is over its limit of ${this.rates[rateClass]} ${RATE_CLASSES[rateClass]} per second; retry after the time in Retry-After`,
      );
      error.retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw error;
    }
  }
}

/** Rate limits counted in the table `rate_limits` of `schema`, shared by every instance of the service. */
export function rateLimitsInPostgres(rates: RatesPerSecond, dataSource: DataSource, schema: string): RateLimits {
  return new RateLimits(rates, (rateClass, points) => {
    return new RateLimiterPostgres({
      storeClient: dataSource,
      storeType: 'typeorm',
      schemaName: schema,
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true, // by the migration, with the rest of the schema
      clearExpiredByTimeout: false, // one row per agency and class, reused window after window: nothing to sweep
      keyPrefix: rateClass,
      points,
      duration: WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: rateClass, points, duration: WINDOW_SECONDS }),
    });
  });
}
