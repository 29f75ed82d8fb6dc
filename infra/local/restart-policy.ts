// When the launcher starts a crashed process again: one second after a first crash, twice as long after
// each further crash in a row, never more than thirty seconds; a process that stayed up a minute counts
// as healthy, and its next crash is a first crash again. Pure: the caller says how long the process was up.

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** Up this long, a process is healthy again: the count of crashes in a row starts over. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
};

export interface RestartDecision {
  /** This crash included. */
  crashesInARow: number;
  delayMs: number;
}

/**
 * After a crash of a process that had been up `upMs` since it last became ready (0 when it never did),
 * following `crashesInARow` earlier crashes: the new count and the wait before starting it again.
 */
export function afterCrash(policy: RestartPolicy, crashesInARow: number, upMs: number): RestartDecision {
  const crashes = upMs >= policy.healthyAfterMs ? 1 : crashesInARow + 1;
  return { crashesInARow: crashes, delayMs: Math.min(policy.firstDelayMs * 2 ** (crashes - 1), policy.maxDelayMs) };
}
