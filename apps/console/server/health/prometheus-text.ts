/**
 * Reads the Prometheus text format the services expose on `/metrics` into the
 * few figures the health page keeps per sample: messages handled, the handler
 * time histogram, the outbox backlog, and alerting's dead letters and webhook
 * deliveries waiting. Unknown lines are skipped.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const value = match[3] === '+Inf' ? Infinity : Number(match[3]);
    if (Number.isNaN(value)) continue;
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, name, text]) => [name, text]),
    );
    samples.push({ name: match[1], labels, value });
  }
  return samples;
}

/** What one scrape of one service says, summed over topics. */
export interface ServiceFigures {
  /** crosscheck_messages_processed_total, every topic and outcome. */
  processed: number;
  /** crosscheck_message_handler_seconds buckets (cumulative counts by upper bound, `Infinity` last). */
  handlerBuckets: [number, number][];
  /** crosscheck_outbox_pending; null when the service has no outbox. */
  outboxPending: number | null;
  /** crosscheck_dead_letters_pending by original topic (alerting). */
  deadLettersPending: Record<string, number>;
  /** crosscheck_webhook_deliveries (alerting); null elsewhere. */
  webhookDeliveries: { pending: number; dead: number } | null;
}

export function figuresOf(samples: Sample[]): ServiceFigures {
  const buckets = new Map<number, number>();
  const figures: ServiceFigures = {
    processed: 0,
    handlerBuckets: [],
    outboxPending: null,
    deadLettersPending: {},
    webhookDeliveries: null,
  };
  for (const { name, labels, value } of samples) {
    if (name === 'crosscheck_messages_processed_total') figures.processed += value;
    else if (name === 'crosscheck_message_handler_seconds_bucket') {
      const bound = labels.le === '+Inf' ? Infinity : Number(labels.le);
      buckets.set(bound, (buckets.get(bound) ?? 0) + value);
    } else if (name === 'crosscheck_outbox_pending') figures.outboxPending = value;
    else if (name === 'crosscheck_dead_letters_pending') figures.deadLettersPending[labels.topic] = value;
    else if (name === 'crosscheck_webhook_deliveries') {
      figures.webhookDeliveries ??= { pending: 0, dead: 0 };
      if (labels.status === 'pending' || labels.status === 'dead') figures.webhookDeliveries[labels.status] = value;
    }
  }
  figures.handlerBuckets = [...buckets.entries()].sort(([a], [b]) => a - b);
  return figures;
}
