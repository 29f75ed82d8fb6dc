/**
 * The benchmarks' load drivers. Open loop: request i is due at start + i/rate
 * whether or not earlier ones are answered, and its latency is counted from
 * that scheduled time, so a stall of the service is not hidden by the client
 * slowing down with it. `openLoop` sends each request on its own (at most
 * `maxInFlight` at once; beyond that they queue, and the wait counts);
 * `runSchedule` hands the caller whatever has come due at once, for a sender
 * that batches (a Kafka producer). Closed loop (`closedLoop`): a fixed number
 * of requests in flight, each sent as soon as one is answered, for throughput
 * at a concurrency and for one-at-a-time latency.
 */

export interface Schedule {
  /** When request i is due (performance.now() time). */
  at(i: number): number;
}

/**
 * Calls `due(first, end)` with the requests first..end-1 as their time comes, in order; a
 * `due` that takes its time holds the next call back, and the requests that came due meanwhile
 * come together. The schedule starts 20 ms after the call.
 */
export async function runSchedule(
  count: number,
  rate: number,
  signal: AbortSignal,
  due: (first: number, end: number, schedule: Schedule) => unknown,
): Promise<Schedule> {
  const start = performance.now() + 20;
  const schedule: Schedule = { at: (i) => start + (i * 1000) / rate };
  for (let next = 0; next < count;) {
    signal.throwIfAborted();
    const now = performance.now();
    const first = next;
    while (next < count && schedule.at(next) <= now) next++;
    if (next > first) await due(first, next, schedule);
    else await new Promise((resolve) => setTimeout(resolve, Math.max(0, schedule.at(next) - performance.now())));
  }
  return schedule;
}

export interface OpenLoopRun {
  /** Scheduled send to answer read, ms, of the requests that succeeded. */
  latencies: number[];
  /** Actual send to answer read, ms. */
  serviceTimes: number[];
  /** Successful requests per second from the first scheduled send to the last answer. */
  achievedRate: number;
  failures: string[];
}

export async function openLoop<Body>(
  bodies: Body[],
  rate: number,
  maxInFlight: number,
  /** Sends one request; told when it was due (performance.now() time). */
  send: (body: Body, scheduledAt: number) => Promise<unknown>,
  signal: AbortSignal,
): Promise<OpenLoopRun> {
  const latencies: number[] = [];
  const serviceTimes: number[] = [];
  const failures: string[] = [];
  if (bodies.length === 0) return { latencies, serviceTimes, achievedRate: 0, failures };
  const queue: number[] = [];
  let inFlight = 0;
  let settled = 0;
  let lastDone = 0;
  let allSettled: () => void;
  const done = new Promise<void>((resolve) => (allSettled = resolve));
  const launch = (i: number, plan: Schedule) => {
    const scheduled = plan.at(i);
    inFlight++;
    const sent = performance.now();
    send(bodies[i], scheduled)
      .then(
        () => {
          const now = performance.now();
          latencies.push(now - scheduled);
          serviceTimes.push(now - sent);
        },
        (error: Error) => failures.push(`request ${i}: ${error.message}`),
      )
      .finally(() => {
        inFlight--;
        lastDone = performance.now();
        const waiting = queue.shift();
        if (waiting !== undefined) launch(waiting, plan);
        if (++settled === bodies.length) allSettled();
      });
  };
  const schedule = await runSchedule(bodies.length, rate, signal, (first, end, plan) => {
    for (let i = first; i < end; i++) {
      if (inFlight < maxInFlight) launch(i, plan);
      else queue.push(i);
    }
  });
  await done;
  return { latencies, serviceTimes, achievedRate: latencies.length / ((lastDone - schedule.at(0)) / 1000), failures };
}

/**
 * Runs `task` on each item, `concurrency` at a time, the next starting as soon as one ends; how long
 * each took (ms, in the order they ended) and the whole run (s).
 */
export async function closedLoop<Item>(
  items: readonly Item[],
  concurrency: number,
  task: (item: Item, index: number) => Promise<unknown>,
  signal?: AbortSignal,
): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      const began = performance.now();
      await task(items[index], index);
      latencies.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}
