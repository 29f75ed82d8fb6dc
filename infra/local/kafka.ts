// Local single-node Kafka (KRaft, broker+controller in one JVM) from the jars in infra/kafka/lib.
// Reuses a broker that already answers on the port; otherwise formats the data dir once and runs
// `kafka.Kafka` until stop(). Broker output goes to <dataDir>/broker.log unless `log` is given.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { fetchJars } from './fetch';
import { KAFKA_DATA, KAFKA_LOG4J, KAFKA_TEMPLATE } from './paths';
import { crash, javaBin, noop, portOpen, spawnServer, waitUntil, type Child, type LogFn, type Running } from './proc';

export interface KafkaOptions {
  port?: number;
  controllerPort?: number;
  /** Holds server.properties, broker.log and the log segments (data/). */
  dataDir?: string;
  /** Wipe dataDir first. Only applies when this call starts the broker, not when it reuses one. */
  fresh?: boolean;
  log?: LogFn;
  /**
   * Clients connect over TLS with SASL/SCRAM-SHA-256 (a SASL_SSL listener on `port`), as a broker
   * holding an exchange's data should be run. The broker and its controller talk over plaintext
   * listeners on loopback, one of which (`internalPort`) also answers the launcher's readiness probe.
   */
  secure?: SecureListener;
}

export interface SecureListener {
  /** PEM file holding the broker's PKCS#8 private key, unencrypted, and its certificate chain. */
  keystorePemFile: string;
  scram: { username: string; password: string };
  internalPort: number;
}

export async function startKafka(opts: KafkaOptions = {}): Promise<Running & { bootstrapServers: string }> {
  const port = opts.port ?? 19092;
  const controllerPort = opts.controllerPort ?? 19093;
  const bootstrapServers = `127.0.0.1:${port}`;
  const log = opts.log;

  if (await portOpen(port)) {
    // Polled for a while: a broker that is itself still starting has the port open but may not answer yet.
    const isKafka = await waitUntil(() => answersAsKafka(bootstrapServers, 2_000), {
      timeoutMs: 10_000,
      describe: () => '',
    }).then(
      () => true,
      () => false,
    );
    if (isKafka) {
      log?.(`reusing the Kafka broker already running on ${bootstrapServers}`);
      return { ...noop, bootstrapServers };
    }
    throw new Error(`Port ${port} is in use by something that is not a Kafka broker; free it or pick another port.`);
  }
  if (await portOpen(controllerPort)) {
    throw new Error(
      `Kafka controller port ${controllerPort} is already in use; free it or pick another controllerPort.`,
    );
  }

  const lib = await fetchJars('kafka', log);
  const classpath = path.join(lib, '*');
  const dataDir = path.resolve(opts.dataDir ?? KAFKA_DATA);
  if (opts.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  const logDirs = path.join(dataDir, 'data');
  fs.mkdirSync(logDirs, { recursive: true });
  const props = path.join(dataDir, 'server.properties');
  fs.writeFileSync(
    props,
    fs
      .readFileSync(KAFKA_TEMPLATE, 'utf8')
      .replaceAll('{{PORT}}', String(port))
      .replaceAll('{{CONTROLLER_PORT}}', String(controllerPort))
      .replaceAll('{{LOG_DIRS}}', logDirs.replaceAll('\\', '/')) +
      (opts.secure ? secureListenerProperties(port, controllerPort, opts.secure) : ''),
  );
  const log4j = `-Dlog4j.configuration=file:${KAFKA_LOG4J}`;

  if (!fs.existsSync(path.join(logDirs, 'meta.properties'))) {
    log?.(`formatting KRaft storage in ${logDirs}`);
    // Short-lived tool JVM: C1 only starts faster.
    await java([
      '-Xmx256m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      log4j,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      clusterId(),
      '-c',
      props,
      '--ignore-formatted',
      ...(opts.secure
        ? ['--add-scram', `SCRAM-SHA-256=[name=${opts.secure.scram.username},password=${opts.secure.scram.password}]`]
        : []),
    ]);
  }

  const logFile = path.join(dataDir, 'broker.log');
  const probeAt = opts.secure ? `127.0.0.1:${opts.secure.internalPort}` : bootstrapServers;
  let child: Child;
  const launch = async (): Promise<void> => {
    child = spawnServer(
      javaBin(),
      [
        '-Xms256m',
        '-Xmx512m',
        '-XX:+UseSerialGC',
        '-XX:+ExitOnOutOfMemoryError',
        '-Djava.awt.headless=true',
        log4j,
        '-cp',
        classpath,
        'kafka.Kafka',
        props,
      ],
      { cwd: dataDir, logFile, log },
    );
    try {
      await waitUntil(() => answersAsKafka(probeAt, 3_000), {
        timeoutMs: 90_000,
        gaveUp: () => (child.hasExited() ? 'the broker process exited' : undefined),
        describe: () =>
          `Kafka on ${bootstrapServers} did not start (${log ? 'output was sent to the log callback' : logFile}). Last output:\n${child.tail()}\n`,
      });
    } catch (err) {
      await child.stop();
      throw err;
    }
  };
  try {
    await launch();
  } catch (err) {
    // Lost a start race against another launcher on the same port: use the winner.
    if (await answersAsKafka(bootstrapServers, 3_000)) return { ...noop, bootstrapServers };
    throw err;
  }
  log?.(`Kafka started on ${bootstrapServers}`);
  const stop = () => child.stop();
  // Same data directory, so a restarted broker has every topic, offset and committed message.
  const restart = async () => {
    await child.stop();
    await launch();
  };
  return {
    bootstrapServers,
    startedHere: true,
    stop,
    supervised: { exited: () => child.exited, restart, kill: () => crash(child) },
  };
}

/** Later keys override the template's: the client listener becomes SASL_SSL, and the broker keeps a plaintext one of its own. */
function secureListenerProperties(port: number, controllerPort: number, secure: SecureListener): string {
  return [
    '',
    '# Clients: TLS and SASL/SCRAM-SHA-256 (KafkaOptions.secure)',
    `listeners=SASL_SSL://127.0.0.1:${port},INTERNAL://127.0.0.1:${secure.internalPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=SASL_SSL://127.0.0.1:${port},INTERNAL://127.0.0.1:${secure.internalPort}`,
    'inter.broker.listener.name=INTERNAL',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,SASL_SSL:SASL_SSL',
    'sasl.enabled.mechanisms=SCRAM-SHA-256',
    'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
    'ssl.keystore.type=PEM',
    `ssl.keystore.location=${secure.keystorePemFile.replaceAll('\\', '/')}`,
    '',
  ].join('\n');
}

/** True when a Kafka broker at `bootstrapServers` answers a metadata request. */
export async function answersAsKafka(bootstrapServers: string, timeoutMs: number): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'crosscheck-infra-probe',
    brokers: [bootstrapServers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3_000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    const { brokers } = await admin.describeCluster();
    return brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A Kafka cluster id: 16 random bytes, base64url; Kafka avoids ids starting with '-'. */
function clusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function java(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(javaBin(), args, (err, stdout, stderr) =>
      err
        ? reject(new Error(`java ${args.slice(-8).join(' ')} failed: ${err.message}\n${stdout}${stderr}`))
        : resolve(stdout),
    );
  });
}
