/**
 * Samples the pipeline every HEALTH_SAMPLE_SECONDS: each service's /ready and
 * /metrics, and each consumer group's lag and members from the brokers. Keeps
 * an hour in memory (HealthSeries) and, when a threshold is crossed, logs a
 * warning and sets `crosscheck_pipeline_alarm` on the console's own /metrics,
 * for an alert manager; clearing is logged too.
 */
import type { Admin } from 'kafkajs';
import type { Logger } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { groupStates } from './broker-lag';
import {
  CONSUMERS,
  PIPELINE_SERVICES,
  type AlarmName,
  type BrokerState,
  type PipelineService,
  type Thresholds,
} from '@crosscheck/operator-views';
import { alarmsOf, HealthSeries, type GroupState, type HealthSample, type ServiceSample } from './pipeline-health';
import { figuresOf, parsePrometheusText } from './prometheus-text';

export interface SamplerOptions {
  /** Base URL of each service; a service without one is shown not ready. */
  urls: Partial<Record<PipelineService, string>>;
  /** An admin client on the brokers; undefined when the console has no KAFKA_BROKERS. */
  admin?: Admin;
  topicPrefix: string;
  /** Consumer group of a service: this prefix and the service's name, as the services name theirs by default. */
  groupIdPrefix: string;
  sampleSeconds: number;
  thresholds: Thresholds;
  logger: Logger;
}

const KEEP_MS = 60 * 60_000;
const ALARMS: AlarmName[] = ['consumer_lag', 'dead_letters'];

export class HealthSampler {
  readonly series = new HealthSeries(KEEP_MS);
  readonly registry = new Registry();
  private readonly alarmGauge = new Gauge({
    name: 'crosscheck_pipeline_alarm',
    help: 'Whether a pipeline alarm is raised now (1) or not (0): consumer_lag or dead_letters over its threshold',
    labelNames: ['alarm'],
    registers: [this.registry],
  });
  private readonly alarmsRaised = new Counter({
    name: 'crosscheck_pipeline_alarms_total',
    help: 'Times a pipeline alarm was raised',
    labelNames: ['alarm'],
    registers: [this.registry],
  });
  private readonly brokerLag = new Gauge({
    name: 'crosscheck_consumer_group_lag',
    help: "Messages between a consumer group's committed offset and the end of the partition, as the brokers see it",
    labelNames: ['service', 'topic', 'partition'],
    registers: [this.registry],
  });
  private readonly raised = new Set<AlarmName>();
  private admin: { client: Admin; connected: Promise<void> | undefined } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: SamplerOptions) {
    if (options.admin) this.admin = { client: options.admin, connected: undefined };
    for (const alarm of ALARMS) this.alarmGauge.set({ alarm }, 0);
  }

  start(): void {
    const tick = () => {
      this.running = this.sampleOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.warn({ err: String(error) }, 'pipeline health sample failed'))
        .finally(() => {
          this.timer = setTimeout(tick, this.options.sampleSeconds * 1000);
          this.timer.unref();
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
    await this.admin?.client.disconnect().catch(() => undefined);
  }

  async sampleOnce(): Promise<HealthSample> {
    const [services, groups] = await Promise.all([this.serviceStates(), this.groupStates()]);
    const sample: HealthSample = { at: Date.now(), brokers: groups.brokers, services: services };
    for (const service of CONSUMERS) sample.services[service].group = groups.states[service] ?? null;
    this.series.add(sample);
    this.publish(sample);
    return sample;
  }

  private async serviceStates(): Promise<Record<PipelineService, ServiceSample>> {
    const entries = await Promise.all(
      PIPELINE_SERVICES.map(async (service): Promise<[PipelineService, ServiceSample]> => {
        const url = this.options.urls[service];
        if (!url) return [service, { ready: false, figures: null, group: null }];
        const [ready, metrics] = await Promise.all([
          get(`${url}/ready`).then((answer) => answer.ok),
          get(`${url}/metrics`).then((answer) => (answer.ok ? answer.text : undefined)),
        ]);
        return [service, { ready, figures: metrics ? figuresOf(parsePrometheusText(metrics)) : null, group: null }];
      }),
    );
    return Object.fromEntries(entries) as Record<PipelineService, ServiceSample>;
  }

  private async groupStates(): Promise<{ brokers: BrokerState; states: Partial<Record<PipelineService, GroupState>> }> {
    const admin = this.admin;
    if (!admin) return { brokers: 'not_configured', states: {} };
    try {
      admin.connected ??= admin.client.connect();
      await admin.connected;
      const groupId = (service: PipelineService) => `${this.options.groupIdPrefix}${service}`;
      const groups = await groupStates(admin.client, CONSUMERS.map(groupId), this.options.topicPrefix);
      const states: Partial<Record<PipelineService, GroupState>> = {};
      for (const service of CONSUMERS) states[service] = groups.get(groupId(service));
      return { brokers: 'ok', states };
    } catch (error) {
      admin.connected = undefined; // connect again at the next sample
      await admin.client.disconnect().catch(() => undefined);
      this.options.logger.warn({ err: String(error) }, 'the brokers did not answer for consumer lag');
      return { brokers: 'unreachable', states: {} };
    }
  }

  private publish(sample: HealthSample): void {
    this.brokerLag.reset();
    for (const service of CONSUMERS)
      for (const { topic, partition, lag } of sample.services[service].group?.lag ?? [])
        this.brokerLag.set({ service, topic, partition: String(partition) }, lag);
    const alarms = alarmsOf(sample, this.options.thresholds);
    for (const alarm of ALARMS) {
      const now = alarms.find((raised) => raised.alarm === alarm);
      this.alarmGauge.set({ alarm }, now ? 1 : 0);
      if (now && !this.raised.has(alarm)) {
        this.raised.add(alarm);
        this.alarmsRaised.inc({ alarm });
        this.options.logger.warn({ alarm }, `pipeline alarm raised: ${now.message}`);
      } else if (!now && this.raised.delete(alarm)) {
        this.options.logger.info({ alarm }, `pipeline alarm cleared: ${alarm}`);
      }
    }
  }
}

const TIMEOUT_MS = 2_000;

async function get(url: string): Promise<{ ok: boolean; text?: string }> {
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { ok: answer.ok, text: answer.ok ? await answer.text() : undefined };
  } catch {
    return { ok: false };
  }
}
