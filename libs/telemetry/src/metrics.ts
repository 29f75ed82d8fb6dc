/**
 * The Prometheus metrics crosscheck services share. Names follow Prometheus
 * conventions; labels never carry record content.
 */
import cluster from 'node:cluster';
import { Counter, Gauge, Histogram, collectDefaultMetrics, register } from 'prom-client';

let defaultsCollected = false;
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  // One of several workers on one port (SERVICE_WORKERS) answers a scrape with its own counts: the label says whose.
  if (cluster.isWorker) register.setDefaultLabels({ worker: String(cluster.worker?.id ?? 0) });
  collectDefaultMetrics();
  defaultsCollected = true;
}

function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

export const messagesProcessed = metric(
  'crosscheck_messages_processed_total',
  () =>
    new Counter({
      name: 'crosscheck_messages_processed_total',
      help: 'Kafka messages handled, by topic and outcome (ok, duplicate, dead_lettered)',
      labelNames: ['topic', 'outcome'],
    }),
);

export const messageHandlerSeconds = metric(
  'crosscheck_message_handler_seconds',
  () =>
    new Histogram({
      name: 'crosscheck_message_handler_seconds',
      help: 'Time to handle one Kafka message, retries included',
      labelNames: ['topic'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    }),
);

export const consumerLag = metric(
  'crosscheck_consumer_lag',
  () =>
    new Gauge({
      name: 'crosscheck_consumer_lag',
      help: 'Messages between the last fetched batch and the end of the partition',
      labelNames: ['topic', 'partition'],
    }),
);

export const deadLetters = metric(
  'crosscheck_dead_letters_total',
  () =>
    new Counter({
      name: 'crosscheck_dead_letters_total',
      help: 'Messages sent to a dead-letter topic',
      labelNames: ['topic'],
    }),
);

export const outboxPublished = metric(
  'crosscheck_outbox_published_total',
  () =>
    new Counter({
      name: 'crosscheck_outbox_published_total',
      help: 'Outbox rows published to Kafka',
      labelNames: ['topic'],
    }),
);

export const outboxPending = metric(
  'crosscheck_outbox_pending',
  () => new Gauge({ name: 'crosscheck_outbox_pending', help: 'Outbox rows seen waiting at the last relay pass' }),
);

export const httpRequestSeconds = metric(
  'crosscheck_http_request_seconds',
  () =>
    new Histogram({
      name: 'crosscheck_http_request_seconds',
      help: 'HTTP request latency by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
);

export { register as metricsRegistry };

export const hitNoHitProbeAlarms = metric(
  'crosscheck_hit_no_hit_probe_alarms_total',
  () =>
    new Counter({
      name: 'crosscheck_hit_no_hit_probe_alarms_total',
      help: 'Alarms raised when one agency drew many hit/no-hit answers on one restricted entry within the probe window',
      labelNames: ['agency', 'dataset'],
    }),
);
