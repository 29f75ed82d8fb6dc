/**
 * Agencies and keys, made the way an operator makes them: the first admin key
 * with intake's admin CLI, everything else through intake's admin API. Used by
 * `npm start` for its demo agencies and by the test harness.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths';

type Role = 'agency' | 'analyst' | 'data-owner' | 'operator' | 'reviewer' | 'frontline' | 'admin';

const run = promisify(execFile);

export class Agencies {
  private adminKey: Promise<string> | undefined;
  private readonly keys = new Map<string, Promise<string>>();

  constructor(
    private readonly databaseUrl: string,
    private readonly intakeUrl: () => string,
  ) {}

  /** A key of the agency `code` with the given roles (default `agency`); the agency is created when new. */
  key(code: string, roles: Role[] = ['agency']): Promise<string> {
    const id = `${code}:${[...roles].sort().join(',')}`;
    if (!this.keys.has(id)) this.keys.set(id, this.issue(code, roles));
    return this.keys.get(id)!;
  }

  /**
   * Waits until the service at `serviceUrl` accepts `key`: keys reach the
   * services other than intake over Kafka, normally within a second.
   */
  async accepted(key: string, serviceUrl: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const response = await fetch(`${serviceUrl}/v1/whoami`, { headers: { authorization: `Bearer ${key}` } });
      await response.body?.cancel();
      if (response.status === 200) return;
      if (response.status !== 401 || Date.now() > deadline)
        throw new Error(`${serviceUrl} did not accept the key: ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  admin(): Promise<string> {
    this.adminKey ??= (async () => {
      await this.cli(['agency:create', 'CCOPS', 'crosscheck', 'operators']).catch((error: Error) => {
        if (!error.message.includes('already exists')) throw error;
      });
      const { stdout } = await this.cli(['key:issue', 'CCOPS', '--roles', 'admin', '--json']);
      return (JSON.parse(stdout) as { key: string }).key;
    })();
    return this.adminKey;
  }

  private async issue(code: string, roles: Role[]): Promise<string> {
    const admin = await this.admin();
    const created = await this.call('POST', '/v1/admin/agencies', admin, { code, name: `${code} national bureau` });
    if (created.status !== 201 && created.status !== 409)
      throw new Error(`creating agency ${code}: ${created.status} ${JSON.stringify(created.body)}`);
    const issued = await this.call('POST', `/v1/admin/agencies/${code}/keys`, admin, { roles, label: 'test' });
    if (issued.status !== 201)
      throw new Error(`issuing a key for ${code}: ${issued.status} ${JSON.stringify(issued.body)}`);
    return (issued.body as { key: string }).key;
  }

  async call(method: string, route: string, key: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.intakeUrl()}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  private cli(args: string[]) {
    const cli = path.join(REPO_ROOT, 'dist', 'apps', 'intake', 'src', 'manage-agencies', 'admin.cli.js');
    return run(process.execPath, [cli, ...args], { env: { ...process.env, DATABASE_URL: this.databaseUrl } });
  }
}
