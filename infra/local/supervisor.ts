// Keeps what a launcher started running: when a service, the broker or the trace viewer exits without
// being asked to, the supervisor says so and starts it again after the restart policy's wait, while
// everything else goes on (services ride out a missing broker, Postgres or Zipkin on their own).
import { afterCrash, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy';

/** A process the launcher can start again. */
export interface Supervised {
  /** Resolves, with how, when the process running now exits. */
  exited(): Promise<string>;
  /** Starts the process again; resolves when it is ready, rejects when it did not come up. */
  restart(): Promise<void>;
  /** SIGKILL, as a crash would: for tests of what happens next. */
  kill(): Promise<void>;
}

export class Supervisor {
  private stopped = false;
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly say: (line: string) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
  ) {}

  /** Restarts `part` whenever it exits, until stop(); `part` is running and ready now. */
  watch(name: string, part: Supervised): void {
    void this.keepRunning(name, part);
  }

  /** From now on an exit is a shutdown, not a crash: call it before stopping what is watched. */
  stop(): void {
    this.stopped = true;
    for (const wake of this.sleepers) wake();
  }

  private async keepRunning(name: string, part: Supervised): Promise<void> {
    let crashesInARow = 0;
    let readySince = Date.now();
    for (;;) {
      const how = await part.exited();
      if (this.stopped) return;
      const decision = afterCrash(this.policy, crashesInARow, readySince === 0 ? 0 : Date.now() - readySince);
      crashesInARow = decision.crashesInARow;
      const inARow = crashesInARow > 1 ? `, crash ${crashesInARow} in a row` : '';
      this.say(`${name} ${how}; restarting it in ${seconds(decision.delayMs)}${inARow}`);
      await this.sleep(decision.delayMs);
      if (this.stopped) return;
      try {
        await part.restart();
        readySince = Date.now();
        this.say(`${name} restarted`);
      } catch (error) {
        readySince = 0;
        this.say(
          `${name} did not come back: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
        );
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref(); // like the children: a forgotten supervisor never holds the process
      this.sleepers.add(wake);
    });
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
