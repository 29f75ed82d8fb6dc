// Where the local infrastructure lives, relative to the repository root. Everything the
// launchers write (data, logs) goes under .local/, which is gitignored.
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const LOCAL_DIR = path.join(REPO_ROOT, '.local');
export const LOGS_DIR = path.join(LOCAL_DIR, 'logs');

export const KAFKA_DIR = path.join(REPO_ROOT, 'infra', 'kafka');
export const KAFKA_LIB = path.join(KAFKA_DIR, 'lib');
export const KAFKA_TEMPLATE = path.join(KAFKA_DIR, 'server.properties.template');
export const KAFKA_LOG4J = path.join(KAFKA_DIR, 'log4j.properties');
export const KAFKA_DATA = path.join(LOCAL_DIR, 'kafka');

export const ZIPKIN_DIR = path.join(REPO_ROOT, 'infra', 'zipkin');
export const ZIPKIN_LIB = path.join(ZIPKIN_DIR, 'lib');

export const PG_DATA = path.join(LOCAL_DIR, 'pg');
