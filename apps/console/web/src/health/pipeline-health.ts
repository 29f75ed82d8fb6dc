/**
 * The pipeline health the console's server answers on `/api/operator/health`,
 * and the pure helpers the operator page draws it with.
 */
export type PipelineService = 'intake' | 'dedup' | 'matching' | 'alerting';

export interface PartitionLag {
  topic: string;
  partition: number;
  committed: number | null;
  end: number;
  lag: number;
}

export interface ServiceHealth {
  service: PipelineService;
  ready: boolean;
  instances: number | null;
  lag: PartitionLag[] | null;
  totalLag: number | null;
  throughput: { last5Minutes: number | null; last60Minutes: number | null };
  handlerP99Ms: number | null;
  outboxPending: number | null;
  deadLetters: { topic: string; pending: number }[] | null;
  webhookDeliveries: { pending: number; dead: number } | null;
}

export interface HealthPoint {
  at: string;
  lag: Partial<Record<PipelineService, number | null>>;
  throughput: Partial<Record<PipelineService, number | null>>;
  deadLettersPending: number | null;
  outboxPending: number | null;
}

export interface PipelineHealth {
  sampledAt: string | null;
  sampleSeconds: number;
  brokers: 'ok' | 'unreachable' | 'not_configured';
  thresholds: { lag: number; deadLetters: number };
  alarms: { alarm: 'consumer_lag' | 'dead_letters'; message: string }[];
  services: ServiceHealth[];
  series: HealthPoint[];
}

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
  names: string[],
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
