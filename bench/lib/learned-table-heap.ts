/**
 * What the learned transliteration tables hold in memory, measured honestly:
 * in a fresh process started with --expose-gc, the heap after a full
 * collection before the tables' module is imported, and again after the
 * tables are loaded (the generated text and the parsed maps, all of them kept
 * alive). Run by bench:names (learnedTableHeapMiB); run alone it prints the
 * figure.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const MiB = 1024 ** 2;

/** Heap the loaded tables retain, in MiB (one decimal), measured in a child process. */
export function learnedTableHeapMiB(): number {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--measure'], {
    cwd: path.resolve(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  const figure = Number(child.stdout.trim().split('\n').pop());
  if (child.status !== 0 || !Number.isFinite(figure))
    throw new Error(`measuring the learned tables failed: ${child.stderr || child.stdout}`);
  return figure;
}

function measure(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc');
  const settled = () => {
    for (let round = 0; round < 3; round++) collect();
    return process.memoryUsage().heapUsed;
  };
  const before = settled();
  // Required here, not imported at the top: the module holds the tables' text, which the first reading must not count.
  const learned =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../libs/resolution/src/names/learned/learned-transliteration') as typeof import('../../libs/resolution/src/names/learned/learned-transliteration');
  const sizes = learned.learnedTableSize();
  const after = settled();
  // `sizes` and `learned` stay referenced until here, so nothing loaded is collected before the second reading.
  if (Object.keys(sizes).length === 0) throw new Error('no learned tables');
  process.stdout.write(`${Math.round(((after - before) / MiB) * 10) / 10}\n`);
}

if (process.argv.includes('--measure')) measure();
