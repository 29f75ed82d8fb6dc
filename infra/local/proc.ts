// Child-process plumbing shared by the launchers: spawning long-lived servers, stopping them,
// and making sure they never outlive this Node process.
//
// How children are tied to the parent, strongest first:
//  1. On Linux each server is exec'd through `setpriv --pdeathsig KILL`, so the kernel kills it
//     when this process dies for any reason, SIGKILL and crashes included.
//  2. A process 'exit' hook SIGKILLs every child still registered (covers platforms without
//     setpriv, and plain process.exit()).
//  3. SIGINT/SIGTERM/SIGHUP: if nothing else in the process listens for the signal, the children
//     are stopped gracefully and the signal is re-raised, so default behaviour is kept (a second
//     Ctrl-C kills them at once). If the application listens (e.g. cli.ts), it owns shutdown and
//     calls stop(); 1 and 2 are the backstop.
// Children are unref'd so a forgotten stop() never keeps the process alive; exit then kills them.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Supervised } from './supervisor';

export type LogFn = (line: string) => void;

export interface Running {
  stop(): Promise<void>;
  startedHere: boolean;
  /** Set when this launcher started the process and can start it again after a crash (see Supervisor). */
  supervised?: Supervised;
}

export interface Stoppable {
  kill(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export interface Child extends Stoppable {
  readonly proc: ChildProcess;
  /** Resolves when the process has exited, with a description of how. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  /** Last lines of the process output, for error messages. */
  tail(lines?: number): string;
}

const live = new Set<Stoppable>();
let hooksInstalled = false;

export function track(child: Stoppable): () => void {
  installHooks();
  live.add(child);
  return () => live.delete(child);
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    let firstAt = 0;
    const reraise = (): void => {
      process.removeListener(sig, onSignal);
      process.kill(process.pid, sig);
    };
    const onSignal = (): void => {
      if (process.listenerCount(sig) > 1) return;
      if (isEcho(firstAt)) return;
      if (firstAt) {
        for (const c of live) c.kill('SIGKILL'); // a second Ctrl-C: stop waiting ('exit' does not run on re-raise)
        return reraise();
      }
      firstAt = Date.now();
      void Promise.allSettled([...live].map((c) => c.stop())).finally(reraise);
    };
    process.on(sig, onSignal);
  }
}

/**
 * Under wrappers like tsx or npm one Ctrl-C arrives twice: once from the terminal to the whole
 * process group, once relayed by the wrapper. Only a repeat after a pause is a second Ctrl-C.
 */
export function isEcho(firstAt: number): boolean {
  return firstAt > 0 && Date.now() - firstAt < 1_000;
}

const pdeathsig = process.platform === 'linux' && fs.existsSync('/usr/bin/setpriv');

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Output goes here, unless `log` is given. */
  logFile: string;
  log?: LogFn;
  graceMs?: number;
}

export function spawnServer(cmd: string, args: string[], opts: SpawnOptions): Child {
  const [file, argv] = pdeathsig ? ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', cmd, ...args]] : [cmd, args];
  const ring: string[] = [];
  let out: number | 'pipe' = 'pipe';
  if (!opts.log) {
    fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
    out = fs.openSync(opts.logFile, 'a');
    fs.writeSync(out, `\n--- ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n`);
  }
  const proc = spawn(file, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', out, out] });
  if (typeof out === 'number') fs.closeSync(out);

  let done = false;
  const exited = new Promise<string>((resolve) => {
    proc.on('error', (err) => {
      done = true;
      resolve(`failed to start ${cmd}: ${err.message}`);
    });
    proc.on('exit', (code, signal) => {
      done = true;
      resolve(signal ? `killed by ${signal}` : `exited with code ${code}`);
    });
  });

  if (opts.log) {
    const log = opts.log;
    for (const stream of [proc.stdout, proc.stderr]) {
      if (!stream) continue;
      forEachLine(stream, (line) => {
        ring.push(line);
        if (ring.length > 200) ring.shift();
        log(line);
      });
      (stream as net.Socket).unref?.();
    }
  }
  proc.unref();

  const kill = (signal: NodeJS.Signals): void => {
    if (!done) proc.kill(signal);
  };
  const graceMs = opts.graceMs ?? 30_000;
  const child: Child = {
    proc,
    exited,
    hasExited: () => done,
    kill,
    tail: (lines = 40) => (opts.log ? ring : readTail(opts.logFile)).slice(-lines).join('\n'),
    async stop() {
      if (done) return;
      kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (timedOut) kill('SIGKILL');
      await exited;
    },
  };
  const untrack = track(child);
  void exited.then(untrack);
  return child;
}

/** SIGKILL, nothing drained, as an out-of-memory exit or `kill -9` would; resolves once it is gone. */
export async function crash(child: Child): Promise<void> {
  child.kill('SIGKILL');
  await child.exited;
}

function forEachLine(stream: NodeJS.ReadableStream, fn: (line: string) => void): void {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buf += chunk;
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const l of lines) fn(l.replace(/\r$/, ''));
  });
  stream.on('end', () => buf && fn(buf));
}

function readTail(file: string, bytes = 16_384): string[] {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const len = Math.min(size, bytes);
      const b = Buffer.alloc(len);
      fs.readSync(fd, b, 0, len, size - len);
      return b.toString('utf8').split('\n');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
}

/** True when something accepts TCP connections on host:port. */
export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const finish = (v: boolean): void => {
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(timeoutMs, () => finish(false));
    sock.once('connect', () => finish(true));
    sock.once('error', () => finish(false));
  });
}

/**
 * Polls `probe` until it returns true. Gives up after `timeoutMs`, or as soon as `gaveUp`
 * returns a reason (e.g. the child died), throwing an error built from that reason.
 */
export async function waitUntil(
  probe: () => Promise<boolean>,
  opts: { timeoutMs: number; intervalMs?: number; gaveUp?: () => string | undefined; describe: () => string },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    if (await probe()) return;
    const reason =
      opts.gaveUp?.() ?? (Date.now() > deadline ? `not ready after ${opts.timeoutMs / 1000} s` : undefined);
    if (reason) throw new Error(`${opts.describe()}: ${reason}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
}

export const noop: Running = { startedHere: false, stop: async () => undefined };

/** `java` from JAVA_HOME when set, so a machine with several JDKs uses the one the user chose. */
export function javaBin(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}
