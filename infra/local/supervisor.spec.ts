import { Supervisor, type Supervised } from './supervisor';

/** A process that exits when told to, and whose restarts fail while `failing` is set. */
class FakeProcess implements Supervised {
  restarts = 0;
  failing = false;
  private exit!: (how: string) => void;
  private running = this.spawn();

  private spawn(): Promise<string> {
    return new Promise((resolve) => (this.exit = resolve));
  }

  exited(): Promise<string> {
    return this.running;
  }

  async restart(): Promise<void> {
    this.restarts++;
    this.running = this.spawn();
    if (this.failing) {
      this.exit('exited with code 1');
      throw new Error('not ready: the process exited\nmore detail');
    }
  }

  async kill(): Promise<void> {
    this.exit('killed by SIGKILL');
  }
}

const FAST = { firstDelayMs: 10, maxDelayMs: 40, healthyAfterMs: 60_000 };

async function until(holds: () => boolean): Promise<void> {
  for (let tries = 0; !holds(); tries++) {
    if (tries > 500) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('Supervisor', () => {
  it('says what happened and starts the process again', async () => {
    const said: string[] = [];
    const process = new FakeProcess();
    const supervisor = new Supervisor((line) => said.push(line), FAST);
    supervisor.watch('dedup', process);

    await process.kill();
    await until(() => said.length === 2);
    supervisor.stop();

    expect(said).toEqual(['dedup killed by SIGKILL; restarting it in 0.01 s', 'dedup restarted']);
    expect(process.restarts).toBe(1);
  });

  it('keeps trying, waiting longer each time, while the process does not come back', async () => {
    const said: string[] = [];
    const process = new FakeProcess();
    process.failing = true;
    const supervisor = new Supervisor((line) => said.push(line), FAST);
    supervisor.watch('Kafka', process);

    await process.kill();
    await until(() => process.restarts === 4);
    process.failing = false;
    await until(() => said.includes('Kafka restarted'));
    supervisor.stop();

    expect(said.slice(0, 4)).toEqual([
      'Kafka killed by SIGKILL; restarting it in 0.01 s',
      'Kafka did not come back: not ready: the process exited',
      'Kafka exited with code 1; restarting it in 0.02 s, crash 2 in a row',
      'Kafka did not come back: not ready: the process exited',
    ]);
    expect(said).toContain('Kafka exited with code 1; restarting it in 0.04 s, crash 4 in a row');
  });

  it('restarts nothing once stopped, not even a process already waiting for its restart', async () => {
    const said: string[] = [];
    const process = new FakeProcess();
    const supervisor = new Supervisor((line) => said.push(line), { ...FAST, firstDelayMs: 50, maxDelayMs: 50 });
    supervisor.watch('Zipkin', process);

    await process.kill();
    await until(() => said.length === 1);
    supervisor.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(process.restarts).toBe(0);
    expect(said).toEqual(['Zipkin killed by SIGKILL; restarting it in 0.05 s']);
  });
});
