/**
 * The per-agency rate limit of every route that says `@RequireRoles(...)`,
 * counted after the key is known and before the body is validated. A route's
 * class is `reads` for GET and `writes` otherwise, unless it says
 * `@RateLimited(...)`: sharing counts records and checks count queries, one
 * per item of a batch.
 */
import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateClass, RateLimits } from '@crosscheck/runtime';
import type { AuthenticatedRequest } from './caller';

const RATE_CLASS_METADATA = 'crosscheck:rate-class';

interface RateRule {
  rateClass: RateClass;
  /** What one request costs; one unless said otherwise. */
  cost?: (request: AuthenticatedRequest) => number;
}

/** Counts the route against the agency's budget for `rateClass`. */
export function RateLimited(rateClass: RateClass, cost?: RateRule['cost']) {
  return SetMetadata(RATE_CLASS_METADATA, { rateClass, cost } satisfies RateRule);
}

/** No batch holds more; a larger one is refused by its route and costs no more than this. */
const LARGEST_BATCH = 1_000;

/** One point per item of a batch: a JSON array's items, or an NDJSON body's non-blank lines. */
export function itemsOfBatch(request: AuthenticatedRequest): number {
  const body: unknown = request.body;
  const items = Array.isArray(body)
    ? body.length
    : typeof body === 'string'
      ? body.split('\n').filter((line) => line.trim().length > 0).length
      : 1;
  return Math.min(items, LARGEST_BATCH);
}

const counted = new WeakSet<object>();

@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // A route whose controller and handler both require roles passes here twice; it is counted once.
    if (!request.caller || counted.has(request)) return true;
    counted.add(request);
    const rule = this.reflector.getAllAndOverride<RateRule | undefined>(RATE_CLASS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const rateClass = rule?.rateClass ?? (request.method === 'GET' || request.method === 'HEAD' ? 'reads' : 'writes');
    await this.limits.take(request.caller.agency, rateClass, rule?.cost?.(request) ?? 1);
    return true;
  }
}
