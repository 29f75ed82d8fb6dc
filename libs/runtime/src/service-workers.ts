/**
 * Several processes of one service behind its one port (`SERVICE_WORKERS`,
 * node:cluster): the primary only forks and watches; each worker boots the
 * whole service, and the operating system hands each connection to one of
 * them. A service whose own CPU limits it (intake's request handling) then
 * uses more cores. Everything they share is already safe for several
 * instances: rate limits are counted in Postgres, one outbox relay holds the
 * schema's advisory lock, the audit chain takes its lock per transaction, and
 * each worker is one more member of the service's consumer group.
 *
 * A worker that dies is forked again after a growing pause; SIGTERM/SIGINT go
 * to every worker, each drains as a single process does, and the primary
 * exits when the last one has stopped.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { reconnectDelayMs } from '@crosscheck/persistence';

/** A worker that keeps dying is forked again after 0.5 s, 1 s, 2 s ... up to 30 s. */
const RESTART_BACKOFF = { initialMs: 500, maxMs: 30_000 };

/** Whether this process is a worker forked by `superviseWorkers` (as opposed to the primary or a lone process). */
export function isServiceWorker(): boolean {
  return cluster.isWorker;
}

/** Forks `count` workers of this very script and keeps that many alive until a stop signal. */
export function superviseWorkers(name: string, count: number, logger: Logger): void {
  let stopping = false;
  let failedStarts = 0;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.once('online', () => logger.info({ worker: worker.id, pid: worker.process.pid }, `${name} worker started`));
    worker.once('listening', () => (failedStarts = 0));
    return worker;
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        logger.info(`${name} stopped: every worker has`);
        process.exit(0);
      }
      return;
    }
    const delayMs = reconnectDelayMs(RESTART_BACKOFF, failedStarts++);
    logger.error({ worker: worker.id, code, signal, restartInMs: delayMs }, `${name} worker exited; starting another`);
    setTimeout(() => {
      if (!stopping) fork();
    }, delayMs).unref();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: Object.keys(cluster.workers ?? {}).length }, `${name} stopping its workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  for (let index = 0; index < count; index++) fork();
  logger.info({ workers: count }, `${name} runs ${count} workers on one port`);
}
