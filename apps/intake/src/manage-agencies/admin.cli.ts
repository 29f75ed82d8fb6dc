/**
 * The admin CLI, for bootstrapping (the first admin key) and for scripts:
 *   npm run admin -- agency:create <CODE> <name>
 *   npm run admin -- agencies
 *   npm run admin -- key:issue <CODE> --roles agency,analyst [--label text]
 *   npm run admin -- keys <CODE>
 *   npm run admin -- key:rotate <keyId>
 *   npm run admin -- key:revoke <keyId>
 * Needs DATABASE_URL (and DATABASE_SCHEMA if not `intake`). A new key is
 * printed once, on its own line, for scripts to capture.
 */
import { parseArgs } from 'node:util';
import { isRole, Role, ROLES } from '@crosscheck/auth';
import { CreateOutboxAndInbox1763800000000, Outbox } from '@crosscheck/messaging';
import { openDatabase } from '@crosscheck/persistence';
import { ApiError, loadConfig } from '@crosscheck/runtime';
import { AgenciesRepository } from '../persistence/agencies.repository';
import { intakeMigrations } from '../migrations';
import { AGENCY_CODE_RULE } from './manage-agencies.schema';
import { ManageAgenciesService } from './manage-agencies.service';
import { IntakeAdminConfig } from './intake-admin.config';

const USAGE = `usage: admin agency:create <CODE> <name> | agencies | key:issue <CODE> --roles r1,r2 [--label text] | keys <CODE> | key:rotate <keyId> | key:revoke <keyId>`;

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      roles: { type: 'string' },
      label: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!command) throw new Error(USAGE);
  const config = loadConfig(IntakeAdminConfig);
  const dataSource = await openDatabase({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: 'intake-admin',
    migrations: [CreateOutboxAndInbox1763800000000, ...intakeMigrations],
  });
  const service = new ManageAgenciesService(
    dataSource,
    new AgenciesRepository(dataSource),
    new Outbox({ databaseSchema: config.DATABASE_SCHEMA }),
  );
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, values.json ? 0 : 2)}\n`);
  try {
    switch (command) {
      case 'agency:create': {
        const [code, ...name] = rest;
        if (!code || !AGENCY_CODE_RULE.test(code))
          throw new Error('agency:create: CODE must be 2-16 upper-case letters, digits or "-"');
        if (name.length === 0) throw new Error('agency:create: a name is required');
        print(await service.createAgency(code, name.join(' ')));
        break;
      }
      case 'agencies':
        print(await service.listAgencies());
        break;
      case 'key:issue': {
        const roles = (values.roles ?? '').split(',').filter(Boolean);
        const invalid = roles.filter((role) => !isRole(role));
        if (!rest[0] || roles.length === 0 || invalid.length > 0)
          throw new Error(
            `key:issue: --roles must list roles among ${ROLES.join(', ')}${invalid.length ? ` (not ${invalid.join(', ')})` : ''}`,
          );
        const issued = await service.issueKey(rest[0], roles as Role[], values.label ?? '');
        printKey(issued, values.json);
        break;
      }
      case 'keys':
        print(await service.listKeys(rest[0] ?? ''));
        break;
      case 'key:rotate':
        printKey(await service.rotateKey(rest[0] ?? ''), values.json);
        break;
      case 'key:revoke':
        print(await service.revokeKey(rest[0] ?? ''));
        break;
      default:
        throw new Error(USAGE);
    }
  } finally {
    await dataSource.destroy();
  }
}

function printKey(issued: { key: string; keyId: string; agency: string; roles: string[] }, json?: boolean): void {
  if (json) return void process.stdout.write(`${JSON.stringify(issued)}\n`);
  process.stderr.write(
    `key ${issued.keyId} for ${issued.agency} (${issued.roles.join(', ')}); it is shown only now:\n`,
  );
  process.stdout.write(`${issued.key}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`admin: ${message}\n`);
  process.exit(1);
});
