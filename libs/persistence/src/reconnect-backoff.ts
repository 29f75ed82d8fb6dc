/**
 * How long a lost Postgres connection waits before its next attempt:
 * exponential backoff with "equal jitter" (half the delay fixed, half random),
 * so that the listeners of every instance do not all knock at once when the
 * database comes back.
 */
export interface ReconnectBackoff {
  /** The delay before the first attempt after the connection dropped. */
  initialMs: number;
  maxMs: number;
}

/** Milliseconds to wait before the next attempt, after `failedAttempts` attempts in a row failed (0 at first). */
export function reconnectDelayMs(
  backoff: ReconnectBackoff,
  failedAttempts: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(Math.max(failedAttempts, 0), 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
