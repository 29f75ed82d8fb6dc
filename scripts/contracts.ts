/**
 * Kafka message contracts (proto/ → libs/contracts/src/gen).
 *
 *   npx tsx scripts/contracts.ts generate   buf generate into libs/contracts/src/gen
 *   npx tsx scripts/contracts.ts lint       buf lint (STANDARD)
 *   npx tsx scripts/contracts.ts breaking   buf breaking (FILE) against proto/baseline.binpb
 *   npx tsx scripts/contracts.ts baseline   rebuild proto/baseline.binpb (deliberate release only)
 *   npx tsx scripts/contracts.ts check      lint + breaking + generated code is up to date
 *
 * Uses the buf binary and the protoc-gen-es plugin from node_modules/.bin;
 * nothing is fetched from the Buf Schema Registry.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const BUF = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'buf.cmd' : 'buf');
const BASELINE = 'proto/baseline.binpb';
const GEN_DIR = 'libs/contracts/src/gen';

class Failure extends Error {}

function buf(args: string[], cwd = ROOT): void {
  if (!fs.existsSync(BUF)) {
    throw new Failure(`buf not found at ${path.relative(ROOT, BUF)}; run npm install`);
  }
  const res = spawnSync(BUF, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.stdout) process.stdout.write(res.stdout);
  if (res.stderr) process.stderr.write(res.stderr);
  if (res.error) throw new Failure(`buf ${args[0]} could not run: ${res.error.message}`);
  if (res.status !== 0) {
    throw new Failure(`buf ${args[0]} failed (exit ${res.status ?? res.signal})`);
  }
}

function generate(): void {
  buf(['generate']);
  console.log(`generated ${GEN_DIR}`);
}

function lint(): void {
  buf(['lint']);
  console.log('buf lint: ok');
}

function breaking(): void {
  if (!fs.existsSync(path.join(ROOT, BASELINE))) {
    throw new Failure(`${BASELINE} is missing; create it with: npx tsx scripts/contracts.ts baseline`);
  }
  buf(['breaking', '--against', BASELINE]);
  console.log(`buf breaking against ${BASELINE}: ok`);
}

function baseline(): void {
  buf(['build', '--exclude-source-info', '-o', BASELINE]);
  console.log(`wrote ${BASELINE}; commit it together with the .proto changes it releases`);
}

/** Relative paths of all files under dir, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

function checkGenerated(): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'contracts-gen-'));
  try {
    // --output prefixes the template's `out`, so this writes <tmp>/libs/contracts/src/gen.
    buf(['generate', '--output', tmp]);
    const expectedDir = path.join(tmp, GEN_DIR);
    const actualDir = path.join(ROOT, GEN_DIR);
    const expected = listFiles(expectedDir);
    const actual = listFiles(actualDir);
    const problems: string[] = [];
    for (const f of expected) {
      if (!actual.includes(f)) problems.push(`  missing:  ${GEN_DIR}/${f}`);
      else if (!fs.readFileSync(path.join(expectedDir, f)).equals(fs.readFileSync(path.join(actualDir, f)))) {
        problems.push(`  outdated: ${GEN_DIR}/${f}`);
      }
    }
    for (const f of actual) {
      if (!expected.includes(f)) problems.push(`  stale:    ${GEN_DIR}/${f} (no longer generated)`);
    }
    if (problems.length > 0) {
      throw new Failure(
        `${GEN_DIR} does not match what proto/ generates:\n${problems.join('\n')}\n` +
          'Run `npx tsx scripts/contracts.ts generate` and commit the result.',
      );
    }
    console.log(`${GEN_DIR} is up to date (${expected.length} files)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function check(): void {
  lint();
  breaking();
  checkGenerated();
  console.log('contracts check: ok');
}

const commands: Record<string, () => void> = { generate, lint, breaking, baseline, check };

function main(argv: string[]): number {
  const cmd = argv[0];
  const run = cmd ? commands[cmd] : undefined;
  if (!run || argv.length > 1) {
    console.error(`usage: tsx scripts/contracts.ts <${Object.keys(commands).join('|')}>`);
    return 2;
  }
  try {
    run();
    return 0;
  } catch (err) {
    if (err instanceof Failure) {
      console.error(`contracts ${cmd}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main(process.argv.slice(2));
