import { afterCrash, DEFAULT_RESTART_POLICY, type RestartDecision } from './restart-policy';

/** The waits, in seconds, over a run of crashes each `upMs` after the last restart. */
function waits(crashes: number, upMs: number): number[] {
  let count = 0;
  const seconds: number[] = [];
  for (let crash = 0; crash < crashes; crash++) {
    const decision: RestartDecision = afterCrash(DEFAULT_RESTART_POLICY, count, upMs);
    count = decision.crashesInARow;
    seconds.push(decision.delayMs / 1000);
  }
  return seconds;
}

describe('the restart policy', () => {
  it('waits one second after a first crash, then doubles up to thirty seconds while the crashes go on', () => {
    expect(waits(8, 0)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it('counts a process that never became ready as crashing again at once', () => {
    expect(afterCrash(DEFAULT_RESTART_POLICY, 3, 0)).toEqual({ crashesInARow: 4, delayMs: 8_000 });
  });

  it.each([
    ['up 59 s: still the same run of crashes', 59_000, { crashesInARow: 5, delayMs: 16_000 }],
    ['up a minute: healthy, so a first crash again', 60_000, { crashesInARow: 1, delayMs: 1_000 }],
    ['up an hour: a first crash again', 3_600_000, { crashesInARow: 1, delayMs: 1_000 }],
  ])('after four crashes in a row, a process %s', (_, upMs, decision) => {
    expect(afterCrash(DEFAULT_RESTART_POLICY, 4, upMs)).toEqual(decision);
  });

  it('stays at the ceiling however long the run of crashes, without overflowing', () => {
    expect(afterCrash(DEFAULT_RESTART_POLICY, 5_000, 0)).toEqual({ crashesInARow: 5_001, delayMs: 30_000 });
  });

  it('follows the policy it is given', () => {
    const fast = { firstDelayMs: 50, maxDelayMs: 300, healthyAfterMs: 1_000 };
    expect(afterCrash(fast, 0, 0).delayMs).toBe(50);
    expect(afterCrash(fast, 3, 0).delayMs).toBe(300);
    expect(afterCrash(fast, 3, 1_000).delayMs).toBe(50);
  });
});
