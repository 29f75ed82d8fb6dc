/** Loads reference data the way an operator does: the loader CLI, as a process. */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { paths } from '@crosscheck/infra';
import type { Suite } from './suite';

export const DEMO_RED_NOTICES = path.join(paths.REPO_ROOT, 'test', 'data', 'reference', 'demo-red-notices.ndjson');

export async function loadNotices(suite: Suite, file = DEMO_RED_NOTICES): Promise<string> {
  const cli = path.join(paths.REPO_ROOT, 'dist', 'apps', 'matching', 'src', 'load-reference', 'load-reference.cli.js');
  const { stdout } = await promisify(execFile)(process.execPath, [cli, '--file', file], {
    env: { ...process.env, DATABASE_URL: suite.databaseUrl },
  });
  return stdout;
}
