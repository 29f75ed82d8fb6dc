/**
 * The Docker path of the test harness: the same three parts as containers
 * (the official Apache Kafka image in KRaft mode, Postgres, Zipkin).
 */
import { GenericContainer, getContainerRuntimeClient, StartedTestContainer, Wait } from 'testcontainers';
import { openOtlpDoor } from '../../infra/local';
import type { TestInfrastructure } from './infrastructure';

export async function dockerAnswers(): Promise<boolean> {
  try {
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5_000)),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function startContainers(
  log: (line: string) => void,
): Promise<TestInfrastructure & { startedHere: boolean; stop(): Promise<void> }> {
  log('starting Kafka, Postgres and Zipkin containers');
  const kafkaPort = 29092;
  const [kafka, postgres, zipkin] = await Promise.all([
    new GenericContainer('apache/kafka:3.9.1')
      .withExposedPorts({ container: kafkaPort, host: kafkaPort })
      .withEnvironment({
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: `PLAINTEXT://:${kafkaPort},CONTROLLER://:9093`,
        KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      })
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .start(),
    new GenericContainer('postgres:16-alpine')
      .withExposedPorts(5432)
      .withEnvironment({ POSTGRES_PASSWORD: 'postgres' })
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start(),
    new GenericContainer('openzipkin/zipkin:3')
      .withExposedPorts(9411)
      .withWaitStrategy(Wait.forHttp('/health', 9411))
      .start(),
  ]);
  const containers: StartedTestContainer[] = [kafka, postgres, zipkin];
  const zipkinUrl = `http://${zipkin.getHost()}:${zipkin.getMappedPort(9411)}`;
  // The services export OTLP; the same door as the local path turns it into Zipkin's spans.
  const door = await openOtlpDoor({ port: 29418, zipkinUrl, log });
  return {
    kafkaBrokers: `127.0.0.1:${kafkaPort}`,
    postgresAdminUrl: `postgres://postgres:postgres@${postgres.getHost()}:${postgres.getMappedPort(5432)}/postgres`,
    zipkinUrl,
    otlpTracesUrl: door.tracesUrl,
    startedHere: true,
    stop: async () => {
      await door.close();
      await Promise.allSettled(containers.map((container) => container.stop()));
    },
  };
}
