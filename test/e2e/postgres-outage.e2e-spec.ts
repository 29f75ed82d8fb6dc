/**
 * Services ride out a Postgres outage on their own: nobody restarts them.
 * While the database is unreachable intake refuses new records (nothing is
 * acknowledged that was not stored) and dedup waits on what it consumed, and
 * when the database is back both carry on: every record is resolved once,
 * none dead-lettered. The outage is a cut link between the services and the
 * shared Postgres (a TCP relay in this test), so no other suite is disturbed.
 */
import { AddressInfo, createServer, connect, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { shareRecord, unknownPerson } from '../fixtures/records';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { endOffsets } from '../harness/topics';

jest.setTimeout(240_000);

/** A TCP relay to Postgres that can be cut, as a failed or restarting database server looks to its clients. */
class DatabaseLink {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly target: { host: string; port: number },
    public port = 0,
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Every open connection drops and new ones are refused. */
  async cut(): Promise<void> {
    const closed = new Promise((resolve) => this.server!.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  url(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}

let suite: Suite;
let intakeLink: DatabaseLink;
let dedupLink: DatabaseLink;

beforeAll(async () => {
  suite = await createSuite('pgoutage');
  const postgres = new URL(suite.databaseUrl);
  const target = { host: postgres.hostname, port: Number(postgres.port || 5432) };
  [intakeLink, dedupLink] = [new DatabaseLink(target), new DatabaseLink(target)];
  await Promise.all([intakeLink.open(), dedupLink.open()]);
  await suite.startWith('intake', { DATABASE_URL: intakeLink.url(suite.databaseUrl) });
  await suite.startWith('dedup', { DATABASE_URL: dedupLink.url(suite.databaseUrl) });
});

afterAll(async () => {
  await suite?.close();
  await Promise.allSettled([intakeLink?.cut(), dedupLink?.cut()]);
});

async function membersOf(recordIds: string[]): Promise<number> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT count(*)::int AS members FROM dedup.entity_members WHERE record_id = ANY($1::uuid[])',
      [recordIds],
    );
    return rows[0].members;
  } finally {
    await client.end();
  }
}

function people(count: number, label: string) {
  return Array.from({ length: count }, (_, index) =>
    unknownPerson({
      person: {
        names: [{ given: `${label}${index}`, family: 'Nyström' }],
        dateOfBirth: `19${60 + index}`,
        nationalities: ['SWE'],
      },
    }),
  );
}

it('dedup waits out its database and resolves every record it consumed meanwhile, once, with nothing dead-lettered', async () => {
  const sweden = await suite.agencies.key('SWE');
  await dedupLink.cut();

  const shared = await Promise.all(
    people(10, 'Waiting').map((record) => shareRecord(suite.url('intake'), sweden, record)),
  );
  expect(shared.map(({ status }) => status)).toEqual(Array(10).fill(201));
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const recordIds = shared.map(({ body }) => body.record.id as string);
  expect(await membersOf(recordIds)).toBe(0);

  await dedupLink.open();
  await waitForPipelineIdle(suite, 120_000);

  expect(await membersOf(recordIds)).toBe(10);
  expect((await endOffsets(suite, 'records.received.v1.dlq')).map(Number).reduce((a, b) => a + b, 0)).toBe(0);
});

it('intake refuses records while its database is gone, acknowledging none, and takes them again once it is back', async () => {
  const sweden = await suite.agencies.key('SWE');
  await intakeLink.cut();

  const refused = await shareRecord(suite.url('intake'), sweden, unknownPerson());
  expect(refused.status).toBeGreaterThanOrEqual(500);

  await intakeLink.open();
  const deadline = Date.now() + 60_000;
  let accepted = await shareRecord(suite.url('intake'), sweden, unknownPerson());
  while (accepted.status !== 201 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    accepted = await shareRecord(suite.url('intake'), sweden, unknownPerson());
  }
  expect(accepted.status).toBe(201);
  await waitForPipelineIdle(suite, 60_000);
  expect(await membersOf([accepted.body.record.id])).toBe(1);
});
