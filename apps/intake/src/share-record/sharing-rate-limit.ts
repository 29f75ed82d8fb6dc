/**
 * How many records an agency may share per second, counted per record so
 * that a batch of 1,000 weighs 1,000 single shares. Over the limit: 429 with
 * Retry-After, and nothing written. Per intake instance (in memory); behind
 * several instances the limit is per instance.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@crosscheck/runtime';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { IntakeConfig } from '../intake.config';

const WINDOW_SECONDS = 10;

@Injectable()
export class SharingRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(config: IntakeConfig) {
    this.limiter = new RateLimiterMemory({ points: config.RATE_LIMIT_RECORDS_PER_SECOND * WINDOW_SECONDS, duration: WINDOW_SECONDS });
  }

  async take(agency: string, records: number): Promise<void> {
    try {
      await this.limiter.consume(agency, records);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const error = new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', `agency ${agency} is sharing faster than its limit; retry later`);
      error.retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw error;
    }
  }
}
