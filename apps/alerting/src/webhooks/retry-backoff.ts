/**
 * When a failed webhook delivery is tried again: exponential backoff with
 * "equal jitter" (half the delay fixed, half random), so that receivers that
 * came back together are not hit by every retry at the same instant.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Milliseconds to wait after the given failed attempt (1 for the first). */
export function retryDelayMs(policy: BackoffPolicy, failedAttempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failedAttempt - 1, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
