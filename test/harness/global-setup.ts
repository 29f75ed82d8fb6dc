import { startKafka, startPostgres, startZipkin, type Running } from '../../infra/local';
import { startContainers, dockerAnswers } from './containers';
import { publishInfrastructure } from './infrastructure';

type Stoppable = Pick<Running, 'stop' | 'startedHere'>;
const started: Stoppable[] = [];

export default async function globalSetup(): Promise<void> {
  const choice = process.env.CROSSCHECK_TEST_INFRA ?? ((await dockerAnswers()) ? 'containers' : 'local');
  const log = (line: string) => process.stderr.write(`[test infra] ${line}\n`);
  if (choice === 'none') return; // unit tests only: `npm run test:unit`
  if (choice === 'containers') {
    const containers = await startContainers(log);
    started.push(containers);
    publishInfrastructure(containers);
  } else if (choice === 'local') {
    const [kafka, zipkin, postgres] = await Promise.all([
      startKafka({ log }),
      startZipkin({ log }),
      startPostgres({ log }),
    ]);
    started.push(kafka, zipkin, postgres);
    publishInfrastructure({
      kafkaBrokers: kafka.bootstrapServers,
      zipkinUrl: zipkin.url,
      otlpTracesUrl: zipkin.otlpTracesUrl,
      postgresAdminUrl: postgres.adminUrl,
    });
  } else {
    throw new Error(`CROSSCHECK_TEST_INFRA must be "local", "containers" or "none", not "${choice}"`);
  }
  (globalThis as { crosscheckInfrastructure?: Stoppable[] }).crosscheckInfrastructure = started;
}
