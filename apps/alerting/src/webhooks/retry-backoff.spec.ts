import { retryDelayMs } from './retry-backoff';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('retry backoff', () => {
  it.each([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [3, 2_000, 4_000],
    [6, 16_000, 32_000],
    [7, 30_000, 60_000],
    [20, 30_000, 60_000],
  ])('after failed attempt %i waits between %i and %i ms', (attempt, low, high) => {
    expect(retryDelayMs(policy, attempt, () => 0)).toBe(low);
    expect(retryDelayMs(policy, attempt, () => 1)).toBe(high);
  });

  it('spreads retries with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(policy, 4)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
