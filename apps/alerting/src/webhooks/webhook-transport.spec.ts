import type { LookupAddress } from 'node:dns';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { webhookUrlProblem, WebhookTargets } from './webhook-target';
import { guardedLookup, ReceiverTimeoutError, TargetRefusedError, WebhookTransport } from './webhook-transport';

/** Stands for DNS: each name resolves to the addresses given, whatever the machine's resolver says. */
const dnsOf =
  (answers: Record<string, string[]>): LookupFunction =>
  (hostname, options, callback) => {
    const addresses: LookupAddress[] = (answers[hostname] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
    if (addresses.length === 0)
      return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  };

const lookupWith = (lookup: LookupFunction, hostname: string, all: boolean) =>
  new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>((resolve) =>
    lookup(hostname, { all }, (error, address, family) => resolve({ error, address, family })),
  );

describe('the connect-time lookup', () => {
  const dns = dnsOf({
    'hooks.example.org': ['93.184.215.14'],
    'rebound.example.org': ['127.0.0.1'],
    'metadata.example.org': ['169.254.169.254', 'fd00:ec2::254'],
    'mixed.example.org': ['10.0.0.1', '93.184.215.14'],
  });
  const byDefault = WebhookTargets.fromAllowlist('');

  it.each([
    ['hooks.example.org', ['93.184.215.14']],
    ['mixed.example.org', ['93.184.215.14']],
  ])('connects %s only to the public addresses it resolves to', async (hostname, expected) => {
    const answer = await lookupWith(guardedLookup(byDefault, 443, dns), hostname, true);
    expect(answer.error).toBeNull();
    expect((answer.address as LookupAddress[]).map(({ address }) => address)).toEqual(expected);
    expect(await lookupWith(guardedLookup(byDefault, 443, dns), hostname, false)).toEqual({
      error: null,
      address: expected[0],
      family: 4,
    });
  });

  it.each([
    [
      'rebound.example.org',
      'refused to connect to port 443 of rebound.example.org: it resolves only to 127.0.0.1, a loopback address',
    ],
    [
      'metadata.example.org',
      'refused to connect to port 443 of metadata.example.org: it resolves only to 169.254.169.254, a link-local address; fd00:ec2::254, a unique local address',
    ],
  ])('refuses %s, which resolves only to refused addresses', async (hostname, message) => {
    const answer = await lookupWith(guardedLookup(byDefault, 443, dns), hostname, true);
    expect(answer.error).toBeInstanceOf(TargetRefusedError);
    expect(answer.error?.message).toBe(message);
  });

  it('lets a listed address through on its port only', async () => {
    const allowlisted = WebhookTargets.fromAllowlist('127.0.0.1:9000');
    expect((await lookupWith(guardedLookup(allowlisted, 9000, dns), 'rebound.example.org', false)).address).toBe(
      '127.0.0.1',
    );
    expect(
      (await lookupWith(guardedLookup(allowlisted, 9001, dns), 'rebound.example.org', false)).error,
    ).toBeInstanceOf(TargetRefusedError);
  });

  it('passes resolver failures on as they are, to be retried', async () => {
    const answer = await lookupWith(guardedLookup(byDefault, 443, dns), 'gone.example.org', true);
    expect(answer.error).not.toBeInstanceOf(TargetRefusedError);
    expect((answer.error as NodeJS.ErrnoException).code).toBe('ENOTFOUND');
  });
});

describe('the webhook transport', () => {
  let receiver: Server;
  let port: number;
  let received: { headers: IncomingHttpHeaders; body: string }[];
  let connections: number;
  const transports: WebhookTransport[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        if (request.url === '/silent') return;
        response.writeHead(request.url === '/failing' ? 503 : 200).end('ok');
      });
    });
    receiver.on('connection', () => connections++);
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
  });

  beforeEach(() => {
    received = [];
    connections = 0;
  });

  afterAll(async () => {
    for (const transport of transports) transport.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  /** A transport whose DNS answers `rebound.example.org` with this machine's loopback, where the receiver listens. */
  const transportFor = (allowlist: string) => {
    const transport = new WebhookTransport(
      WebhookTargets.fromAllowlist(allowlist),
      dnsOf({ 'rebound.example.org': ['127.0.0.1'] }),
    );
    transports.push(transport);
    return transport;
  };
  const post = (transport: WebhookTransport, url: string, timeoutMs = 2_000) =>
    transport.post(new URL(url), { 'content-type': 'application/json' }, '{"event":"alert.raised"}', timeoutMs);

  it('refuses to connect to an IP address the rules refuse, and the receiver hears nothing', async () => {
    await expect(post(transportFor(''), `http://127.0.0.1:${port}/hook`)).rejects.toThrow(
      new TargetRefusedError(`refused to connect to port ${port} of 127.0.0.1, a loopback address`),
    );
    await expect(post(transportFor(''), `https://127.0.0.1:${port}/hook`)).rejects.toBeInstanceOf(TargetRefusedError);
    expect(connections).toBe(0);
  });

  it('refuses, when connecting, a name that passed registration but now resolves to a refused address', async () => {
    const url = `http://rebound.example.org:${port}/hook`;
    expect(webhookUrlProblem(url, WebhookTargets.fromAllowlist(''))).toBeUndefined();
    await expect(post(transportFor(''), url)).rejects.toThrow(
      new TargetRefusedError(
        `refused to connect to port ${port} of rebound.example.org: it resolves only to 127.0.0.1, a loopback address`,
      ),
    );
    await expect(post(transportFor(''), `https://rebound.example.org:${port}/hook`)).rejects.toBeInstanceOf(
      TargetRefusedError,
    );
    expect(connections).toBe(0);
  });

  it('delivers to a listed receiver, reached through the address the guarded lookup chose, on one kept-alive connection', async () => {
    const transport = transportFor(`127.0.0.1:${port}`);
    expect(await post(transport, `http://rebound.example.org:${port}/hook`)).toBe(200);
    expect(await post(transport, `http://rebound.example.org:${port}/failing`)).toBe(503);
    expect(received.map(({ headers, body }) => [headers.host, headers['content-type'], body])).toEqual([
      [`rebound.example.org:${port}`, 'application/json', '{"event":"alert.raised"}'],
      [`rebound.example.org:${port}`, 'application/json', '{"event":"alert.raised"}'],
    ]);
    expect(connections).toBe(1);
    expect(await post(transport, `http://127.0.0.1:${port}/hook`)).toBe(200);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    await expect(post(transportFor(`127.0.0.1:${port}`), `http://127.0.0.1:${port}/silent`, 300)).rejects.toThrow(
      new ReceiverTimeoutError('no answer within 300 ms'),
    );
    expect(received).toHaveLength(1);
  });
});
