/**
 * Checks that every service's audit log is intact:
 *   npm run audit:verify [-- <schema>... [--anchor <schema>@<id>:<hash>]... [--json]]
 * Needs DATABASE_URL. Without schemas, checks every schema with an audit_log
 * table. Prints each log's head as `<schema>@<id>:<hash>`: record it elsewhere
 * and pass it back as --anchor, so that a later truncation back past it shows.
 * Exit code 0 when every log is intact, 1 when any is broken, 2 when one
 * cannot be checked (no such log, or not chained yet).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@crosscheck/runtime';
import { Client } from 'pg';
import { AuditAnchor, describeAuditChainBreak } from './audit-chain';
import { AuditVerifyConfig } from './audit-verify.config';
import { auditLogSchemas, AuditLogVerdict, verifyAuditLog } from './audit-verify';

const USAGE = 'usage: audit:verify [<schema>...] [--anchor <schema>@<id>:<hash>]... [--json]';
const ANCHOR = /^([a-z_][a-z0-9_]*)@(\d+):([0-9a-f]{64})$/;

const OPTIONS = {
  anchor: { type: 'string', multiple: true },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: OPTIONS });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const anchors = (values.anchor ?? []).map(parseAnchor);
  const config = loadConfig(AuditVerifyConfig);
  const client = new Client({ connectionString: config.DATABASE_URL, application_name: 'audit-verify' });
  await client.connect();
  try {
    const found = await auditLogSchemas(client);
    const wanted = positionals.length > 0 ? positionals : found.map((log) => log.schema);
    if (wanted.length === 0) throw new Error('no schema in this database has an audit_log table');
    const named = new Set([...wanted, ...anchors.map((anchor) => anchor.schema)]);
    const absent = [...named].filter((schema) => !found.some((log) => log.schema === schema));
    if (absent.length > 0) {
      const known = found.map((log) => log.schema).join(', ') || 'none';
      throw new Error(`no audit_log table in schema ${absent.join(', ')} (found: ${known})`);
    }
    const verdicts: AuditLogVerdict[] = [];
    for (const schema of wanted) {
      const chained = found.find((log) => log.schema === schema)!.chained;
      const anchored = anchors.filter((anchor) => anchor.schema === schema);
      verdicts.push(await verifyAuditLog(client, schema, chained, anchored));
    }
    process.stdout.write(values.json ? `${JSON.stringify(verdicts)}\n` : describeVerdicts(verdicts));
    if (verdicts.some((verdict) => !verdict.chained)) return 2;
    return verdicts.some((verdict) => verdict.chained && verdict.report.breaks.length > 0) ? 1 : 0;
  } finally {
    await client.end();
  }
}

function describeVerdicts(verdicts: AuditLogVerdict[]): string {
  const width = Math.max(...verdicts.map((verdict) => verdict.schema.length));
  const lines = verdicts.flatMap((verdict) => {
    const name = verdict.schema.padEnd(width);
    if (!verdict.chained) return [`${name}  NOT CHAINED  its service has not run the migration that chains its log`];
    const { lines: count, unchainedLines, breaks, head } = verdict.report;
    const before = unchainedLines > 0 ? `, ${unchainedLines} from before the chain (sealed by its first line)` : '';
    if (breaks.length > 0) {
      const found = breaks.map((broken) => `  ${describeAuditChainBreak(broken)}`);
      return [`${name}  BROKEN  ${breaks.length} break(s) in ${count} lines${before}`, ...found];
    }
    if (!head) return [`${name}  intact  ${count} lines${before}; no chained line yet`];
    const anchor = `${verdict.schema}@${head.line.id}:${head.hash}`;
    return [`${name}  intact  ${count} lines${before}; head ${anchor} (${head.line.at}, ${head.line.action})`];
  });
  const broken = verdicts.filter((verdict) => !verdict.chained || verdict.report.breaks.length > 0).length;
  const total = verdicts.length;
  lines.push(broken === 0 ? `${total} audit log(s) intact` : `${broken} of ${total} audit log(s) not intact`);
  return `${lines.join('\n')}\n`;
}

function parseAnchor(text: string): AuditAnchor & { schema: string } {
  const match = ANCHOR.exec(text);
  if (!match) throw new Error(`--anchor ${text}: must be <schema>@<id>:<hash>, as audit:verify prints a head`);
  return { schema: match[1], id: match[2], hash: match[3] };
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    process.exit(2);
  },
);
