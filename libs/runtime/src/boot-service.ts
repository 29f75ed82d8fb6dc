/**
 * How every crosscheck service starts and stops. `main.ts` imports its
 * `telemetry.ts` first (so instrumentation is in place), then calls this:
 * configuration is validated before anything connects, the HTTP API and the
 * Kafka consumer share one Nest app, and SIGTERM/SIGINT drain it: stop
 * consuming, finish and commit the batch in hand, stop the relay, close the pool.
 * With `SERVICE_WORKERS` above one, this process forks that many workers that
 * each do all of this on the same port (service-workers.ts).
 */
import { readFileSync } from 'node:fs';
import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createKafkaEventServer } from '@crosscheck/messaging';
import { createLogger, JsonLogger } from '@crosscheck/telemetry';
import type { Telemetry } from '@crosscheck/telemetry/sdk';
import { type ConfigClass, ConfigError, loadConfig } from './load-config';
import { ApiExceptionFilter } from './api-errors';
import { jsonBody } from './json-body';
import { requestTarget } from './request-target';
import { mountOpenApiDocs, MountOpenApiOptions } from './openapi';
import { ServiceConfig } from './service.config';
import { isServiceWorker, superviseWorkers } from './service-workers';

export interface ServiceDefinition<Config extends ServiceConfig> {
  name: string;
  config: ConfigClass<Config>;
  module: (config: Config) => Type<unknown> | import('@nestjs/common').DynamicModule;
  /** Whether the service consumes Kafka (all four do; intake only its copy of the operations). */
  consumes: boolean;
  configure?: (app: INestApplication, config: Config) => void | Promise<void>;
  /** Title and the like for `/docs`, generated from the routes and the schemas they validate with. */
  openApi?: Partial<MountOpenApiOptions>;
}

export async function bootService<Config extends ServiceConfig>(
  definition: ServiceDefinition<Config>,
  telemetry: Telemetry,
): Promise<INestApplication | undefined> {
  const logger = createLogger(definition.name);
  let config: Config;
  try {
    config = loadConfig(definition.config);
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.fatal({ problems: error.problems }, `${definition.name} cannot start: ${error.message}`);
      process.stderr.write(`${definition.name}: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  logger.level = config.LOG_LEVEL;
  if (config.SERVICE_WORKERS > 1 && !isServiceWorker()) {
    // The primary serves nothing and exports no spans of its own: the workers do both.
    await telemetry.shutdown().catch(() => undefined);
    superviseWorkers(definition.name, config.SERVICE_WORKERS, logger);
    return undefined;
  }

  const app = await NestFactory.create(definition.module(config), {
    httpsOptions: config.HTTPS_CERT_FILE
      ? { cert: readFileSync(config.HTTPS_CERT_FILE), key: readFileSync(config.HTTPS_KEY_FILE!) }
      : undefined,
    logger: new JsonLogger(logger),
    bufferLogs: true,
    bodyParser: false,
    // Open alert streams must not hold a shutdown hostage; clients reconnect with Last-Event-ID.
    forceCloseConnections: true,
  });
  app.use(requestTarget, ...jsonBody(config.HTTP_MAX_BODY_BYTES));
  app.useGlobalFilters(new ApiExceptionFilter());
  await definition.configure?.(app, config);
  mountOpenApiDocs(app, { title: `crosscheck ${definition.name}`, version: '0.1.0', ...definition.openApi });
  if (definition.consumes)
    app.connectMicroservice({ strategy: createKafkaEventServer(app) }, { inheritAppConfig: true });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, `${definition.name} draining`);
    const forced = setTimeout(() => {
      logger.error(`${definition.name} did not stop within 30 s; exiting`);
      process.exit(1);
    }, 30_000);
    forced.unref();
    await app.close();
    await telemetry.shutdown().catch(() => undefined);
    logger.info(`${definition.name} stopped`);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.startAllMicroservices();
  await app.listen(config.PORT, config.BIND_ADDRESS);
  logger.info({ port: config.PORT, bindAddress: config.BIND_ADDRESS }, `${definition.name} listening`);
  return app;
}
