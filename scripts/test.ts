/**
 * `npm test`: everything a change must pass, against the real parts.
 *   1. lint: ESLint with the project boundaries, and no import cycles (`npm run lint`)
 *   2. contracts: buf lint, breaking-change check, generated code up to date
 *   3. typecheck of all code, tests and the console's web app included
 *   4. build (the end-to-end tests run the services from dist/)
 *   5. jest: unit, integration and end-to-end; its global setup starts or
 *      reuses Kafka, Postgres and Zipkin and stops what it started
 * Extra arguments go to jest, e.g. `npm test -- test/e2e/kafka-outage`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function step(title: string, command: string, args: string[]): void {
  const started = Date.now();
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stdout.write(`✖ ${title} failed after ${seconds} s\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`✔ ${title} (${seconds} s)\n`);
}

const started = Date.now();
process.stdout.write(`node ${process.version} (${process.execPath})\n`);
step('lint: rules, project boundaries, import cycles', 'npm', ['run', '--silent', 'lint']);
step('contracts: lint, breaking changes, generated code', bin('tsx'), ['scripts/contracts.ts', 'check']);
step('typecheck (services, libraries, tests and the console web app)', 'npm', ['run', '--silent', 'typecheck']);
step('build', 'npm', ['run', '--silent', 'build']);
step('jest: unit, integration, end-to-end (real Kafka, Postgres, Zipkin)', bin('jest'), [
  '--runInBand',
  ...process.argv.slice(2),
]);
process.stdout.write(`\nnpm test passed in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
