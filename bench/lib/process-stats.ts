/**
 * Where a benchmark's CPU went, from Linux's /proc: the whole machine (so
 * other load on a shared box shows), single processes (a service, Postgres
 * backends), and this process. Also memory of a process and Prometheus
 * scrapes of a service's /metrics. Everything degrades to `undefined` off Linux.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Client } from 'pg';
import { round } from './stats';

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

function ownCpuSeconds(pid: number): number | undefined {
  const fields = statFields(pid);
  return fields && (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}

/** Resident memory now and at its peak, in bytes (VmRSS, VmHWM), of a process and its live children. */
export function processMemory(pid: number): { rssBytes: number; peakRssBytes: number } | undefined {
  const own = ownMemory(pid);
  if (!own) return undefined;
  for (const child of childrenOf(pid)) {
    const memory = ownMemory(child);
    own.rssBytes += memory?.rssBytes ?? 0;
    own.peakRssBytes += memory?.peakRssBytes ?? 0;
  }
  return own;
}

function ownMemory(pid: number): { rssBytes: number; peakRssBytes: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
  } catch {
    return undefined;
  }
}

/** /proc/<pid>/stat's fields from the 3rd (state) on, or undefined if the process is gone. */
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
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry) && Number(statFields(entry)?.[1]) === pid)
      .map(Number);
  } catch {
    return [];
  }
}

/** Processes whose `comm` (executable name) is `name`, e.g. every `postgres` process. */
export function processesNamed(name: string): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** A direct child of this process whose command line contains `needle` (e.g. a service's entry file). */
export function childProcessWith(needle: string): number | undefined {
  return childProcessesWith(needle)[0];
}

/** Every direct child of this process whose command line contains `needle`: the instances of one service. */
export function childProcessesWith(needle: string): number[] {
  const found: number[] = [];
  try {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (Number(statFields(entry)?.[1]) !== process.pid) continue;
        if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(needle))
          found.push(Number(entry));
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return found;
}

/** CPU seconds per process, read at one moment. */
export interface CpuSnapshot {
  at: number;
  machine?: { busy: number; total: number };
  self: NodeJS.CpuUsage;
  processes: Map<number, number>;
}

export function cpuSnapshot(pids: Iterable<number>): CpuSnapshot {
  const processes = new Map<number, number>();
  for (const pid of pids) {
    const seconds = processCpuSeconds(pid);
    if (seconds !== undefined) processes.set(pid, seconds);
  }
  return { at: performance.now(), machine: machineCpuSeconds(), self: process.cpuUsage(), processes };
}

export interface CpuUse {
  wallSeconds: number;
  /** Average busy CPUs of the whole machine (all processes, everyone's). */
  machineBusyCores?: number;
  machineCores?: number;
  /** Average CPUs this process used. */
  selfCores: number;
  /** Average CPUs the given processes used together; a process seen only at the end counts from zero (it started meanwhile). */
  cores(pids: Iterable<number>): number;
}

export function cpuBetween(start: CpuSnapshot, end: CpuSnapshot): CpuUse {
  const wallSeconds = (end.at - start.at) / 1000;
  const selfSeconds = (end.self.user - start.self.user + end.self.system - start.self.system) / 1e6;
  return {
    wallSeconds,
    machineBusyCores: start.machine && end.machine ? (end.machine.busy - start.machine.busy) / wallSeconds : undefined,
    machineCores: start.machine && end.machine ? (end.machine.total - start.machine.total) / wallSeconds : undefined,
    selfCores: selfSeconds / wallSeconds,
    cores(pids) {
      let seconds = 0;
      for (const pid of pids) {
        const last = end.processes.get(pid);
        if (last !== undefined) seconds += last - (start.processes.get(pid) ?? 0);
      }
      return seconds / wallSeconds;
    },
  };
}

/** What a benchmark watches the CPU of: named processes (a service, the broker) and the bench database's backends. */
export interface CpuWatch {
  processes: Record<string, number | undefined>;
  database?: { db: Client; name: string };
}

export type CpuSample = CpuSnapshot & { postgres: number[]; backends: number[] };

export async function cpuSample(watch: CpuWatch): Promise<CpuSample> {
  const backends = watch.database
    ? (
        await watch.database.db.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [watch.database.name])
      ).rows.map((row: { pid: number }) => Number(row.pid))
    : [];
  const postgres = processesNamed('postgres');
  const watched = Object.values(watch.processes).filter((pid): pid is number => pid !== undefined);
  return { ...cpuSnapshot(new Set([...watched, ...postgres, ...backends])), postgres, backends };
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
  const cpu = cpuBetween(before, after);
  const figures: Record<string, number> = {};
  const add = (who: string, cores: number) => {
    figures[`${prefix}${who}_cpu_cores`] = round(cores, 2);
    if (per?.of.includes(who))
      figures[`${prefix}${who}_cpu_ms_per_${per.unit}`] = round((cores * cpu.wallSeconds * 1000) / per.units, 3);
  };
  let accounted = cpu.selfCores + cpu.cores(after.postgres);
  for (const [who, pid] of Object.entries(watch.processes)) {
    if (pid === undefined) continue;
    accounted += cpu.cores([pid]);
    add(who, cpu.cores([pid]));
  }
  if (watch.database) add('postgres_backends', cpu.cores(new Set([...before.backends, ...after.backends])));
  add('postgres_all', cpu.cores(after.postgres));
  add('bench_client', cpu.selfCores);
  if (cpu.machineBusyCores !== undefined) {
    figures[`${prefix}machine_busy_cores`] = round(cpu.machineBusyCores, 2);
    figures[`${prefix}other_processes_cpu_cores`] = round(Math.max(0, cpu.machineBusyCores - accounted), 2);
  }
  return figures;
}

/** A Prometheus text exposition as series (`name{labels}`) → value. */
export async function scrapeMetrics(url: string): Promise<Map<string, number>> {
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
export function metricSum(series: Map<string, number>, name: string, ...labels: string[]): number {
  let sum = 0;
  for (const [key, value] of series) {
    const brace = key.indexOf('{');
    if ((brace < 0 ? key : key.slice(0, brace)) !== name) continue;
    if (labels.every((label) => key.includes(label))) sum += value;
  }
  return sum;
}

/** The upper bound of the bucket of histogram `name` (series with `label`) holding quantile q of the observations between two scrapes. */
export function histogramQuantile(
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
