/**
 * Requests at a steady rate, open loop, as bench/intake.bench.ts sends its
 * single records: request i is sent at start + i/rate whether or not earlier
 * ones are answered (at most `maxInFlight` at once; beyond that they queue,
 * and the wait counts), and its latency is counted from that scheduled time,
 * so a stall of the service is not hidden by the client slowing down with it.
 */

export interface OpenLoopRun {
  /** Scheduled send to answer read, ms, of the requests that succeeded. */
  latencies: number[];
  /** Actual send to answer read, ms. */
  serviceTimes: number[];
  /** Successful requests per second from the first scheduled send to the last answer. */
  achievedRate: number;
  failures: string[];
}

export function openLoop<Body>(
  bodies: Body[],
  rate: number,
  maxInFlight: number,
  send: (body: Body) => Promise<void>,
  signal: AbortSignal,
): Promise<OpenLoopRun> {
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  const latencies: number[] = [];
  const serviceTimes: number[] = [];
  const failures: string[] = [];
  const queue: number[] = [];
  let inFlight = 0;
  let next = 0;
  let settled = 0;
  let lastDone = start;
  return new Promise((resolve, reject) => {
    if (bodies.length === 0) return resolve({ latencies, serviceTimes, achievedRate: 0, failures });
    const launch = (i: number) => {
      inFlight++;
      const scheduled = start + i * interval;
      const sent = performance.now();
      send(bodies[i])
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
          settled++;
          lastDone = performance.now();
          if (queue.length > 0) launch(queue.shift()!);
          if (settled === bodies.length)
            resolve({
              latencies,
              serviceTimes,
              achievedRate: latencies.length / ((lastDone - start) / 1000),
              failures,
            });
        });
    };
    const tick = () => {
      if (signal.aborted) return reject(signal.reason);
      const now = performance.now();
      for (; next < bodies.length && start + next * interval <= now; next++) {
        if (inFlight < maxInFlight) launch(next);
        else queue.push(next);
      }
      if (next < bodies.length) setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, 20);
  });
}
