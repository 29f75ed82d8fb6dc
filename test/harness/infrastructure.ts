/**
 * The real parts every integration and end-to-end test runs against: a Kafka
 * broker, a Postgres server and a Zipkin. Jest's global setup provisions them
 * once per run (reusing any that already answer) and hands their addresses to
 * the test files through the environment; global teardown stops what it
 * started, so nothing outlives `npm test`.
 *
 * Two ways to provision, chosen here: the local launchers in infra/local (jars
 * from Maven Central, the Postgres on this machine or an embedded one), or
 * testcontainers when a Docker engine answers. `CROSSCHECK_TEST_INFRA=local` or
 * `=containers` forces one.
 */
export interface TestInfrastructure {
  postgresAdminUrl: string;
  kafkaBrokers: string;
  zipkinUrl: string;
  /** Where services export traces: OTLP/HTTP, arriving in that Zipkin. */
  otlpTracesUrl: string;
}

const ENV = {
  postgresAdminUrl: 'CROSSCHECK_TEST_POSTGRES_ADMIN_URL',
  kafkaBrokers: 'CROSSCHECK_TEST_KAFKA_BROKERS',
  zipkinUrl: 'CROSSCHECK_TEST_ZIPKIN_URL',
  otlpTracesUrl: 'CROSSCHECK_TEST_OTLP_TRACES_URL',
} as const;

export function publishInfrastructure(infrastructure: TestInfrastructure): void {
  for (const [key, variable] of Object.entries(ENV))
    process.env[variable] = infrastructure[key as keyof TestInfrastructure];
}

export function testInfrastructure(): TestInfrastructure {
  const read = (variable: string) => {
    const value = process.env[variable];
    if (!value)
      throw new Error(
        `${variable} is not set: run the tests with \`npm test\` (or jest, whose global setup provisions Kafka, Postgres and Zipkin)`,
      );
    return value;
  };
  return {
    postgresAdminUrl: read(ENV.postgresAdminUrl),
    kafkaBrokers: read(ENV.kafkaBrokers),
    zipkinUrl: read(ENV.zipkinUrl),
    otlpTracesUrl: read(ENV.otlpTracesUrl),
  };
}
