/**
 * `npm start`: the whole exchange on this machine, from a fresh clone.
 * Builds, starts (or reuses) Kafka, Zipkin and Postgres, migrates, starts the
 * four services and the analyst console, loads the demo Red Notices, then
 * shares one demo record and shows it becoming an alert, with the link to its
 * trace and a key to look at it in the console. Ctrl-C stops everything it
 * started.
 *
 * `npm start -- --instances N` (or CROSSCHECK_INSTANCES=N) runs N instances of
 * each pipeline service (infra/local/instances.ts).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  Agencies,
  ensureDatabase,
  instancePort,
  instancesWanted,
  paths,
  PIPELINE_SERVICE_NAMES,
  seedDemoOrganisations,
  seedDemoReferenceData,
  startKafka,
  startPostgres,
  startServiceProcess,
  startZipkin,
  Supervisor,
  type Running,
  type ServiceName,
  type ServiceProcess,
} from '@crosscheck/infra';

const root = path.resolve(__dirname, '..');
const PORTS: Record<ServiceName, number> = { intake: 3001, dedup: 3002, matching: 3003, alerting: 3004, console: 3005 };
const AGENCY = 'FRA';
/** A new agency code per run, so the demo record raises a new alert even when earlier runs shared the same person. */
const DEMO_AGENCY = `DEMO-${Date.now().toString(36).toUpperCase()}`;
const say = (line: string) => process.stdout.write(`[crosscheck] ${line}\n`);

const startedServices: ServiceProcess[] = [];
const startedInfrastructure: Running[] = [];
/** Starts a crashed service, broker or trace viewer again, with a growing wait, and says so. */
const supervisor = new Supervisor(say);
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping...');
    supervisor.stop();
    // Services first, together (each drains into Kafka and Postgres), then the infrastructure.
    await Promise.allSettled(startedServices.map((service) => service.stop()));
    await Promise.allSettled(startedInfrastructure.map((part) => part.stop()));
  }
  process.exit(code);
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(0));
  const instances = instancesWanted(process.argv.slice(2), process.env.CROSSCHECK_INSTANCES);

  say('building...');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');

  say('starting Kafka, Zipkin and Postgres (the first run fetches the broker and Zipkin jars from Maven Central)...');
  // Launcher messages only; the brokers' own output goes to their log files.
  const log = (line: string) => {
    if (!/^\[?\d{4}-\d{2}-\d{2}/.test(line)) say(line);
  };
  // A trace viewer that does not start costs this run its traces, not the exchange.
  const zipkinOrNot = startZipkin({ log }).catch((error: unknown) => {
    say(
      `Zipkin did not start, so this run keeps no traces: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    return { url: 'http://127.0.0.1:19411', otlpTracesUrl: '', startedHere: false, stop: async () => undefined };
  });
  const [kafka, zipkin, postgres] = await Promise.all([startKafka({ log }), zipkinOrNot, startPostgres({ log })]);
  for (const [name, part] of [
    ['Postgres', postgres],
    ['Zipkin', zipkin],
    ['Kafka', kafka],
  ] as [string, Running][]) {
    if (part.startedHere) startedInfrastructure.push(part);
    if (part.supervised) supervisor.watch(name, part.supervised);
  }
  const databaseUrl = await ensureDatabase(postgres.adminUrl, process.env.CROSSCHECK_DATABASE ?? 'crosscheck');

  say('starting intake, dedup, matching and alerting (each runs its migrations), then the analyst console...');
  // Spans go to Zipkin when it is up; while it is down or restarting, the services drop them and carry on.
  const env = {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: kafka.bootstrapServers,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: zipkin.otlpTracesUrl,
  };
  const services = {} as Record<ServiceName, ServiceProcess>;
  await Promise.all(
    PIPELINE_SERVICE_NAMES.map(async (name) => {
      // No webhook target is allowed on loopback: the demo reads the stream, and the services' own ports must stay
      // out of reach. A receiver of one's own is listed in WEBHOOK_ALLOWED_PRIVATE_TARGETS, which passes through.
      services[name] = await startServiceProcess(name, { env, port: PORTS[name], logGroup: 'services' });
      startedServices.push(services[name]);
    }),
  );
  // The console signs analysts in against alerting and shows dedup's entities, so it comes after both.
  services.console = await startServiceProcess('console', {
    env: {
      ALERTING_URL: services.alerting.url,
      DEDUP_URL: services.dedup.url,
      INTAKE_URL: services.intake.url,
      MATCHING_URL: services.matching.url,
      ZIPKIN_UI_URL: `${zipkin.url}/zipkin`,
      // The pipeline health page reads consumer lag from the brokers.
      KAFKA_BROKERS: kafka.bootstrapServers,
    },
    port: PORTS.console,
    logGroup: 'services',
  });
  startedServices.push(services.console);
  for (const service of startedServices) supervisor.watch(service.name, service);
  const extraInstances = await startExtraInstances(env, instances);

  say('generating the demo reference data; it goes only into datasets never loaded, so nothing loaded is replaced...');
  const { demoVin, leftAlone } = await seedDemoReferenceData({
    databaseUrl,
    outDir: path.join(paths.LOCAL_DIR, 'demo-reference'),
    say,
  });

  const agencies = new Agencies(databaseUrl, () => services.intake.url);
  const franceKey = await agencies.key(AGENCY, ['agency', 'analyst']);
  const demoAnalystKey = await agencies.key(DEMO_AGENCY, ['analyst']);
  // Keys reach alerting over Kafka; the demo reads the stream with this one straight away.
  await agencies.accepted(demoAnalystKey, services.alerting.url);
  await demonstrate(
    services,
    zipkin.url,
    await agencies.key(DEMO_AGENCY),
    demoAnalystKey,
    leftAlone.includes('notices'),
  );
  const operation = await seedDemoOperation(services.matching.url, agencies, franceKey, demoVin);
  const organisations = await seedDemoOrganisations(services.intake.url, (agency) => agencies.key(agency));
  say(`demo: ${organisations} new demo organisation records shared (BRA, PRT; those already there left alone)`);
  const frontlineKey = await agencies.key(AGENCY, ['frontline']);

  say('');
  say('crosscheck is running:');
  say(
    `  analyst console ${services.console.url}/   (sign in with ${DEMO_AGENCY}'s analyst key ${demoAnalystKey}, or ${AGENCY}'s below)`,
  );
  say(
    `  frontline page  ${services.console.url}/   (sign in with ${AGENCY}'s frontline key ${frontlineKey}; phone-sized)`,
  );
  say(`  API docs        ${services.intake.url}/docs   (each service serves its own /docs)`);
  say(`  share records   POST ${services.intake.url}/v1/records   (Authorization: Bearer <${AGENCY}'s key>)`);
  say(`  ${AGENCY}'s key     ${franceKey}   (roles agency, analyst; shown once, new each run)`);
  say(`  admin key       ${await agencies.admin()}   (npm run admin -- --help for agencies and keys)`);
  say(`  entities        GET  ${services.dedup.url}/v1/records/<id>/entity   (the same key; keys reach every service)`);
  say(`  networks        GET  ${services.dedup.url}/v1/entities/<id>/network?depth=2   (e.g. BRA's Sonho Americano)`);
  say(`  instant checks  POST ${services.matching.url}/v1/checks   {"kind":"vehicle","vehicle":{"vin":"${demoVin}"}}`);
  say(
    `  demo data       ${path.join(paths.LOCAL_DIR, 'demo-reference')}/   (notices, sltd, smv, firearms, works-of-art)`,
  );
  say(
    `  operation       GET  ${services.matching.url}/v1/operations/${operation}/report   (${AGENCY}'s key; ?format=csv)`,
  );
  say(
    `  its report page ${services.console.url}/operations/${operation}   (an analyst of ${AGENCY} or ${DEMO_AGENCY})`,
  );
  say(`  alerts          GET  ${services.alerting.url}/v1/alerts`);
  say(
    `  live stream     GET  ${services.alerting.url}/v1/alerts/stream   (curl -N -H "Authorization: Bearer <${AGENCY}'s key>" ...)`,
  );
  say(`  traces          ${zipkin.url}/zipkin/`);
  say(`  health/metrics  ${PIPELINE_SERVICE_NAMES.map((name) => `${services[name].url}/metrics`).join('  ')}`);
  if (extraInstances.length > 0)
    say(`  more instances  ${extraInstances.map(({ label, service }) => `${label} ${service.url}`).join('  ')}`);
  say(`  logs            ${path.join(paths.LOGS_DIR, 'services')}/`);
  say('Every service listens on this machine only (BIND_ADDRESS=0.0.0.0 npm start opens them to the network).');
  say('A service, Kafka or Zipkin that crashes is started again, after 1 s, then up to 30 s while it keeps crashing.');
  say('Ctrl-C stops everything this command started.');
  // The launched processes do not hold the event loop (they must never outlive this one), so hold it here.
  setInterval(() => undefined, 60_000);
}

/**
 * A small demo operation, coordinated by FRA with the demo agency: each runs a check for it (the demo VIN,
 * a stolen vehicle), so its report has something to count. Answers its code.
 */
async function seedDemoOperation(
  matchingUrl: string,
  agencies: Agencies,
  franceKey: string,
  demoVin: string,
): Promise<string> {
  const code = `${DEMO_AGENCY}-OP`;
  const today = new Date().toISOString().slice(0, 10);
  const demoKey = await agencies.key(DEMO_AGENCY);
  await agencies.accepted(franceKey, matchingUrl);
  await agencies.accepted(demoKey, matchingUrl);
  const post = (key: string, route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${matchingUrl}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      body: JSON.stringify(body),
    });
  const started = await post(franceKey, '/v1/operations', {
    code,
    name: 'Demo operation: stolen vehicles at the border',
    startsOn: today,
    endsOn: today,
    participants: [DEMO_AGENCY],
  });
  for (const key of [franceKey, demoKey])
    await post(key, '/v1/checks', { kind: 'vehicle', vehicle: { vin: demoVin } }, { 'x-operation': code });
  say(
    `demo: operation ${code} (HTTP ${started.status}), coordinated by ${AGENCY} with ${DEMO_AGENCY}; 2 checks run for it`,
  );
  return code;
}

/** The instances after the first of each pipeline service, once the first has migrated: same database, topics and group. */
async function startExtraInstances(
  env: Record<string, string>,
  instances: number,
): Promise<{ label: string; service: ServiceProcess }[]> {
  const extras: { label: string; service: ServiceProcess }[] = [];
  for (let instance = 2; instance <= instances; instance++) {
    for (const name of PIPELINE_SERVICE_NAMES) {
      const label = `${name}-${instance}`;
      const service = await startServiceProcess(name, {
        env,
        port: instancePort(PORTS[name], instance),
        logGroup: path.join('services', label),
      });
      startedServices.push(service);
      supervisor.watch(label, service);
      extras.push({ label, service });
    }
  }
  if (extras.length > 0) say(`started ${instances} instances of ${PIPELINE_SERVICE_NAMES.join(', ')}`);
  return extras;
}

/** Shares one record that matches a demo Red Notice and waits for its alert on the live stream. */
async function demonstrate(
  services: Record<ServiceName, ServiceProcess>,
  zipkinUrl: string,
  demoKey: string,
  analystKey: string,
  noticesLoadedBefore: boolean,
): Promise<void> {
  const controller = new AbortController();
  const asAnalyst = { authorization: `Bearer ${analystKey}` };
  const stream = await fetch(
    `${services.alerting.url}/v1/alerts/stream?after=${await lastCursor(services.alerting.url, asAnalyst)}`,
    {
      headers: asAnalyst,
      signal: controller.signal,
    },
  );
  const record = {
    kind: 'person',
    externalRef: `DEMO-${Date.now()}`,
    dissemination: { scope: 'all' },
    purpose: 'border-check',
    person: {
      names: [{ given: 'Ivan', family: 'Petrov', original: 'Иван Петров', script: 'Cyrl' }],
      dateOfBirth: '1971-03-14',
      sex: 'male',
      nationalities: ['RUS'],
    },
  };
  const response = await fetch(`${services.intake.url}/v1/records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demoKey}` },
    body: JSON.stringify(record),
  });
  const traceId = response.headers.get('x-trace-id');
  say(`demo: ${DEMO_AGENCY} shared a person record (HTTP ${response.status}); waiting for the alert...`);

  const decoder = new TextDecoder();
  let buffer = '';
  const timeout = setTimeout(() => controller.abort(), 30_000);
  try {
    for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      const data = /event: alert\ndata: (.*)\n/.exec(buffer)?.[1];
      if (!data) continue;
      const alert = JSON.parse(data) as { entryId: string; level: string; score: number; noticeColour: string };
      say(
        `demo: alert on the live stream: ${alert.level} against ${alert.noticeColour} notice ${alert.entryId} (score ${alert.score})`,
      );
      say(`demo: its trace, through all four services: ${zipkinUrl}/zipkin/traces/${traceId}`);
      return;
    }
  } catch {
    // An operator's own full load of notices replaces the demo Red Notices the demo record matches.
    say(
      `demo: no alert within 30 s; ${noticesLoadedBefore ? 'notices loaded before this start may not include the demo Red Notices, or ' : ''}see the service logs`,
    );
  } finally {
    clearTimeout(timeout);
    controller.abort();
  }
}

async function lastCursor(alertingUrl: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${alertingUrl}/v1/alerts?sort=updated&limit=1`, { headers });
  const body = (await response.json()) as { alerts: { cursor: string }[] };
  return body.alerts[0]?.cursor ?? '0';
}

main().catch(async (error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
