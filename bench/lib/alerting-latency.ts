/**
 * Pure pieces of bench/alerting.bench.ts: pairing what was sent with what arrived (first arrival
 * per key; lost and unexpected ones counted, not hidden), and how fast a lag
 * grows over a phase.
 */

/** When each key first arrived, and how often it came again. */
export class FirstArrivals {
  readonly at = new Map<string, number>();
  repeats = 0;

  record(key: string, at: number): void {
    if (this.at.has(key)) this.repeats++;
    else this.at.set(key, at);
  }

  get size(): number {
    return this.at.size;
  }
}

export interface Pairing {
  /** Arrival minus send, ms, for every sent key that arrived. */
  latencies: number[];
  /** Sent keys that never arrived. */
  missing: string[];
  /** Arrived keys that were never sent (or not expected to arrive). */
  unexpected: number;
  /** The latest arrival of a sent key (NaN when none arrived). */
  lastArrival: number;
}

export function pairArrivals(sentAt: ReadonlyMap<string, number>, arrivedAt: ReadonlyMap<string, number>): Pairing {
  const latencies: number[] = [];
  const missing: string[] = [];
  let lastArrival = Number.NaN;
  for (const [key, sent] of sentAt) {
    const arrived = arrivedAt.get(key);
    if (arrived === undefined) {
      missing.push(key);
      continue;
    }
    latencies.push(arrived - sent);
    if (!(arrived <= lastArrival)) lastArrival = arrived;
  }
  let unexpected = 0;
  for (const key of arrivedAt.keys()) if (!sentAt.has(key)) unexpected++;
  return { latencies, missing, unexpected, lastArrival };
}

/** Least-squares slope of `value` against `at` (ms), per second; NaN for fewer than two distinct times. */
export function slopePerSecond(samples: readonly { at: number; value: number }[]): number {
  if (samples.length < 2) return Number.NaN;
  const meanAt = samples.reduce((sum, sample) => sum + sample.at, 0) / samples.length;
  const meanValue = samples.reduce((sum, sample) => sum + sample.value, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const { at, value } of samples) {
    covariance += (at - meanAt) * (value - meanValue);
    variance += (at - meanAt) ** 2;
  }
  return variance === 0 ? Number.NaN : (covariance / variance) * 1000;
}
