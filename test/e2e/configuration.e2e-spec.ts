/** A service with bad or missing configuration refuses to start and names the variable. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { paths } from '@crosscheck/infra';

it.each(['intake', 'dedup', 'matching', 'alerting'])(
  '%s names each broken variable and exits with EX_CONFIG',
  (service) => {
    const result = spawnSync(
      process.execPath,
      [path.join(paths.REPO_ROOT, 'dist', 'apps', service, 'src', 'main.js')],
      {
        env: { PATH: process.env.PATH, KAFKA_BROKERS: 'localhost', PORT: '70000' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(78);
    expect(result.stderr).toContain(`${service}: invalid configuration`);
    expect(result.stderr).toMatch(/DATABASE_URL is missing/);
    expect(result.stderr).toMatch(/KAFKA_BROKERS is invalid: each broker must be host:port/);
    expect(result.stderr).toMatch(/PORT is invalid: must not be greater than 65535/);
  },
);
