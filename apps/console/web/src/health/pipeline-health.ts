/**
 * The pure helpers the operator page draws the pipeline health with; the view
 * itself (`/api/operator/health`) is typed in @crosscheck/operator-views.
 */
import type { HealthPoint, PartitionLag } from '@crosscheck/operator-views';

/** A figure as the page shows it: `—` for what is not known. */
export function figure(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function perSecond(value: number | null): string {
  return value === null ? '—' : `${figure(value, value < 10 ? 2 : 1)}/s`;
}

export function milliseconds(value: number | null): string {
  return value === null ? '—' : `${figure(value, value < 10 ? 1 : 0)} ms`;
}

/** Partitions with the most lag first; a few are enough on a card. */
export function laggingPartitions(lag: PartitionLag[] | null, shown = 6): PartitionLag[] {
  return [...(lag ?? [])].sort((a, b) => b.lag - a.lag || a.topic.localeCompare(b.topic)).slice(0, shown);
}

export interface ChartLine {
  label: string;
  points: { at: number; value: number }[];
}

/** One line per name from the series; samples where a value is unknown are left out of that line. */
export function chartLines(
  series: HealthPoint[],
  names: readonly string[],
  valueOf: (point: HealthPoint, name: string) => number | null | undefined,
): ChartLine[] {
  return names.map((label) => ({
    label,
    points: series.flatMap((point) => {
      const value = valueOf(point, label);
      return value === null || value === undefined ? [] : [{ at: Date.parse(point.at), value }];
    }),
  }));
}

/** An SVG polyline's points for a line in a width × height box, time across and 0..max up. */
export function polylinePoints(
  points: { at: number; value: number }[],
  box: { from: number; to: number; max: number; width: number; height: number },
): string {
  const span = Math.max(1, box.to - box.from);
  const top = Math.max(1, box.max);
  return points
    .map(({ at, value }) => {
      const x = ((at - box.from) / span) * box.width;
      const y = box.height - (value / top) * box.height;
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}
