/**
 * The dlq CLI's command line, read without I/O: which command, which dead
 * letters (ids, or the list filters the operator API takes), why, and where
 * and as whom to ask.
 */
import { parseArgs } from 'node:util';

export const DEFAULT_ALERTING_URL = 'http://127.0.0.1:3004';

export type DlqCommand =
  | { command: 'list'; filters: Record<string, string> }
  | { command: 'show'; id: string }
  | { command: 'replay' | 'discard'; ids: string[]; filters: Record<string, string>; reason: string };

export interface DlqInvocation {
  run: DlqCommand;
  url: string;
  key: string;
  json: boolean;
}

export class UsageError extends Error {}

const FILTERS = ['topic', 'status', 'since', 'until', 'error', 'key', 'limit'] as const;

/** Reads the arguments after `npm run dlq --`; undefined asks for the help text. */
export function readDlqCommand(argv: string[], env: Record<string, string | undefined>): DlqInvocation | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(FILTERS.map((name) => [name, { type: 'string' as const }])),
        reason: { type: 'string' },
        url: { type: 'string' },
        'api-key': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...ids] = positionals;
  if (values.help || !command) return undefined;
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = (values as Record<string, unknown>)[name];
    if (typeof value === 'string') filters[name] = value;
  }
  const key = (values['api-key'] as string | undefined) || env.CROSSCHECK_API_KEY || '';
  if (!key) throw new UsageError('an operator API key is required: --api-key <key> or env CROSSCHECK_API_KEY');
  const url = ((values.url as string | undefined) || env.CROSSCHECK_ALERTING_URL || DEFAULT_ALERTING_URL).replace(
    /\/+$/,
    '',
  );
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--url ${url}: must be an http:// or https:// address`);
  const badId = ids.find((id) => !/^[1-9]\d{0,17}$/.test(id));
  if (badId !== undefined) throw new UsageError(`${badId}: a dead letter id is a number, as list shows it`);
  const invocation = { url, key, json: values.json === true };
  switch (command) {
    case 'list':
      if (ids.length > 0) throw new UsageError('list takes filters, not ids; use show <id>');
      return { ...invocation, run: { command, filters } };
    case 'show':
      if (ids.length !== 1 || Object.keys(filters).length > 0) throw new UsageError('show takes one dead letter id');
      return { ...invocation, run: { command, id: ids[0] } };
    case 'replay':
    case 'discard': {
      const reason = (values.reason as string | undefined)?.trim() ?? '';
      if (!reason) throw new UsageError(`${command} needs --reason "<why>": it is kept in the audit log`);
      if (ids.length > 0 && Object.keys(filters).length > 0)
        throw new UsageError(`${command} takes ids or filters, not both`);
      if (ids.length === 0 && Object.keys(filters).length === 0)
        throw new UsageError(`${command} needs dead letter ids, or filters such as --topic to pick them`);
      return { ...invocation, run: { command, ids, filters, reason } };
    }
    default:
      throw new UsageError(`unknown command ${command}; use list, show, replay or discard`);
  }
}
