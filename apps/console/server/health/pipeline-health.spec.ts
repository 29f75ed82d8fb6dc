import {
  alarmsOf,
  counterIncrease,
  handlerP99Ms,
  healthView,
  HealthSeries,
  quantileMs,
  throughputPerSecond,
  type HealthSample,
  type ServiceSample,
} from './pipeline-health';
import { figuresOf, parsePrometheusText, type ServiceFigures } from './prometheus-text';

const METRICS = `# HELP crosscheck_messages_processed_total Kafka messages handled
# TYPE crosscheck_messages_processed_total counter
crosscheck_messages_processed_total{topic="records.received.v1",outcome="ok"} 40
crosscheck_messages_processed_total{topic="records.received.v1",outcome="duplicate"} 2
crosscheck_messages_processed_total{topic="records.withdrawn.v1",outcome="ok"} 3
crosscheck_message_handler_seconds_bucket{le="0.01",topic="records.received.v1"} 10
crosscheck_message_handler_seconds_bucket{le="0.1",topic="records.received.v1"} 40
crosscheck_message_handler_seconds_bucket{le="+Inf",topic="records.received.v1"} 42
crosscheck_message_handler_seconds_bucket{le="0.01",topic="records.withdrawn.v1"} 3
crosscheck_message_handler_seconds_bucket{le="0.1",topic="records.withdrawn.v1"} 3
crosscheck_message_handler_seconds_bucket{le="+Inf",topic="records.withdrawn.v1"} 3
crosscheck_outbox_pending 7
crosscheck_dead_letters_pending{topic="records.received.v1"} 2
crosscheck_webhook_deliveries{status="pending"} 4
crosscheck_webhook_deliveries{status="dead"} 1
process_cpu_seconds_total 1.5
`;

describe('reading a service /metrics', () => {
  const figures = figuresOf(parsePrometheusText(METRICS));

  it('sums messages handled over topics and outcomes', () => expect(figures.processed).toBe(45));
  it('sums the handler histogram over topics, by bucket', () =>
    expect(figures.handlerBuckets).toEqual([
      [0.01, 13],
      [0.1, 43],
      [Infinity, 45],
    ]));
  it('reads the outbox, the dead letters by topic and the webhook deliveries', () => {
    expect(figures.outboxPending).toBe(7);
    expect(figures.deadLettersPending).toEqual({ 'records.received.v1': 2 });
    expect(figures.webhookDeliveries).toEqual({ pending: 4, dead: 1 });
  });
  it('knows a service without an outbox or webhooks', () => {
    const bare = figuresOf(parsePrometheusText('crosscheck_messages_processed_total{topic="a",outcome="ok"} 1\n'));
    expect(bare).toMatchObject({ outboxPending: null, webhookDeliveries: null, deadLettersPending: {} });
  });
});

describe('counter increase', () => {
  it.each([
    ['steady growth', [1, 5, 9], 8],
    ['no change', [4, 4, 4], 0],
    ['a restart (the counter starts again from 0)', [10, 12, 3, 5], 2 + 3 + 2],
    ['one reading', [7], 0],
  ])('%s', (_case, readings, increase) => expect(counterIncrease(readings)).toBe(increase));
});

describe('p99 from histogram buckets', () => {
  it.each([
    [
      'all in the first bucket',
      [
        [0.01, 100],
        [0.1, 100],
        [Infinity, 100],
      ],
      9.9,
    ],
    [
      'spread: interpolated within the bucket holding rank 99',
      [
        [0.01, 90],
        [0.1, 100],
        [Infinity, 100],
      ],
      91,
    ],
    [
      'beyond the last finite bucket: that bound',
      [
        [0.01, 50],
        [0.1, 90],
        [Infinity, 100],
      ],
      100,
    ],
    [
      'nothing handled',
      [
        [0.01, 0],
        [Infinity, 0],
      ],
      null,
    ],
  ] as [string, [number, number][], number | null][])('%s', (_case, buckets, ms) => {
    const p99 = quantileMs(buckets, 0.99);
    if (ms === null) expect(p99).toBeNull();
    else expect(p99).toBeCloseTo(ms, 5);
  });
});

const idle: ServiceSample = { ready: true, figures: null, group: null };
function figures(processed: number, buckets: [number, number][] = []): ServiceFigures {
  return { processed, handlerBuckets: buckets, outboxPending: 0, deadLettersPending: {}, webhookDeliveries: null };
}
function sample(at: number, dedup: Partial<ServiceSample>, alerting: Partial<ServiceSample> = {}): HealthSample {
  return {
    at,
    brokers: 'ok',
    services: {
      intake: idle,
      dedup: { ...idle, ...dedup },
      matching: idle,
      alerting: { ...idle, ...alerting },
    },
  };
}

describe('throughput and p99 over a window', () => {
  const minute = 60_000;
  const samples = [
    sample(0, {
      figures: figures(0, [
        [0.01, 0],
        [Infinity, 0],
      ]),
    }),
    sample(50 * minute, {
      figures: figures(600, [
        [0.01, 600],
        [Infinity, 600],
      ]),
    }),
    sample(56 * minute, {
      figures: figures(900, [
        [0.01, 600],
        [Infinity, 900],
      ]),
    }),
    sample(60 * minute, {
      figures: figures(1140, [
        [0.01, 840],
        [Infinity, 1140],
      ]),
    }),
  ];

  it('counts what was handled within the last 5 minutes, per second', () =>
    expect(throughputPerSecond(samples, 'dedup', 5 * minute)).toBeCloseTo(240 / 240, 5));
  it('and within the last 60', () =>
    expect(throughputPerSecond(samples, 'dedup', 60 * minute)).toBeCloseTo(1140 / 3600, 5));
  it('p99 over 5 minutes sees only that window: all fast', () =>
    expect(handlerP99Ms(samples, 'dedup', 5 * minute)).toBeCloseTo(9.9, 5));
  it('p99 over 10 minutes includes the slow ones', () => expect(handlerP99Ms(samples, 'dedup', 10 * minute)).toBe(10));
  it('a service whose /metrics did not answer in between is not counted across the gap', () => {
    const gap = [
      sample(0, { figures: figures(100) }),
      sample(60_000, { figures: null }),
      sample(120_000, { figures: figures(5) }),
    ];
    expect(throughputPerSecond(gap, 'dedup', 5 * minute)).toBe(0);
  });
});

describe('alarms', () => {
  const thresholds = { lag: 10, deadLetters: 1 };
  const lag = (value: number): ServiceSample['group'] => ({
    instances: 1,
    lag: [{ topic: 'records.received.v1', partition: 0, committed: 0, end: value, lag: value }],
  });
  const deadLetters = (count: number): ServiceSample['figures'] => ({
    ...figures(0),
    deadLettersPending: count ? { 'records.received.v1': count } : {},
  });

  it.each([
    ['nothing over', { group: lag(9) }, { figures: deadLetters(0) }, []],
    ['lag at the threshold', { group: lag(10) }, { figures: deadLetters(0) }, ['consumer_lag']],
    ['a dead letter pending', { group: lag(0) }, { figures: deadLetters(1) }, ['dead_letters']],
    ['both', { group: lag(50) }, { figures: deadLetters(3) }, ['consumer_lag', 'dead_letters']],
    ['figures nobody could read raise nothing', { group: null }, { figures: null }, []],
  ] as [string, Partial<ServiceSample>, Partial<ServiceSample>, string[]][])('%s', (_case, dedup, alerting, raised) =>
    expect(alarmsOf(sample(0, dedup, alerting), thresholds).map((alarm) => alarm.alarm)).toEqual(raised),
  );

  it('names the lagging service and its lag', () =>
    expect(alarmsOf(sample(0, { group: lag(42) }), thresholds)[0].message).toContain('dedup 42'));
});

describe('the series', () => {
  it('keeps only the last hour', () => {
    const series = new HealthSeries(60 * 60_000);
    for (let minute = 0; minute <= 90; minute += 10) series.add(sample(minute * 60_000, {}));
    expect(series.all().map((kept) => kept.at / 60_000)).toEqual([30, 40, 50, 60, 70, 80, 90]);
  });

  it('gives each service its card and a chart point per sample', () => {
    const view = healthView(
      [sample(0, { figures: figures(0) }), sample(5_000, { figures: figures(50) })],
      { lag: 10, deadLetters: 1 },
      5,
    );
    expect(view.services.map((service) => service.service)).toEqual(['intake', 'dedup', 'matching', 'alerting']);
    expect(view.series[1].throughput.dedup).toBe(10);
    expect(view.series[0].throughput.dedup).toBeNull();
  });
});
