/**
 * Transport security, end to end: a broker started by the test with a TLS
 * listener that takes SASL/SCRAM-SHA-256 only (certificates made at test
 * time), services that reach it with KAFKA_TLS and KAFKA_SASL_*, and a
 * service that serves HTTPS. A record shared with intake crosses the broker
 * to dedup; clients without the password, without the CA or in plaintext
 * are refused, by the broker and by the HTTPS service alike.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { freePort, startKafka, type Running } from '@crosscheck/infra';
import { Kafka, KafkaConfig, logLevel } from 'kafkajs';
import { Agent, fetch } from 'undici';
import { unknownPerson, shareRecord } from '../fixtures/records';
import { createSuite, Suite } from '../harness/suite';
import { makeTestCertificates, TestCertificates } from '../harness/test-certificates';

jest.setTimeout(240_000);

const SCRAM = { username: 'crosscheck', password: randomBytes(12).toString('hex') };

let certificates: TestCertificates;
let broker: Running & { bootstrapServers: string };
let suite: Suite;
let trusting: Agent;

beforeAll(async () => {
  certificates = await makeTestCertificates();
  const [port, controllerPort, internalPort] = [await freePort(), await freePort(), await freePort()];
  broker = await startKafka({
    port,
    controllerPort,
    dataDir: path.join(certificates.folder, 'kafka'),
    fresh: true,
    secure: { keystorePemFile: certificates.keystorePemFile, scram: SCRAM, internalPort },
  });
  suite = await createSuite('tls', {
    kafkaBrokers: broker.bootstrapServers,
    kafkaSecurity: { ssl: { ca: [certificates.ca] }, sasl: { mechanism: 'scram-sha-256', ...SCRAM } },
    serviceEnv: {
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: certificates.caFile,
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_USERNAME: SCRAM.username,
      KAFKA_SASL_PASSWORD: SCRAM.password,
    },
    trustedCa: certificates.ca,
  });
  await suite.start('intake');
  await suite.startWith('dedup', { HTTPS_CERT_FILE: certificates.certFile, HTTPS_KEY_FILE: certificates.keyFile });
  trusting = new Agent({ connect: { ca: certificates.ca } });
});

afterAll(async () => {
  await suite?.close();
  await broker?.stop();
  await trusting?.close();
});

it('carries a shared record from intake to dedup over TLS with SCRAM, and dedup answers over HTTPS', async () => {
  expect(suite.url('dedup')).toMatch(/^https:/);
  const key = await suite.agencies.key('FRA');
  const shared = await shareRecord(suite.url('intake'), key, unknownPerson());
  expect(shared.status).toBe(201);
  const deadline = Date.now() + 60_000;
  let status = 0;
  while (Date.now() < deadline) {
    const answer = await fetch(`${suite.url('dedup')}/v1/records/${shared.body.record.id}/entity`, {
      dispatcher: trusting,
      headers: { authorization: `Bearer ${key}` },
    });
    status = answer.status;
    await answer.body?.cancel();
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(status).toBe(200);
});

async function connects(config: Partial<KafkaConfig>): Promise<string> {
  const admin = new Kafka({
    clientId: 'tls-probe',
    brokers: [broker.bootstrapServers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    authenticationTimeout: 3_000,
    requestTimeout: 3_000,
    retry: { retries: 0 },
    ...config,
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

it.each([
  [
    'the right CA and password',
    'accepted',
    { ssl: { ca: [''] }, sasl: { mechanism: 'scram-sha-256' as const, ...SCRAM } },
  ],
  ['no credentials', 'refused', { ssl: { ca: [''] } }],
  [
    'a wrong password',
    'refused',
    {
      ssl: { ca: [''] },
      sasl: { mechanism: 'scram-sha-256' as const, username: SCRAM.username, password: 'not-the-password' },
    },
  ],
  [
    'only the system’s trusted roots',
    'refused',
    { ssl: true, sasl: { mechanism: 'scram-sha-256' as const, ...SCRAM } },
  ],
  ['plaintext', 'refused', { sasl: { mechanism: 'scram-sha-256' as const, ...SCRAM } }],
])('a client with %s is %s by the broker', async (_, expected, config) => {
  const accepted = expected === 'accepted';
  const given = config as Partial<KafkaConfig>;
  // The table cannot hold the CA, which is made in beforeAll: `ca: ['']` stands for it.
  const outcome = await connects(typeof given.ssl === 'object' ? { ...given, ssl: { ca: [certificates.ca] } } : given);
  if (accepted) expect(outcome).toBe('connected');
  else expect(outcome).not.toBe('connected');
});

it('serves HTTPS that a client without the CA refuses, and no plain HTTP', async () => {
  await expect(fetch(`${suite.url('dedup')}/health`)).rejects.toThrow();
  await expect(fetch(`${suite.url('dedup').replace('https:', 'http:')}/health`)).rejects.toThrow();
  const trusted = await fetch(`${suite.url('dedup')}/health`, { dispatcher: trusting });
  expect(trusted.status).toBe(200);
});
