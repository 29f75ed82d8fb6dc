/** Small statistics helpers for benchmarks: percentiles, rounding, counts and units. */

/** The p-th percentile (0–100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sum = samples.reduce((total, value) => total + value, 0);
  return {
    count: samples.length,
    min: samples.length ? Math.min(...samples) : Number.NaN,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    mean: samples.length ? sum / samples.length : Number.NaN,
  };
}

/** Rounds to `digits` significant-enough decimals for a report (integers stay integers). */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `<name>_<statistic>_ms` for each statistic of the samples (p50, p95, p99 and max unless told), rounded. */
export function latencyFigures(
  name: string,
  samples: readonly number[],
  statistics: (keyof Summary)[] = ['p50', 'p95', 'p99', 'max'],
  digits = 1,
): Record<string, number> {
  const summary = summarize(samples);
  return Object.fromEntries(
    statistics.map((statistic) => [`${name}_${statistic}_ms`, round(summary[statistic], digits)]),
  );
}

/** How many times each value occurs. */
export function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Bytes in whole MiB, for memory figures (`*_mib`). */
export function mib(bytes: number): number {
  return round(bytes / 2 ** 20, 0);
}

/** The items by key, each group in the items' order. */
export function groupBy<Item, Key>(items: readonly Item[], keyOf: (item: Item) => Key): Map<Key, Item[]> {
  const groups = new Map<Key, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
