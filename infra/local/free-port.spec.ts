/**
 * The ports services are started on: each one handed out once in turn, below
 * the system's ephemeral range, and never one something already listens on.
 */
import { createServer, type Server } from 'node:net';
import { freePort } from './service-process';

const listening: Server[] = [];
afterAll(async () => {
  await Promise.all(listening.map((server) => new Promise((resolve) => server.close(resolve))));
});

function listenOn(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    listening.push(server);
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

it('hands out a different port each time, below the ephemeral range, even while none is bound yet', async () => {
  // Services started together each ask before any of them listens: none may get another's port.
  const ports = await Promise.all(Array.from({ length: 50 }, () => freePort()));
  expect(new Set(ports).size).toBe(50);
  for (const port of ports) {
    expect(port).toBeGreaterThanOrEqual(20_000);
    expect(port).toBeLessThan(32_768);
  }
});

it('skips a port something listens on, when its turn comes round again', async () => {
  const held = await freePort();
  await listenOn(held);
  // A band is 400 ports: the next 400 turns pass the held one once.
  const next = [];
  for (let i = 0; i < 400; i++) next.push(await freePort());
  expect(next).not.toContain(held);
});
