/**
 * The dead-letter CLI, for operators, over alerting's operator API:
 *   npm run dlq -- list [--topic records.received.v1] [--status pending] [--since 2026-12-06T00:00:00Z]
 *                       [--until …] [--error text] [--key k] [--limit n]
 *   npm run dlq -- show <id>
 *   npm run dlq -- replay <id>… --reason "fixed the trigger"      (or filters instead of ids)
 *   npm run dlq -- discard <id>… --reason "test message"          (or filters instead of ids)
 * Key: --api-key or env CROSSCHECK_API_KEY (an operator key); address: --url or env
 * CROSSCHECK_ALERTING_URL. Replay and discard with filters act on the pending dead letters the
 * filters select. It imports nothing of the alerting service, so it runs anywhere Node does.
 */
import { DlqCommand, DlqInvocation, readDlqCommand, UsageError } from './dlq-command';

const HELP = `usage: npm run dlq -- <list|show|replay|discard> [ids] [options]

  list                      dead letters, newest first
  show <id>                 one dead letter: where it failed, why, its headers, what was done with it
  replay <id>… | filters    send the original messages back to their topics (needs --reason)
  discard <id>… | filters   close dead letters without replaying them (needs --reason)

filters: --topic <t,…> --status <pending|replayed|discarded,…> --since <instant> --until <instant>
         --error <text> --key <message key> --limit <n>
         (replay and discard with filters act on pending dead letters only)
options: --reason <why>  --api-key <operator key> (or env CROSSCHECK_API_KEY)
         --url <alerting address> (or env CROSSCHECK_ALERTING_URL)  --json
`;

interface Summary {
  deadLetterId: string;
  status: string;
  failedAt: string;
  topic: string;
  partition: number;
  offset: string;
  key: string;
  error: string;
  replays: number;
}

class ApiFailure extends Error {}

async function call<Answer>(invocation: DlqInvocation, method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${invocation.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${invocation.key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((error: unknown) => {
    throw new ApiFailure(`cannot reach alerting at ${invocation.url}: ${(error as Error).message}`);
  });
  const answer: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { error } = answer as { error?: { code: string; message: string } };
    throw new ApiFailure(`${response.status} ${error?.code ?? ''}: ${error?.message ?? response.statusText}`);
  }
  return answer as Answer;
}

async function list(invocation: DlqInvocation, filters: Record<string, string>): Promise<Summary[]> {
  const all: Summary[] = [];
  let cursor: string | null = null;
  const wanted = filters.limit === undefined ? Infinity : Number(filters.limit);
  do {
    const query: URLSearchParams = new URLSearchParams({ ...filters, ...(cursor ? { cursor } : {}) });
    const page: { deadLetters: Summary[]; nextCursor: string | null } = await call<{
      deadLetters: Summary[];
      nextCursor: string | null;
    }>(invocation, 'GET', `/v1/admin/dead-letters?${query}`);
    all.push(...page.deadLetters);
    cursor = page.nextCursor;
  } while (cursor && all.length < wanted);
  return all;
}

function printTable(rows: Summary[]): void {
  const lines = rows.map((row) =>
    [
      row.deadLetterId.padStart(6),
      row.status.padEnd(9),
      row.failedAt,
      `${row.topic}/${row.partition}/${row.offset}`.padEnd(34),
      row.key.padEnd(36),
      row.error.replace(/\s+/g, ' ').slice(0, 80),
    ].join('  '),
  );
  process.stdout.write(`${lines.join('\n')}${lines.length ? '\n' : ''}`);
  process.stderr.write(`${rows.length} dead letter${rows.length === 1 ? '' : 's'}\n`);
}

async function run(invocation: DlqInvocation, command: DlqCommand): Promise<number> {
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, invocation.json ? 0 : 2)}\n`);
  switch (command.command) {
    case 'list': {
      const rows = await list(invocation, command.filters);
      if (invocation.json) print(rows);
      else printTable(rows);
      return 0;
    }
    case 'show':
      print(await call(invocation, 'GET', `/v1/admin/dead-letters/${command.id}`));
      return 0;
    case 'replay':
    case 'discard': {
      const ids =
        command.ids.length > 0
          ? command.ids
          : (await list(invocation, { ...command.filters, status: 'pending' })).map((row) => row.deadLetterId);
      let failed = 0;
      for (const id of ids) {
        try {
          const done = await call<Summary>(invocation, 'POST', `/v1/admin/dead-letters/${id}/${command.command}`, {
            reason: command.reason,
          });
          process.stdout.write(`${id} ${done.status} (replays: ${done.replays})\n`);
        } catch (error) {
          failed++;
          process.stderr.write(`${id}: ${(error as Error).message}\n`);
        }
      }
      process.stderr.write(`${command.command}: ${ids.length - failed} of ${ids.length} done\n`);
      return failed > 0 ? 2 : 0;
    }
  }
}

async function main(): Promise<number> {
  const invocation = readDlqCommand(process.argv.slice(2), process.env);
  if (!invocation) {
    process.stdout.write(HELP);
    return 0;
  }
  return run(invocation, invocation.run);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq: ${(error as Error).message}\n`);
    if (error instanceof UsageError) process.stderr.write(HELP);
    process.exit(1);
  },
);
