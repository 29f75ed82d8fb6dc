/**
 * The pipeline's health over the last hour, from samples the console's server
 * takes every few seconds: what each service says on /ready and /metrics, and
 * what the brokers say of each consumer group. Pure: sampling is
 * health-sampler.ts; this keeps the series and turns it into the page's view,
 * with rates and p99 over a window as Prometheus' `rate` and
 * `histogram_quantile` would compute them, and the alarms a threshold raises.
 */
import {
  CONSUMERS,
  PIPELINE_SERVICES,
  type Alarm,
  type BrokerState,
  type HealthPoint,
  type PartitionLag,
  type PipelineHealthView,
  type PipelineService,
  type ServiceHealth,
  type Thresholds,
} from '@crosscheck/operator-views';
import type { ServiceFigures } from './prometheus-text';

export interface GroupState {
  /** Members of the consumer group now: running instances. */
  instances: number;
  lag: PartitionLag[];
}

export interface ServiceSample {
  ready: boolean;
  /** null when /metrics did not answer. */
  figures: ServiceFigures | null;
  /** From the brokers; null for a service that does not consume, or when the brokers are not reachable. */
  group: GroupState | null;
}

export interface HealthSample {
  at: number;
  brokers: BrokerState;
  services: Record<PipelineService, ServiceSample>;
}

/** Samples of the last `keepMs`, oldest first. */
export class HealthSeries {
  private readonly samples: HealthSample[] = [];

  constructor(private readonly keepMs: number) {}

  add(sample: HealthSample): void {
    this.samples.push(sample);
    while (this.samples.length > 0 && sample.at - this.samples[0].at > this.keepMs) this.samples.shift();
  }

  latest(): HealthSample | undefined {
    return this.samples[this.samples.length - 1];
  }

  all(): readonly HealthSample[] {
    return this.samples;
  }
}

/** The samples taken within `windowMs` of the latest. */
function windowOf(samples: readonly HealthSample[], windowMs: number): readonly HealthSample[] {
  const latest = samples[samples.length - 1];
  return latest ? samples.filter((sample) => latest.at - sample.at <= windowMs) : [];
}

/** A counter's increase over consecutive readings; a drop means the service restarted, and counting starts again from 0. */
export function counterIncrease(readings: readonly number[]): number {
  let increase = 0;
  for (let i = 1; i < readings.length; i++)
    increase += readings[i] >= readings[i - 1] ? readings[i] - readings[i - 1] : readings[i];
  return increase;
}

/** Runs of consecutive samples in which the service answered /metrics. */
function figureRuns(samples: readonly HealthSample[], service: PipelineService): ServiceFigures[][] {
  const runs: ServiceFigures[][] = [[]];
  for (const sample of samples) {
    const figures = sample.services[service].figures;
    if (figures) runs[runs.length - 1].push(figures);
    else if (runs[runs.length - 1].length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 1);
}

/** Messages handled per second over the window; null until two samples span some of it. */
export function throughputPerSecond(
  samples: readonly HealthSample[],
  service: PipelineService,
  windowMs: number,
): number | null {
  const window = windowOf(samples, windowMs);
  if (window.length < 2) return null;
  const seconds = (window[window.length - 1].at - window[0].at) / 1000;
  if (seconds <= 0) return null;
  const handled = figureRuns(window, service).reduce(
    (sum, run) => sum + counterIncrease(run.map((figures) => figures.processed)),
    0,
  );
  return handled / seconds;
}

/** The 99th percentile of handler time over the window, in ms, interpolated within its bucket; null when nothing was handled. */
export function handlerP99Ms(
  samples: readonly HealthSample[],
  service: PipelineService,
  windowMs: number,
): number | null {
  const increases = new Map<number, number>();
  for (const run of figureRuns(windowOf(samples, windowMs), service)) {
    const bounds = new Set(run.flatMap((figures) => figures.handlerBuckets.map(([bound]) => bound)));
    for (const bound of bounds) {
      const readings = run.map((figures) => figures.handlerBuckets.find(([b]) => b === bound)?.[1] ?? 0);
      increases.set(bound, (increases.get(bound) ?? 0) + counterIncrease(readings));
    }
  }
  return quantileMs(
    [...increases.entries()].sort(([a], [b]) => a - b),
    0.99,
  );
}

/** Prometheus' histogram_quantile over cumulative bucket counts (seconds), answered in ms. */
export function quantileMs(buckets: [number, number][], q: number): number | null {
  const total = buckets[buckets.length - 1]?.[1] ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of buckets) {
    if (count >= rank) {
      // Past the highest finite bucket, the highest finite bound is all that can be said.
      if (bound === Infinity) return lowerBound * 1000;
      const share = count === lowerCount ? 1 : (rank - lowerCount) / (count - lowerCount);
      return (lowerBound + (bound - lowerBound) * share) * 1000;
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound * 1000;
}

export function totalLag(sample: ServiceSample): number | null {
  return sample.group ? sample.group.lag.reduce((sum, partition) => sum + partition.lag, 0) : null;
}

export function pendingDeadLetters(sample: HealthSample): number | null {
  const figures = sample.services.alerting.figures;
  return figures ? Object.values(figures.deadLettersPending).reduce((sum, count) => sum + count, 0) : null;
}

/** The alarms the latest sample raises. A figure nobody could read raises nothing: readiness shows that. */
export function alarmsOf(sample: HealthSample, thresholds: Thresholds): Alarm[] {
  const alarms: Alarm[] = [];
  const lagging = CONSUMERS.map((service) => ({ service, lag: totalLag(sample.services[service]) })).filter(
    ({ lag }) => lag !== null && lag >= thresholds.lag,
  );
  if (lagging.length > 0)
    alarms.push({
      alarm: 'consumer_lag',
      message: `consumer lag at or over ${thresholds.lag}: ${lagging.map(({ service, lag }) => `${service} ${lag}`).join(', ')}`,
    });
  const deadLetters = pendingDeadLetters(sample);
  if (deadLetters !== null && deadLetters >= thresholds.deadLetters)
    alarms.push({
      alarm: 'dead_letters',
      message: `${deadLetters} dead letter${deadLetters === 1 ? '' : 's'} pending (threshold ${thresholds.deadLetters}); npm run dlq -- list --status pending`,
    });
  return alarms;
}

const MINUTE = 60_000;

export function healthView(
  samples: readonly HealthSample[],
  thresholds: Thresholds,
  sampleSeconds: number,
): PipelineHealthView {
  const latest = samples[samples.length - 1];
  if (!latest)
    return { sampledAt: null, sampleSeconds, brokers: 'ok', thresholds, alarms: [], services: [], series: [] };
  return {
    sampledAt: new Date(latest.at).toISOString(),
    sampleSeconds,
    brokers: latest.brokers,
    thresholds,
    alarms: alarmsOf(latest, thresholds),
    services: PIPELINE_SERVICES.map((service) => serviceHealth(samples, latest, service)),
    series: samples.map((sample, index) => point(sample, samples[index - 1])),
  };
}

function serviceHealth(
  samples: readonly HealthSample[],
  latest: HealthSample,
  service: PipelineService,
): ServiceHealth {
  const now = latest.services[service];
  const figures = now.figures;
  return {
    service,
    ready: now.ready,
    instances: now.group?.instances ?? null,
    lag: now.group?.lag ?? null,
    totalLag: totalLag(now),
    throughput: {
      last5Minutes: throughputPerSecond(samples, service, 5 * MINUTE),
      last60Minutes: throughputPerSecond(samples, service, 60 * MINUTE),
    },
    handlerP99Ms: handlerP99Ms(samples, service, 5 * MINUTE),
    outboxPending: figures?.outboxPending ?? null,
    deadLetters:
      service === 'alerting' && figures
        ? Object.entries(figures.deadLettersPending).map(([topic, pending]) => ({ topic, pending }))
        : null,
    webhookDeliveries: figures?.webhookDeliveries ?? null,
  };
}

function point(sample: HealthSample, before: HealthSample | undefined): HealthPoint {
  const lag: HealthPoint['lag'] = {};
  const throughput: HealthPoint['throughput'] = {};
  let outbox: number | null = null;
  for (const service of PIPELINE_SERVICES) {
    const now = sample.services[service];
    if (service !== 'intake') lag[service] = totalLag(now);
    const previous = before?.services[service].figures;
    throughput[service] =
      previous && now.figures && before
        ? counterIncrease([previous.processed, now.figures.processed]) / ((sample.at - before.at) / 1000)
        : null;
    if (now.figures?.outboxPending != null) outbox = (outbox ?? 0) + now.figures.outboxPending;
  }
  return {
    at: new Date(sample.at).toISOString(),
    lag,
    throughput,
    deadLettersPending: pendingDeadLetters(sample),
    outboxPending: outbox,
  };
}
