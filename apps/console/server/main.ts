/**
 * Boots the analyst console server: configuration first (a broken variable
 * exits with EX_CONFIG and a line naming it), then listen, over HTTPS when
 * given a certificate; SIGTERM closes open alert streams (browsers reconnect
 * with Last-Event-ID) and exits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import * as path from 'node:path';
import { createKafka } from '@crosscheck/messaging/kafka';
import { kafkaSecurityFrom, KafkaConnectionConfig } from '@crosscheck/runtime/kafka-connection';
import { ConfigError, loadConfig } from '@crosscheck/runtime/load-config';
import { createLogger } from '@crosscheck/telemetry';
import type { Logger } from 'pino';
import { ConsoleConfig } from './console.config';
import { createConsoleServer } from './console-server';
import { HealthSampler } from './health/health-sampler';

function configuration(): {
  config: ConsoleConfig;
  kafka?: KafkaConnectionConfig;
  tls?: { cert: Buffer; key: Buffer };
} {
  try {
    const config = loadConfig(ConsoleConfig);
    // The brokers, as the services are told them; only for the health page's consumer lag, so optional.
    const kafka = process.env.KAFKA_BROKERS ? loadConfig(KafkaConnectionConfig) : undefined;
    if (!existsSync(path.join(config.CONSOLE_WEB_DIR, 'index.html'))) {
      throw new ConfigError([
        `CONSOLE_WEB_DIR is invalid: ${config.CONSOLE_WEB_DIR} has no index.html (run \`npm run build\`)`,
      ]);
    }
    if (config.HTTPS_CERT_FILE === undefined || config.HTTPS_KEY_FILE === undefined) return { config, kafka };
    return {
      config,
      kafka,
      tls: {
        cert: readable('HTTPS_CERT_FILE', config.HTTPS_CERT_FILE),
        key: readable('HTTPS_KEY_FILE', config.HTTPS_KEY_FILE),
      },
    };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`console: ${error.message}\n`);
      createLogger('console').fatal({ problems: error.problems }, `console cannot start: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

function readable(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ConfigError([
      `${variable} is invalid: must be the path of a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    ]);
  }
}

function healthSampler(config: ConsoleConfig, kafka: KafkaConnectionConfig | undefined, logger: Logger): HealthSampler {
  return new HealthSampler({
    urls: {
      intake: config.INTAKE_URL,
      dedup: config.DEDUP_URL,
      matching: config.MATCHING_URL,
      alerting: config.ALERTING_URL,
    },
    admin: kafka ? createKafka('console', kafka.KAFKA_BROKERS, logger, kafkaSecurityFrom(kafka)).admin() : undefined,
    topicPrefix: kafka?.KAFKA_TOPIC_PREFIX ?? '',
    groupIdPrefix: config.KAFKA_GROUP_ID_PREFIX,
    sampleSeconds: config.HEALTH_SAMPLE_SECONDS,
    thresholds: { lag: config.HEALTH_LAG_ALARM, deadLetters: config.HEALTH_DEAD_LETTERS_ALARM },
    logger,
  });
}

const { config, kafka, tls } = configuration();
const logger = createLogger('console', config.LOG_LEVEL);
const sampler = healthSampler(config, kafka, logger);
sampler.start();
const app = createConsoleServer(config, logger, sampler);
const server = (tls ? createServer(tls, app) : app).listen(config.PORT, config.BIND_ADDRESS, () => {
  const listening = {
    port: config.PORT,
    bindAddress: config.BIND_ADDRESS,
    https: tls !== undefined,
    publicOrigin: config.CONSOLE_PUBLIC_ORIGIN,
  };
  logger.info({ ...listening, alerting: config.ALERTING_URL, dedup: config.DEDUP_URL }, 'console listening');
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'console stopping');
  void sampler.stop();
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
