/**
 * The audit chain against a real Postgres, as services write it: two instances
 * of a service appending at once, some lines within their callers' transactions,
 * on a log that already had lines from before the chain. The chain stays one
 * line; an edit or a deletion made directly in the database is found and named,
 * and `npm run audit:verify` says so with its exit code.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { dropDatabase, ensureDatabase } from '@crosscheck/infra';
import { openDatabase } from '@crosscheck/persistence';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { testInfrastructure } from '../../../../test/harness/infrastructure';
import type { AuditEntry } from './audit-chain';
import { AuditLog } from './audit-log';
import { AuditLogChain1763800000910 } from './audit-log-chain.migration';
import { AuditLogDetail1763800000900, CreateAuditLog1763800000060 } from './audit-log.migration';
import { AuditPending1763800000920 } from './audit-pending.migration';
import { verifyAuditLog } from './audit-verify';

jest.setTimeout(60_000);

const infrastructure = testInfrastructure();
const databaseName = `cc_test_audit_${randomBytes(3).toString('hex')}`;
const schema = 'audittest';
const migrationsBeforeTheChain = [CreateAuditLog1763800000060, AuditLogDetail1763800000900];
let url: string;
const instances: DataSource[] = [];
let client: Client;

const entry = (action: string, n: number): AuditEntry => ({
  agency: n % 2 ? 'FRA' : 'ESP',
  keyId: '0123456789abcdef',
  action,
  recordIds: [`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`],
  outcome: 'ok',
  status: 200,
  traceId: null,
  detail: n % 3 ? null : `reason ${n}`,
});

beforeAll(async () => {
  url = await ensureDatabase(infrastructure.postgresAdminUrl, databaseName);
  // A log as it stood before the chain: lines without hashes.
  const before = await openDatabase({
    url,
    schema,
    applicationName: 'audit-test',
    migrations: migrationsBeforeTheChain,
  });
  for (const action of ['record.share', 'record.read', 'record.withdraw']) {
    await before.query("INSERT INTO audit_log (agency, action, outcome, status) VALUES ('FRA', $1, 'ok', 200)", [
      action,
    ]);
  }
  await before.destroy();
  const migrations = [...migrationsBeforeTheChain, AuditLogChain1763800000910, AuditPending1763800000920];
  for (const applicationName of ['audit-test-a', 'audit-test-b']) {
    instances.push(await openDatabase({ url, schema, applicationName, migrations }));
  }
  client = new Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await Promise.all(instances.map((instance) => instance.destroy()));
  await dropDatabase(infrastructure.postgresAdminUrl, databaseName);
});

const verify = async () => {
  const verdict = await verifyAuditLog(client, schema, true);
  if (!verdict.chained) throw new Error('the audit log is not chained');
  return verdict.report;
};

it('keeps one chain when two instances write at once, within their callers’ transactions or not', async () => {
  const writes = instances.flatMap((instance, i) => {
    const audit = new AuditLog(instance);
    return Array.from({ length: 20 }, (_, n) =>
      n % 4 === 0
        ? instance.transaction((transaction) =>
            audit.append(entry('alert.triage.acknowledged', i * 100 + n), transaction),
          )
        : audit.append(entry('record.share', i * 100 + n)),
    );
  });
  // A caller's transaction that fails takes its line with it, and leaves no hole in the chain.
  const failed = instances[0].transaction(async (transaction) => {
    await new AuditLog(instances[0]).append(entry('alert.owner.confirmed', 999), transaction);
    throw new Error('the triage failed');
  });
  await Promise.all([...writes, expect(failed).rejects.toThrow('the triage failed')]);
  // Lines written within transactions wait in the queue until an instance chains them; reading the log does.
  await new AuditLog(instances[1]).query({ limit: 1 });
  expect((await client.query(`SELECT count(*)::int AS lines FROM ${schema}.audit_pending`)).rows).toEqual([
    { lines: 0 },
  ]);

  const report = await verify();
  expect(report).toMatchObject({ lines: 43, unchainedLines: 3, breaks: [] });
  const { rows } = await client.query(
    `SELECT count(*)::int AS chained, count(DISTINCT prev_hash)::int AS predecessors FROM ${schema}.audit_log WHERE hash IS NOT NULL`,
  );
  expect(rows).toEqual([{ chained: 40, predecessors: 40 }]);
  const head = report.head!;
  expect(head.hash).toMatch(/^[0-9a-f]{64}$/);

  // Without schemas, every schema with an audit log in the database.
  const cli = await runAuditVerify();
  expect(cli.exitCode).toBe(0);
  expect(cli.stdout).toContain(
    `${schema}  intact  43 lines, 3 from before the chain (sealed by its first line); head ${schema}@${head.line.id}:${head.hash}`,
  );
  expect(cli.stdout).toContain('1 audit log(s) intact');
});

it('chains a queued line outside the trace of the request that queued it', async () => {
  // As in a service: the active span is the request's, carried through timers and promises.
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  try {
    const instance = instances[0];
    // The trace each statement of the chain's runs is made in, as the pg instrumentation would read it.
    const tracesOfChainRuns: (string | undefined)[] = [];
    const observed = new Proxy(instance, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if ((property !== 'query' && property !== 'transaction') || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          tracesOfChainRuns.push(trace.getSpanContext(context.active())?.traceId);
          return (value as (...args: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const audit = new AuditLog(observed);
    const request = trace.setSpanContext(ROOT_CONTEXT, {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    });
    await context.with(request, () =>
      instance.transaction((transaction) => audit.append(entry('record.share', 500), transaction)),
    );
    // The run armed by the line chains it, then looks once more for lines whose transactions had not committed.
    await waitUntilChained();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(tracesOfChainRuns.length).toBeGreaterThanOrEqual(2);
    expect(tracesOfChainRuns).toEqual(tracesOfChainRuns.map(() => undefined));
  } finally {
    contextManager.disable();
    context.disable();
  }
});

async function waitUntilChained(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await client.query(`SELECT count(*)::int AS lines FROM ${schema}.audit_pending`);
    if (rows[0].lines === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the queued line was not chained within 5 s');
}

it('fails a line Postgres refuses on its own, not the lines written with it', async () => {
  const audit = new AuditLog(instances[1]);
  const lines = [
    entry('record.read', 1),
    { ...entry('record.read', 2), recordIds: ['nul\u0000in an id'] },
    entry('record.read', 3),
  ];
  const outcomes = await Promise.allSettled(lines.map((line) => audit.append(line)));
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  await expect(verify()).resolves.toMatchObject({ lines: 46, breaks: [] });
});

it('refuses a line written around the chain', async () => {
  const unchained = client.query(
    `INSERT INTO ${schema}.audit_log (action, outcome, status) VALUES ('record.read', 'ok', 200)`,
  );
  await expect(unchained).rejects.toThrow(/audit_log_chained/);
});

it('names an edited line and a deleted one, and audit:verify fails', async () => {
  const { rows } = await client.query<{ id: string; action: string }>(
    `SELECT id::text AS id, action FROM ${schema}.audit_log WHERE hash IS NOT NULL ORDER BY id LIMIT 30`,
  );
  const [edited, beforeDeleted, deleted, afterDeleted] = [rows[5], rows[19], rows[20], rows[21]];
  await client.query(`ALTER TABLE ${schema}.audit_log DISABLE TRIGGER audit_log_no_update_or_delete`);
  await client.query(`UPDATE ${schema}.audit_log SET outcome = 'refused', status = 403 WHERE id = $1`, [edited.id]);
  await client.query(`DELETE FROM ${schema}.audit_log WHERE id = $1`, [deleted.id]);
  await client.query(`ALTER TABLE ${schema}.audit_log ENABLE TRIGGER audit_log_no_update_or_delete`);

  const report = await verify();
  expect(report.breaks).toEqual([
    { kind: 'edited', line: { id: edited.id, at: expect.any(String), action: edited.action } },
    {
      kind: 'unlinked',
      line: { id: afterDeleted.id, at: expect.any(String), action: afterDeleted.action },
      previous: expect.objectContaining({ id: beforeDeleted.id }),
    },
  ]);

  const cli = await runAuditVerify(schema);
  expect(cli.exitCode).toBe(1);
  expect(cli.stdout).toContain(`${schema}  BROKEN  2 break(s) in 45 lines`);
  expect(cli.stdout).toMatch(
    new RegExp(`line ${edited.id} \\(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, ${edited.action}\\) was edited`),
  );
  expect(cli.stdout).toMatch(
    new RegExp(`line ${afterDeleted.id} \\([^)]+\\) does not follow line ${beforeDeleted.id} \\(`),
  );
});

async function runAuditVerify(...args: string[]): Promise<{ exitCode: number; stdout: string }> {
  const root = join(__dirname, '../../../..');
  try {
    const { stdout } = await promisify(execFile)(
      join(root, 'node_modules/.bin/tsx'),
      [join(__dirname, 'audit-verify.cli.ts'), ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: url },
      },
    );
    return { exitCode: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { exitCode: failed.code, stdout: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
