/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and says where the time
 * went: self time by function and by package, and inclusive time (the
 * function or package anywhere on the stack) by package and for chosen
 * functions. Optionally only between two moments, in the profile's clock
 * (CLOCK_MONOTONIC microseconds, the same clock as `process.hrtime` in any
 * process on the machine).
 *
 *   npx tsx bench/lib/cpu-profile.ts <file.cpuprofile> [--from <µs>] [--to <µs>] [--top 30]
 *     [--inclusive validate,plainToInstance,insertMany]
 */
import * as fs from 'node:fs';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  windowMs: number;
  sampledMs: number;
  /** Everything but (idle): time the process was on a CPU. */
  busyMs: number;
  selfByFunction: [string, number][];
  selfByPackage: [string, number][];
  inclusiveByPackage: [string, number][];
  inclusiveByFunction: [string, number][];
}

/** Where a script belongs: an npm package, an app or lib of this repo, a Node internal, or a V8 pseudo-frame. */
export function packageOf(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const repo = /\/dist\/(apps|libs)\/([^/]+)\/src\/(.*)$/.exec(url);
  if (repo) return `${repo[1]}/${repo[2]}/${repo[3].split('/')[0].replace(/\.js$/, '')}`;
  if (url.startsWith('node:'))
    return `node:${url.slice(5).split('/')[0] === 'internal' ? url.slice(14).split('/')[0] : url.slice(5)}`;
  return url;
}

function label(frame: CallFrame): string {
  const where = frame.url
    ? `${frame.url
        .replace(/^.*node_modules\//, '')
        .replace(/^.*\/dist\//, 'dist/')
        .replace(/^file:\/\//, '')}:${frame.lineNumber + 1}`
    : '';
  return `${frame.functionName || '(anonymous)'} ${where}`.trim();
}

export function summarizeProfile(
  profile: CpuProfile,
  options: { fromUs?: number; toUs?: number; top?: number; inclusive?: string[] } = {},
): ProfileSummary {
  const top = options.top ?? 25;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfFunction = new Map<string, number>();
  const selfPackage = new Map<string, number>();
  const inclusivePackage = new Map<string, number>();
  const inclusiveFunction = new Map<string, number>();
  const wanted = options.inclusive ?? [];
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);

  let at = profile.startTime;
  let sampled = 0;
  let idle = 0;
  const from = options.fromUs ?? Number.NEGATIVE_INFINITY;
  const to = options.toUs ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (at < from || at > to) continue;
    // A sample's weight is the gap to the next one (the last sample gets the previous gap).
    const us = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i];
    const leaf = byId.get(profile.samples[i])!;
    sampled += us;
    if (leaf.callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    add(selfFunction, label(leaf.callFrame), us);
    add(selfPackage, packageOf(leaf.callFrame), us);
    const packages = new Set<string>();
    const functions = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      packages.add(packageOf(frame));
      for (const name of wanted) if (frame.functionName === name) functions.add(name);
    }
    packages.delete('(root)');
    for (const name of packages) add(inclusivePackage, name, us);
    for (const name of functions) add(inclusiveFunction, name, us);
  }
  const ranked = (map: Map<string, number>, limit = top): [string, number][] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([key, us]) => [key, us / 1000]);
  const windowStart = Math.max(from, profile.startTime);
  const windowEnd = Math.min(to, profile.endTime);
  return {
    windowMs: (windowEnd - windowStart) / 1000,
    sampledMs: sampled / 1000,
    busyMs: (sampled - idle) / 1000,
    selfByFunction: ranked(selfFunction),
    selfByPackage: ranked(selfPackage),
    inclusiveByPackage: ranked(inclusivePackage),
    inclusiveByFunction: ranked(inclusiveFunction, wanted.length),
  };
}

/** A named share of the time: a sample belongs to the first bucket whose test accepts its stack (leaf first). */
export interface Bucket {
  name: string;
  test: (stack: CallFrame[]) => boolean;
}

/** On-CPU time per bucket (in order, first match wins; the rest is `other`), in ms. */
export function bucketize(
  profile: CpuProfile,
  buckets: Bucket[],
  options: { fromUs?: number; toUs?: number } = {},
): { busyMs: number; buckets: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stacks = new Map<number, CallFrame[]>();
  const stackOf = (id: number): CallFrame[] => {
    let stack = stacks.get(id);
    if (!stack) {
      stack = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
      stacks.set(id, stack);
    }
    return stack;
  };
  const totals = new Map<string, number>([
    ...buckets.map((bucket): [string, number] => [bucket.name, 0]),
    ['other', 0],
  ]);
  const verdict = new Map<number, string>();
  let busy = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (at < (options.fromUs ?? Number.NEGATIVE_INFINITY) || at > (options.toUs ?? Number.POSITIVE_INFINITY)) continue;
    const id = profile.samples[i];
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const us = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i];
    busy += us;
    let name = verdict.get(id);
    if (name === undefined) {
      const stack = stackOf(id);
      name = buckets.find((bucket) => bucket.test(stack))?.name ?? 'other';
      verdict.set(id, name);
    }
    totals.set(name, totals.get(name)! + us);
  }
  return { busyMs: busy / 1000, buckets: [...totals.entries()].map(([name, us]) => [name, us / 1000]) };
}

export function formatBuckets(result: { busyMs: number; buckets: [string, number][] }): string {
  return [
    `on CPU ${result.busyMs.toFixed(0)} ms, by bucket (each sample counted once):`,
    ...result.buckets.map(
      ([name, ms]) =>
        `  ${((100 * ms) / result.busyMs).toFixed(1).padStart(5)}% ${ms.toFixed(0).padStart(8)} ms  ${name}`,
    ),
  ].join('\n');
}

export function formatSummary(summary: ProfileSummary): string {
  const lines: string[] = [];
  const pct = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)}%`;
  lines.push(
    `window ${summary.windowMs.toFixed(0)} ms, on CPU ${summary.busyMs.toFixed(0)} ms (${((100 * summary.busyMs) / summary.sampledMs).toFixed(0)}% of sampled time); percentages are of on-CPU time`,
  );
  const table = (title: string, rows: [string, number][]) => {
    lines.push('', title);
    for (const [name, ms] of rows) lines.push(`  ${pct(ms)} ${ms.toFixed(0).padStart(8)} ms  ${name}`);
  };
  table('self time by package', summary.selfByPackage);
  table('inclusive time by package (anywhere on the stack)', summary.inclusiveByPackage);
  if (summary.inclusiveByFunction.length > 0) table('inclusive time of chosen functions', summary.inclusiveByFunction);
  table('self time by function', summary.selfByFunction);
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args.splice(index, 2)[1] : undefined;
  };
  const fromUs = option('from');
  const toUs = option('to');
  const top = option('top');
  const inclusive = option('inclusive');
  const file = args[0];
  if (!file) {
    process.stderr.write(
      'usage: tsx bench/lib/cpu-profile.ts <file.cpuprofile> [--from µs] [--to µs] [--top n] [--inclusive f1,f2]\n',
    );
    process.exit(2);
  }
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summarizeProfile(profile, {
    fromUs: fromUs ? Number(fromUs) : undefined,
    toUs: toUs ? Number(toUs) : undefined,
    top: top ? Number(top) : undefined,
    inclusive: inclusive?.split(','),
  });
  process.stdout.write(`${formatSummary(summary)}\n`);
}
