/** Loads reference data the way an operator does: the loader CLI, as a process. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { paths } from '@crosscheck/infra';
import type { Suite } from './suite';

export const DEMO_RED_NOTICES = path.join(paths.REPO_ROOT, 'test', 'data', 'reference', 'demo-red-notices.ndjson');

export async function loadNotices(suite: Suite, file = DEMO_RED_NOTICES): Promise<string> {
  const { code, stdout, stderr } = await loadReference(suite, ['--dataset', 'notices', '--file', file]);
  if (code !== 0) throw new Error(`loading notices failed: ${stderr}`);
  return stdout;
}

/** Runs the loader with the given arguments; resolves with its exit code and output whatever they are. */
export async function loadReference(
  suite: Suite,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = path.join(paths.REPO_ROOT, 'dist', 'apps', 'matching', 'src', 'load-reference', 'load-reference.cli.js');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: suite.databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}
