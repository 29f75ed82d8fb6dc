import { reconnectDelayMs } from './reconnect-backoff';

const backoff = { initialMs: 200, maxMs: 5_000 };

describe('reconnect backoff', () => {
  it.each([
    [0, 100, 200],
    [1, 200, 400],
    [2, 400, 800],
    [4, 1_600, 3_200],
    [5, 2_500, 5_000],
    [40, 2_500, 5_000],
  ])('after %i failed attempts waits between %i and %i ms', (failedAttempts, low, high) => {
    expect(reconnectDelayMs(backoff, failedAttempts, () => 0)).toBe(low);
    expect(reconnectDelayMs(backoff, failedAttempts, () => 1)).toBe(high);
  });

  it('spreads the attempts of many listeners with jitter', () => {
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelayMs(backoff, 3)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
