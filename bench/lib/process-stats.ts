/**
 * Where a benchmark's CPU went, from Linux's /proc: the whole machine (so
 * other load on a shared box shows), single processes (a service, Postgres
 * backends), and this process. Also memory of a process and Prometheus
 * scrapes of a service's /metrics. Everything degrades to `undefined` off Linux.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceName } from '@crosscheck/infra';
import type { Client } from 'pg';
import { mib, round } from './stats';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Busy and total CPU time of the whole machine so far, in seconds (summed over CPUs). */
export function machineCpuSeconds(): { busy: number; total: number } | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number); // user nice system idle iowait irq softirq steal
    const total = fields.reduce((sum, value) => sum + value, 0);
    const idle = fields[3] + fields[4];
    return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
  } catch {
    return undefined;
  }
}

/**
 * User + system CPU seconds a process and its live children (a service's workers, SERVICE_WORKERS) have used so
 * far, or undefined if it is gone.
 */
export function processCpuSeconds(pid: number): number | undefined {
  const own = ownCpuSeconds(pid);
  return own === undefined ? undefined : childrenOf(pid).reduce((sum, child) => sum + (ownCpuSeconds(child) ?? 0), own);
}

function ownCpuSeconds(pid: number | string): number | undefined {
  const fields = statFields(pid);
  return fields && (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}

/**
 * Resident memory now and at its peak, in bytes (VmRSS, VmHWM), of a process and its live children; undefined once
 * the process is gone.
 */
export function processMemory(pid: number): { rssBytes: number; peakRssBytes: number } | undefined {
  const own = ownMemory(pid);
  for (const child of own ? childrenOf(pid) : []) {
    const memory = ownMemory(child);
    own!.rssBytes += memory?.rssBytes ?? 0;
    own!.peakRssBytes += memory?.peakRssBytes ?? 0;
  }
  return own;
}

function ownMemory(pid: number): { rssBytes: number; peakRssBytes: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    const [rssBytes, peakRssBytes] = [kib('VmRSS'), kib('VmHWM')];
    // A process that has just exited (a zombie) has no memory lines: as good as gone.
    return Number.isNaN(rssBytes + peakRssBytes) ? undefined : { rssBytes, peakRssBytes };
  } catch {
    return undefined;
  }
}

/** /proc/<pid>/stat's fields from the 3rd (state) on; undefined once the process is gone. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The live direct children of a process. */
function childrenOf(pid: number): number[] {
  return processesWhere((entry) => Number(statFields(entry)?.[1]) === pid);
}

/** Processes whose /proc entry passes `test` (given the pid); one gone meanwhile does not. */
function processesWhere(test: (pid: string) => boolean): number[] {
  const passes = (pid: string) => {
    try {
      return test(pid);
    } catch {
      return false;
    }
  };
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry) && passes(entry))
      .map(Number);
  } catch {
    return [];
  }
}

/** Processes whose `comm` (executable name) is `name`, e.g. every `postgres` process. */
export function processesNamed(name: string): number[] {
  return processesWhere((pid) => fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name);
}

/** Every direct child of this process whose command line contains `needle`. */
export function childProcessesWith(needle: string): number[] {
  return processesWhere((pid) => {
    if (Number(statFields(pid)?.[1]) !== process.pid) return false;
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(needle);
  });
}

/** The processes of a service this run started from dist/: one per instance. */
export function servicePids(name: ServiceName): number[] {
  return childProcessesWith(path.join('dist', 'apps', name, 'src', 'main.js'));
}

/** The process of a service this run started, undefined where /proc does not show it. */
export function servicePid(name: ServiceName): number | undefined {
  return servicePids(name)[0];
}

/** The Kafka broker if this run started it (a reused one is someone else's), else undefined. */
export function kafkaPid(): number | undefined {
  return childProcessesWith('kafka.Kafka')[0];
}

/**
 * A process's resident memory, watched: `sample()` whenever it may be at its highest; `now()` gives
 * its RSS and its peak (the larger of VmHWM and the samples) in MiB, undefined where it is not seen.
 */
export function memoryWatch(pid: number | undefined) {
  let sampledPeak = 0;
  const sample = () => {
    const memory = pid === undefined ? undefined : processMemory(pid);
    if (memory) sampledPeak = Math.max(sampledPeak, memory.rssBytes);
    return memory;
  };
  return {
    sample,
    now() {
      const memory = sample();
      return memory && { rssMib: mib(memory.rssBytes), peakMib: mib(Math.max(memory.peakRssBytes, sampledPeak)) };
    },
  };
}

/** What a benchmark watches the CPU of: named processes (a service, the broker) and the bench database's backends. */
export interface CpuWatch {
  processes: Record<string, number | undefined>;
  database?: { db: Client; name: string };
}

/** CPU seconds so far of the machine, this process and each watched process (Postgres's and the backends' too). */
export interface CpuSample {
  at: number;
  machine?: { busy: number; total: number };
  self: NodeJS.CpuUsage;
  processes: Map<number, number>;
  postgres: number[];
  backends: number[];
}

export async function cpuSample(watch: CpuWatch): Promise<CpuSample> {
  const backends = watch.database
    ? (
        await watch.database.db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [watch.database.name])
      ).rows.map((row: { pid: number }) => Number(row.pid))
    : [];
  const postgres = processesNamed('postgres');
  const watched = Object.values(watch.processes).filter((pid): pid is number => pid !== undefined);
  const processes = new Map<number, number>();
  for (const pid of new Set([...watched, ...postgres, ...backends])) {
    const seconds = processCpuSeconds(pid);
    if (seconds !== undefined) processes.set(pid, seconds);
  }
  return {
    at: performance.now(),
    machine: machineCpuSeconds(),
    self: process.cpuUsage(),
    processes,
    postgres,
    backends,
  };
}

/**
 * `<prefix><who>_cpu_cores`, the average CPUs used between two samples, for each watched process, the
 * bench database's Postgres backends (`postgres_backends`; those that connected meanwhile count from
 * zero), all of Postgres (`postgres_all`) and this client (`bench_client`); `<prefix>machine_busy_cores`,
 * everyone's, and `<prefix>other_processes_cpu_cores`, what none of those account for (others' work on a
 * shared machine). `per` adds `<prefix><who>_cpu_ms_per_<unit>` for the processes it names.
 */
export function cpuFigures(
  prefix: string,
  before: CpuSample,
  after: CpuSample,
  watch: CpuWatch,
  per?: { units: number; unit: string; of: string[] },
): Record<string, number> {
  const wallSeconds = (after.at - before.at) / 1000;
  /** Average CPUs the processes used together; a process seen only at the end counts from zero (it started meanwhile). */
  const cores = (pids: Iterable<number>) => {
    let seconds = 0;
    for (const pid of pids) {
      const last = after.processes.get(pid);
      if (last !== undefined) seconds += last - (before.processes.get(pid) ?? 0);
    }
    return seconds / wallSeconds;
  };
  const selfCores = (after.self.user - before.self.user + after.self.system - before.self.system) / 1e6 / wallSeconds;
  const figures: Record<string, number> = {};
  const add = (who: string, used: number) => {
    figures[`${prefix}${who}_cpu_cores`] = round(used, 2);
    if (per?.of.includes(who))
      figures[`${prefix}${who}_cpu_ms_per_${per.unit}`] = round((used * wallSeconds * 1000) / per.units, 3);
  };
  let accounted = selfCores + cores(after.postgres);
  for (const [who, pid] of Object.entries(watch.processes)) {
    if (pid === undefined) continue;
    accounted += cores([pid]);
    add(who, cores([pid]));
  }
  if (watch.database) add('postgres_backends', cores(new Set([...before.backends, ...after.backends])));
  add('postgres_all', cores(after.postgres));
  add('bench_client', selfCores);
  if (before.machine && after.machine) {
    const machineBusyCores = (after.machine.busy - before.machine.busy) / wallSeconds;
    figures[`${prefix}machine_busy_cores`] = round(machineBusyCores, 2);
    figures[`${prefix}other_processes_cpu_cores`] = round(Math.max(0, machineBusyCores - accounted), 2);
  }
  return figures;
}

/**
 * Scrapes a service's /metrics now; the function it gives scrapes again and tells what changed in
 * between (undefined where either scrape failed): `delta`, of the sum of a metric's series with all of
 * `labels` (e.g. `route="/v1/records"`), and `quantile`, the upper bound of the bucket of a histogram's
 * series with `label` holding quantile q of the observations.
 */
export async function metricsWindow(url: string) {
  const before = await scrapeMetrics(url).catch(() => undefined);
  return async () => {
    const after = await scrapeMetrics(url).catch(() => undefined);
    if (!before || !after) return undefined;
    return {
      delta: (name: string, ...labels: string[]) =>
        metricSum(after, name, ...labels) - metricSum(before, name, ...labels),
      quantile: (name: string, label: string, q: number) => histogramQuantile(before, after, name, label, q),
    };
  };
}

/** A Prometheus text exposition as series (`name{labels}`) → value. */
async function scrapeMetrics(url: string): Promise<Map<string, number>> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const series = new Map<string, number>();
  for (const line of (await response.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    series.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return series;
}

/** Sum of every series of metric `name` whose labels contain all of `labels` (e.g. `route="/v1/records"`). */
function metricSum(series: Map<string, number>, name: string, ...labels: string[]): number {
  let sum = 0;
  for (const [key, value] of series) {
    const brace = key.indexOf('{');
    if ((brace < 0 ? key : key.slice(0, brace)) !== name) continue;
    if (labels.every((label) => key.includes(label))) sum += value;
  }
  return sum;
}

/** The upper bound of the bucket of histogram `name` (series with `label`) holding quantile q of the observations between two scrapes. */
function histogramQuantile(
  before: Map<string, number>,
  after: Map<string, number>,
  name: string,
  label: string,
  q: number,
): number {
  const buckets: [number, number][] = [];
  for (const [series, value] of after) {
    if (!series.startsWith(`${name}_bucket{`) || !series.includes(label)) continue;
    const bound = /le="([^"]+)"/.exec(series)?.[1];
    if (bound)
      buckets.push([bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound), value - (before.get(series) ?? 0)]);
  }
  buckets.sort((a, b) => a[0] - b[0]);
  const total = buckets.at(-1)?.[1] ?? 0;
  return buckets.find(([, count]) => count >= q * total)?.[0] ?? Number.NaN;
}
