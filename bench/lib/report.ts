/**
 * The report every `npm run bench:*` script writes: `bench/results/<name>.json`
 * with the machine it ran on, its parameters, its figures (named numbers, the
 * unit in the name: `records_per_s`, `p99_ms`, `ratio_vs_raw_insert`), the
 * goals it was held to and whether each was met, and free-text notes. Also
 * prints the figures and goals as a table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const RESULTS_DIR = path.resolve(__dirname, '..', 'results');

export type Figures = Record<string, number>;

export interface Goal {
  /** Human-readable target, e.g. `records_per_s >= 5000`. */
  target: string;
  met: boolean;
}

export interface BenchReport {
  name: string;
  date: string;
  machine: MachineInfo;
  parameters: Record<string, unknown>;
  figures: Figures;
  /** Each goal's name mapped to whether it was met; the targets are in `goal_targets`. */
  goals: Record<string, boolean>;
  goal_targets: Record<string, string>;
  notes: string[];
}

export interface MachineInfo {
  cpus: number;
  cpu_model: string;
  memory: string;
  memory_bytes: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages when the benchmark started: how busy the machine already was. */
  load_average_at_start: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model.trim() ?? 'unknown',
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    memory_bytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    load_average_at_start: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

export interface ReportInput {
  name: string;
  /** Taken at the start of the run; defaults to now. */
  machine?: MachineInfo;
  startedAt?: Date;
  parameters: Record<string, unknown>;
  figures: Figures;
  goals?: Record<string, Goal>;
  notes?: string[];
}

/**
 * Writes `bench/results/<name>.json` (atomically: a .tmp file renamed) and returns its path;
 * with `dir` null, only makes the report.
 */
export function writeReport(
  input: ReportInput,
  dir: string | null = RESULTS_DIR,
): { file?: string; report: BenchReport } {
  const goals = input.goals ?? {};
  const report: BenchReport = {
    name: input.name,
    date: (input.startedAt ?? new Date()).toISOString(),
    machine: input.machine ?? machineInfo(),
    parameters: input.parameters,
    figures: input.figures,
    goals: Object.fromEntries(Object.entries(goals).map(([name, goal]) => [name, goal.met])),
    goal_targets: Object.fromEntries(Object.entries(goals).map(([name, goal]) => [name, goal.target])),
    notes: input.notes ?? [],
  };
  if (dir === null) return { report };
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${input.name}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return { file, report };
}

/** Prints the figures, then the goals, as aligned two-column tables. */
export function printReport(report: BenchReport, print: (line: string) => void = console.log): void {
  const rows: [string, string][] = Object.entries(report.figures).map(([name, value]) => [name, formatNumber(value)]);
  const goalRows: [string, string][] = Object.entries(report.goals).map(([name, met]) => [
    name,
    `${met ? 'met    ' : 'NOT met'}  (${report.goal_targets[name]})`,
  ]);
  const width = Math.max(...[...rows, ...goalRows].map(([name]) => name.length), 6);
  const line = (left: string, right: string) => print(`  ${left.padEnd(width)}  ${right}`);
  print('');
  print(
    `${report.name} — ${report.date}, ${report.machine.cpus} CPUs, ${report.machine.memory}, Node ${report.machine.node}`,
  );
  line('figure', 'value');
  line('-'.repeat(width), '-'.repeat(12));
  for (const [name, value] of rows) line(name, value);
  if (goalRows.length > 0) {
    print('');
    line('goal', 'result');
    line('-'.repeat(width), '-'.repeat(12));
    for (const [name, value] of goalRows) line(name, value);
  }
  print('');
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: abs >= 100 ? 0 : abs >= 1 ? 2 : 3 });
}
