/** The pipeline health view: a card per service, alarms over thresholds, and the last hour as a series. */
export const PIPELINE_SERVICES = ['intake', 'dedup', 'matching', 'alerting'] as const;
export type PipelineService = (typeof PIPELINE_SERVICES)[number];
/** The services that consume, each in its own consumer group. */
export const CONSUMERS = ['dedup', 'matching', 'alerting'] as const satisfies readonly PipelineService[];

export interface PartitionLag {
  topic: string;
  partition: number;
  /** The group's committed offset; null when it has committed none on this partition. */
  committed: number | null;
  end: number;
  lag: number;
}

export type BrokerState = 'ok' | 'unreachable' | 'not_configured';

export interface Thresholds {
  /** Consumer lag of one service, over all its partitions, from which the lag alarm is raised. */
  lag: number;
  /** Pending dead letters, over all topics, from which the dead-letter alarm is raised. */
  deadLetters: number;
}

export type AlarmName = 'consumer_lag' | 'dead_letters';
export interface Alarm {
  alarm: AlarmName;
  message: string;
}

export interface ServiceHealth {
  service: PipelineService;
  ready: boolean;
  /** Consumer-group members; null for intake (no group) or when the brokers did not answer. */
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
  /** Messages handled per second since the sample before. */
  throughput: Partial<Record<PipelineService, number | null>>;
  deadLettersPending: number | null;
  outboxPending: number | null;
}

export interface PipelineHealthView {
  sampledAt: string | null;
  sampleSeconds: number;
  brokers: BrokerState;
  thresholds: Thresholds;
  alarms: Alarm[];
  services: ServiceHealth[];
  series: HealthPoint[];
}
