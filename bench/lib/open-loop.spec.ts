import { openLoop, runSchedule } from './open-loop';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('runSchedule', () => {
  it('hands every request over once, in order, and together those that came due while the last call ran', async () => {
    const calls: [number, number][] = [];
    await runSchedule(30, 1000, new AbortController().signal, async (first, end) => {
      calls.push([first, end]);
      await sleep(8);
    });
    expect(calls[0][0]).toBe(0);
    expect(calls.at(-1)![1]).toBe(30);
    calls.slice(1).forEach(([first], i) => expect(first).toBe(calls[i][1]));
    expect(calls.some(([first, end]) => end - first > 1)).toBe(true);
  });

  it('stops when the run is aborted', async () => {
    const abort = new AbortController();
    abort.abort(new Error('interrupted'));
    await expect(runSchedule(5, 10, abort.signal, () => undefined)).rejects.toThrow('interrupted');
  });
});

describe('openLoop', () => {
  it('counts latency from the scheduled send, so requests queued behind a slow one are not hidden', async () => {
    const run = await openLoop([1, 2, 3, 4, 5], 100, 1, () => sleep(40), new AbortController().signal);
    expect(run.failures).toEqual([]);
    expect(run.latencies).toHaveLength(5);
    expect(Math.max(...run.serviceTimes)).toBeLessThan(100);
    // The fifth is due 40 ms after the first but waits for four sends of 40 ms each.
    expect(Math.max(...run.latencies)).toBeGreaterThan(150);
  });

  it('reports failed requests apart, by number', async () => {
    const run = await openLoop(
      ['ok', 'bad', 'ok'],
      200,
      4,
      async (body) => {
        if (body === 'bad') throw new Error('503 unavailable');
      },
      new AbortController().signal,
    );
    expect(run.latencies).toHaveLength(2);
    expect(run.failures).toEqual(['request 1: 503 unavailable']);
  });
});
