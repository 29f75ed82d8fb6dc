/**
 * Shows that the breaking-change check can fail: runs `buf breaking` (as
 * `scripts/contracts.ts breaking` does) on a temp copy of the workspace in
 * which a released field was renumbered or deleted. Spawns the buf binary.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const BUF = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'buf.cmd' : 'buf');
const RECORDS = 'proto/crosscheck/records/v1/records.proto';
const TIMEOUT_MS = 30_000;

function workspaceCopy(edit?: (proto: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contracts-breaking-'));
  fs.copyFileSync(path.join(ROOT, 'buf.yaml'), path.join(dir, 'buf.yaml'));
  fs.cpSync(path.join(ROOT, 'proto'), path.join(dir, 'proto'), { recursive: true });
  if (edit) {
    const file = path.join(dir, RECORDS);
    const before = fs.readFileSync(file, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    fs.writeFileSync(file, after);
  }
  return dir;
}

function bufBreaking(dir: string): { status: number | null; output: string } {
  const res = spawnSync(BUF, ['breaking', '--against', 'proto/baseline.binpb'], { cwd: dir, encoding: 'utf8' });
  if (res.error) throw res.error;
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

describe('buf breaking against proto/baseline.binpb', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const copy = (edit?: (proto: string) => string) => {
    const d = workspaceCopy(edit);
    dirs.push(d);
    return d;
  };

  it(
    'passes for the unchanged protos',
    () => {
      const res = bufBreaking(copy());
      expect(res.output).toBe('');
      expect(res.status).toBe(0);
    },
    TIMEOUT_MS,
  );

  it(
    'reports a renumbered field',
    () => {
      const res = bufBreaking(copy((p) => p.replace('string reason = 4;', 'string reason = 40;')));
      expect(res.status).not.toBe(0);
      expect(res.output).toContain('RecordWithdrawn');
      expect(res.output).toMatch(/field "4" with name "reason"/);
    },
    TIMEOUT_MS,
  );

  it(
    'reports a deleted field',
    () => {
      const res = bufBreaking(copy((p) => p.replace(/^\s*string case_ref = 10;\n/m, '\n')));
      expect(res.status).not.toBe(0);
      expect(res.output).toContain('SharedRecord');
      expect(res.output).toMatch(/field "10" with name "case_ref"/);
    },
    TIMEOUT_MS,
  );
});
