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
 *
 * An instance takes points from the shared counter a few at a time (a lease
 * of a fiftieth of the budget, for the rest of the window) and spends them in
 * memory, so that a busy agency costs Postgres one upsert per lease rather
 * than one per request. A lease is taken only while the counter had room for
 * it; near the end of the budget each request is counted on its own, so one
 * instance admits exactly the budget. Several instances never admit more than
 * the budget together, and may refuse up to a lease each early: the points
 * another instance holds and has not spent yet.
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
/** A lease is this share of a window's budget; a budget under twice this counts every request on its own. */
export const LEASES_PER_WINDOW = 50;
export const RATE_LIMITS_TABLE = 'rate_limits';

export type RatesPerSecond = Record<RateClass, number>;

/** Points this instance took from the shared counter and has not spent, until its window ends. */
interface Lease {
  points: number;
  /** Date.now() at which the window the points were counted in ends. */
  until: number;
  /** The shared counter's room at the last answer: a lease is taken only while it covers one. */
  room: number;
}

export class RateLimits {
  private readonly limiters: Record<RateClass, RateLimiterAbstract>;
  private readonly leaseSizes: Record<RateClass, number>;
  private readonly leases = new Map<string, Lease>();

  constructor(
    private readonly rates: RatesPerSecond,
    store: (rateClass: RateClass, points: number) => RateLimiterAbstract,
  ) {
    const classes = Object.keys(RATE_CLASSES) as RateClass[];
    this.limiters = Object.fromEntries(
      classes.map((rateClass) => [rateClass, store(rateClass, rates[rateClass] * WINDOW_SECONDS)]),
    ) as Record<RateClass, RateLimiterAbstract>;
    this.leaseSizes = Object.fromEntries(
      classes.map((rateClass) => [rateClass, Math.floor((rates[rateClass] * WINDOW_SECONDS) / LEASES_PER_WINDOW)]),
    ) as Record<RateClass, number>;
  }

  /** Counts `cost` against the agency's budget for the class; throws 429 with Retry-After when over it. */
  async take(agency: string, rateClass: RateClass, cost = 1): Promise<void> {
    const points = Math.max(1, cost);
    const lease = this.leaseOf(`${rateClass}\u0000${agency}`);
    if (lease.points >= points) {
      lease.points -= points;
      return;
    }
    // The points held go towards this request (taken out now, so that a request answered meanwhile cannot spend
    // them too); a lease is worth taking only for requests smaller than one.
    const held = lease.points;
    lease.points = 0;
    const wanted = points - held;
    const size = this.leaseSizes[rateClass];
    const leasing = size >= 2 && points < size && lease.room >= size + wanted;
    const limiter = this.limiters[rateClass];
    try {
      const answer = await limiter.consume(agency, leasing ? size + wanted : wanted);
      lease.points += leasing ? size : 0;
      lease.until = Date.now() + answer.msBeforeNext;
      lease.room = answer.remainingPoints;
    } catch (rejection) {
      lease.points += held;
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      lease.until = Date.now() + rejection.msBeforeNext;
      lease.room = 0;
      if (leasing) {
        // Another instance took the room meanwhile: give back all this attempt counted, and count the request alone.
        await limiter.reward(agency, size + wanted);
        return this.take(agency, rateClass, cost);
      }
      const error = new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'rate_limited',
        `agency ${agency} is over its limit of ${this.rates[rateClass]} ${RATE_CLASSES[rateClass]} per second; retry after the time in Retry-After`,
      );
      error.retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw error;
    }
  }

  /** The agency's lease for the class, a fresh empty one once its window has ended (its unspent points lapse). */
  private leaseOf(key: string): Lease {
    let lease = this.leases.get(key);
    if (!lease || lease.until <= Date.now()) {
      // Until the counter answers, nothing is known of its room: the first request of a window is counted alone.
      lease = { points: 0, until: Number.POSITIVE_INFINITY, room: 0 };
      this.leases.set(key, lease);
    }
    return lease;
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
