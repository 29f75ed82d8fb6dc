/**
 * The rate limits' leases, against rate-limiter-flexible's in-memory counter
 * standing in for the shared Postgres table: what an agency is admitted and
 * refused, alone and across instances, and how few times the counter is asked.
 */
import { RateLimiterAbstract, RateLimiterMemory } from 'rate-limiter-flexible';
import { ApiError } from './api-errors';
import { RateClass, RateLimits, RatesPerSecond, WINDOW_SECONDS } from './rate-limits';

const RATES: RatesPerSecond = { reads: 100, writes: 3, records: 500, checks: 100 };

/** One shared counter per class (as the table is), and how many times instances asked it. */
function sharedCounter() {
  const asked = { consume: 0 };
  const counters = new Map<RateClass, RateLimiterAbstract>();
  const store = (rateClass: RateClass, points: number) => {
    let counter = counters.get(rateClass);
    if (!counter) {
      const memory = new RateLimiterMemory({ keyPrefix: rateClass, points, duration: WINDOW_SECONDS });
      counter = Object.assign(Object.create(memory) as RateLimiterMemory, {
        consume: (key: string, cost?: number) => (asked.consume++, memory.consume(key, cost)),
      });
      counters.set(rateClass, counter);
    }
    return counter;
  };
  return { asked, instance: () => new RateLimits(RATES, store) };
}

/** Takes `cost` for each request in turn; how many were admitted. */
async function admitted(limits: RateLimits[], requests: number, rateClass: RateClass = 'checks', cost = 1) {
  let admitted = 0;
  for (let i = 0; i < requests; i++) {
    try {
      await limits[i % limits.length].take('AUT', rateClass, cost);
      admitted++;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }
  return admitted;
}

afterEach(() => jest.useRealTimers());

describe('RateLimits', () => {
  it('admits exactly the budget on one instance, asking the counter about once a lease', async () => {
    const { asked, instance } = sharedCounter();
    // 100 checks/s: 1,000 a window, leases of 20.
    expect(await admitted([instance()], 1_500)).toBe(1_000);
    expect(asked.consume).toBeLessThan(1_000 / 20 + 20 + 500);
    // Near the end of the budget each request is counted alone; the 500 refused ones are each counted.
    expect(asked.consume).toBeGreaterThan(500);
    expect(asked.consume - 500).toBeLessThan(1_000 / 20 + 20);
  });

  it.each([
    ['two', 2],
    ['five', 5],
  ])(
    'never admits more than the budget across %s instances, and refuses at most a lease each early',
    async (_, count) => {
      const { instance } = sharedCounter();
      const instances = Array.from({ length: count }, instance);
      const total = await admitted(instances, 2_000);
      expect(total).toBeLessThanOrEqual(1_000);
      expect(total).toBeGreaterThanOrEqual(1_000 - 20 * (count - 1));
      // Once over, every instance refuses.
      for (const limits of instances) await expect(limits.take('AUT', 'checks')).rejects.toThrow(/over its limit/);
    },
  );

  it.each<[string, RateClass, number, number]>([
    ['a budget under two leases counts each request', 'writes', 1, 30],
    ['a batch as large as a lease counts exactly', 'records', 100, 50],
    ['a batch of a whole budget passes, the next item does not', 'records', 5_000, 1],
  ])('%s', async (_, rateClass, cost, expected) => {
    const { instance } = sharedCounter();
    expect(await admitted([instance()], expected + 5, rateClass, cost)).toBe(expected);
  });

  it('tells when to retry, and lets the agency in again in the next window', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T12:00:00Z') });
    const { instance } = sharedCounter();
    const limits = instance();
    expect(await admitted([limits], 1_000)).toBe(1_000);
    const refusal = await limits.take('AUT', 'checks').catch((error: ApiError) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect((refusal as ApiError).getStatus()).toBe(429);
    expect((refusal as ApiError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    jest.advanceTimersByTime(WINDOW_SECONDS * 1000 + 1);
    expect(await admitted([limits], 1_200)).toBe(1_000);
  });

  it('keeps agencies apart', async () => {
    const { instance } = sharedCounter();
    const limits = instance();
    expect(await admitted([limits], 1_000)).toBe(1_000);
    await expect(limits.take('AUT', 'checks')).rejects.toThrow(/AUT/);
    await expect(limits.take('FRA', 'checks')).resolves.toBeUndefined();
  });
});
