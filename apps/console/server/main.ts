/**
 * Boots the analyst console server: configuration first (a broken variable
 * exits with EX_CONFIG and a line naming it), then listen; SIGTERM closes open
 * alert streams (browsers reconnect with Last-Event-ID) and exits.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { ConfigError, loadConfig } from '@crosscheck/runtime/load-config';
import { createLogger } from '@crosscheck/telemetry';
import { ConsoleConfig } from './console.config';
import { createConsoleServer } from './console-server';

function configuration(): ConsoleConfig {
  try {
    const config = loadConfig(ConsoleConfig);
    if (!existsSync(path.join(config.CONSOLE_WEB_DIR, 'index.html'))) {
      throw new ConfigError([`CONSOLE_WEB_DIR is invalid: ${config.CONSOLE_WEB_DIR} has no index.html (run \`npm run build\`)`]);
    }
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`console: ${error.message}\n`);
      createLogger('console').fatal({ problems: error.problems }, `console cannot start: ${error.message}`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

const config = configuration();
const logger = createLogger('console', config.LOG_LEVEL);
const server = createConsoleServer(config, logger).listen(config.PORT, config.BIND_ADDRESS, () => {
  logger.info({ port: config.PORT, bindAddress: config.BIND_ADDRESS, alerting: config.ALERTING_URL, dedup: config.DEDUP_URL }, 'console listening');
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'console stopping');
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
