/**
 * One test suite's private slice of the real infrastructure: a fresh database,
 * a fresh topic prefix (so fresh topics), and the crosscheck services started
 * as real processes from the build, each reporting to Zipkin. `close()` stops
 * the services, drops the database and deletes the suite's topics.
 */
import { randomBytes } from 'node:crypto';
import {
  Agencies,
  dropDatabase,
  ensureDatabase,
  startServiceProcess,
  type ServiceName,
  type ServiceProcess,
} from '@crosscheck/infra';
import { ensureTopics, TopicNames } from '@crosscheck/messaging';
import { Kafka, KafkaConfig, logLevel } from 'kafkajs';
import { testInfrastructure } from './infrastructure';

export interface Suite {
  id: string;
  databaseUrl: string;
  topicPrefix: string;
  kafka: Kafka;
  zipkinUrl: string;
  services: Partial<Record<ServiceName, ServiceProcess>>;
  /** Agencies and their keys, created on first use through intake's admin API. */
  agencies: Agencies;
  start(...names: ServiceName[]): Promise<void>;
  /** Starts one service with extra environment, e.g. a short retention sweep. */
  startWith(name: ServiceName, env: Record<string, string>): Promise<void>;
  url(name: ServiceName): string;
  topic(logical: string): string;
  close(): Promise<void>;
}

export interface SuiteOverrides {
  kafkaBrokers?: string;
  /** TLS and SASL for the suite's own Kafka client, when the broker asks for them. */
  kafkaSecurity?: Pick<KafkaConfig, 'ssl' | 'sasl'>;
  /** Environment every service of the suite starts with (a service's own `startWith` env wins). */
  serviceEnv?: Record<string, string>;
  /** The CA of services that serve HTTPS, for their readiness probe. */
  trustedCa?: string;
}

/**
 * The suite's topics go with it: one broker serves every suite of a run, and thousands of
 * forgotten partitions slow its metadata and group work for the suites that come after.
 */
async function deleteTopicsWithPrefix(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}

export async function createSuite(label: string, overrides: SuiteOverrides = {}): Promise<Suite> {
  const infrastructure = {
    ...testInfrastructure(),
    ...(overrides.kafkaBrokers ? { kafkaBrokers: overrides.kafkaBrokers } : {}),
  };
  const id = `${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(3).toString('hex')}`;
  const databaseName = `cc_test_${id}`;
  const databaseUrl = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
  const topicPrefix = `${id}.`;
  const kafka = new Kafka({
    clientId: `test-${id}`,
    brokers: infrastructure.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
    ...overrides.kafkaSecurity,
  });
  const services: Suite['services'] = {};

  const suite: Suite = {
    agencies: new Agencies(databaseUrl, () => suite.url('intake')),
    id,
    databaseUrl,
    topicPrefix,
    kafka,
    zipkinUrl: infrastructure.zipkinUrl,
    services,
    async start(...names) {
      await Promise.all(names.map((name) => suite.startWith(name, {})));
    },
    async startWith(name, env) {
      // Created up front, as an operator would, rather than by four services racing at start.
      await ensureTopics(kafka, new TopicNames(topicPrefix), 3);
      services[name] = await startServiceProcess(name, {
        logGroup: `test/${id}`,
        env: {
          DATABASE_URL: databaseUrl,
          KAFKA_BROKERS: infrastructure.kafkaBrokers,
          KAFKA_TOPIC_PREFIX: topicPrefix,
          KAFKA_GROUP_ID: `${topicPrefix}${name}`,
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: infrastructure.otlpTracesUrl,
          ...overrides.serviceEnv,
          ...env,
        },
        trustedCa: overrides.trustedCa,
      });
    },
    url(name) {
      const service = services[name];
      if (!service) throw new Error(`${name} is not started in this suite`);
      return service.url;
    },
    topic(logical) {
      return `${topicPrefix}${logical}`;
    },
    async close() {
      await Promise.allSettled(Object.values(services).map((service) => service.stop()));
      await dropDatabase(infrastructure.postgresAdminUrl, databaseName).catch(() => undefined);
      await deleteTopicsWithPrefix(kafka, topicPrefix).catch(() => undefined);
    },
  };
  return suite;
}
