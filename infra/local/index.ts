// Local real infrastructure (Kafka, Zipkin, Postgres, the services as processes) for
// `npm start` and the test harness.
export type { Child, LogFn, Running } from './proc';
export { startKafka, answersAsKafka, type KafkaOptions, type SecureListener } from './kafka';
export { startZipkin, answersAsZipkin, maxSpansFor, type RunningZipkin, type ZipkinOptions } from './zipkin';
export { openOtlpDoor, type OtlpDoor } from './otlp-door';
export { startPostgres, ensureDatabase, dropDatabase, databaseUrl, type PostgresOptions } from './postgres';
export { fetchJars, jarsFetched, type JarSet } from './fetch';
export * from './service-process';
export { instancePort, instancesWanted, MAX_INSTANCES } from './instances';
export * as paths from './paths';
export { Agencies } from './agencies';
export { Supervisor, type Supervised } from './supervisor';
export { afterCrash, DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy';
export {
  seedDemoReferenceData,
  DEMO_RED_NOTICES,
  type DemoReference,
  type DemoReferenceOptions,
} from './demo-reference';
export { seedDemoOrganisations, DEMO_ORGANISATIONS, DEMO_ORGANISATION_AGENCIES } from './demo-organisations';
