/**
 * `npm run lint` fails on what it is there to stop: an app importing another app, the
 * browser bundle importing server code, an import cycle, one use-case folder importing
 * another. Each probe is linted by the same CLIs and configuration `npm run lint` uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Lints `source` as if it were the file at `file` (relative to the repository), without writing it. */
function eslintProbe(file: string, source: string): LintMessage[] {
  const result = spawnSync(bin('eslint'), ['--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: root,
    input: source,
    encoding: 'utf8',
  });
  const start = result.stdout.indexOf('[');
  if (start < 0) throw new Error(`eslint gave no report: ${result.stderr}`);
  const [report] = JSON.parse(result.stdout.slice(start)) as { messages: LintMessage[] }[];
  return report.messages;
}

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs dependency-cruiser with this repository's rules over a tree of `files` written to a scratch folder. */
function cruiseProbe(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-cruise-'));
  try {
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), source);
    }
    const rules = JSON.stringify(path.join(root, '.dependency-cruiser.cjs'));
    writeFileSync(
      path.join(dir, '.dependency-cruiser.cjs'),
      `module.exports = { forbidden: require(${rules}).forbidden, options: { tsPreCompilationDeps: true } };\n`,
    );
    const result = spawnSync(
      bin('depcruise'),
      ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'apps'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    if (!result.stdout) throw new Error(`dependency-cruiser gave no report: ${result.stderr}`);
    return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const boundaryErrors = (messages: LintMessage[]) =>
  messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');

describe('project boundaries (ESLint, @nx/enforce-module-boundaries)', () => {
  it('lets an app import a library', () => {
    const messages = eslintProbe(
      'apps/intake/src/boundary-probe.ts',
      "import { ApiError } from '@crosscheck/runtime';\nexport const probe = ApiError;\n",
    );
    expect(messages).toEqual([]);
  });

  it('reports an app importing another app', () => {
    const messages = eslintProbe(
      'apps/intake/src/boundary-probe.ts',
      "import { MatchingConfig } from '../../matching/src/matching.config';\nexport const probe = MatchingConfig;\n",
    );
    expect(boundaryErrors(messages)).toHaveLength(1);
  });

  it('reports the browser app importing server code', () => {
    const messages = eslintProbe(
      'apps/console/web/src/boundary-probe.ts',
      "import { openDatabase } from '@crosscheck/persistence';\nexport const probe = openDatabase;\n",
    );
    expect(boundaryErrors(messages).map((m) => m.message)).toEqual([expect.stringContaining('platform:browser')]);
  });
});

describe('import graph (dependency-cruiser)', () => {
  it('reports a cycle, even one closed by a type-only import', () => {
    const violations = cruiseProbe({
      'apps/demo/src/model/alert.ts':
        "import type { Rule } from './rule';\nexport const alert = (rule: Rule) => rule.name;\n",
      'apps/demo/src/model/rule.ts':
        "import { alert } from './alert';\nexport interface Rule { name: string }\nexport const check = alert;\n",
    });
    expect(violations.map((v) => v.rule.name)).toContain('no-cycles');
  });

  it('reports a use-case folder importing another, and lets both import model/', () => {
    const violations = cruiseProbe({
      'apps/demo/src/model/rule.ts': 'export const rule = 1;\n',
      'apps/demo/src/check-thing/check.ts': "import { rule } from '../model/rule';\nexport const check = rule;\n",
      'apps/demo/src/share-thing/share.ts':
        "import { check } from '../check-thing/check';\nimport { rule } from '../model/rule';\nexport const share = check + rule;\n",
    });
    expect(violations.map((v) => [v.rule.name, v.from, v.to])).toEqual([
      ['no-slice-to-slice', 'apps/demo/src/share-thing/share.ts', 'apps/demo/src/check-thing/check.ts'],
    ]);
  });
});
