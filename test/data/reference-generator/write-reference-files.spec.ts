import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReferenceData } from './generate-reference';
import { DATASET_FILES, REFERENCE_DATASETS } from './reference-entries';
import { writeReferenceFiles } from './write-reference-files';

const COUNTS = { notices: 300, sltd: 500, smv: 200, firearms: 50, artworks: 30 };
const directories: string[] = [];
const freshDirectory = () => {
  const directory = mkdtempSync(join(tmpdir(), 'reference-generator-'));
  directories.push(directory);
  return directory;
};
const read = (directory: string, name: string) => readFileSync(join(directory, name), 'utf8');

afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe('writeReferenceFiles', () => {
  it('writes each dataset as NDJSON, one entry per line, the entries generateReferenceData gives, and nothing else', async () => {
    const outDir = freshDirectory();
    const written = await writeReferenceFiles({ seed: 7, outDir, ...COUNTS });
    const data = generateReferenceData({ seed: 7, ...COUNTS });
    expect(readdirSync(outDir).sort()).toEqual(Object.values(DATASET_FILES).sort());
    for (const dataset of REFERENCE_DATASETS) {
      const text = read(outDir, DATASET_FILES[dataset]);
      expect(text.endsWith('\n')).toBe(true);
      expect(
        text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line)),
      ).toEqual(data[dataset]);
      expect(written.find((file) => file.dataset === dataset)).toMatchObject({
        rows: data[dataset].length,
        bytes: Buffer.byteLength(text),
      });
    }
  });

  it('writes the same bytes for the same seed, in chunks however many entries there are', async () => {
    const [first, second] = [freshDirectory(), freshDirectory()];
    // Enough SLTD entries to need several chunks of the writer.
    const counts = { ...COUNTS, sltd: 6_000 };
    await writeReferenceFiles({ seed: 11, outDir: first, ...counts });
    await writeReferenceFiles({ seed: 11, outDir: second, ...counts });
    for (const file of Object.values(DATASET_FILES)) expect(read(second, file)).toBe(read(first, file));
    expect(read(first, DATASET_FILES.sltd).length).toBeGreaterThan(1 << 20);
  });
});

describe('generate-reference.cli.ts', () => {
  it('writes the files writeReferenceFiles writes for the same options, and the labelled set with --cases', async () => {
    const [byCli, byFunction] = [freshDirectory(), freshDirectory()];
    const counts = Object.entries(COUNTS).flatMap(([option, count]) => [`--${option}`, String(count)]);
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      join(__dirname, 'generate-reference.cli.ts'),
      '--seed',
      '7',
      '--out-dir',
      byCli,
      '--cases',
      '10',
      '--quiet',
      ...counts,
    ]);
    await writeReferenceFiles({ seed: 7, outDir: byFunction, ...COUNTS });
    for (const file of Object.values(DATASET_FILES)) expect(read(byCli, file)).toBe(read(byFunction, file));
    const cases = read(byCli, 'matching-cases.ndjson')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(cases).toHaveLength(50);
    expect(cases[0]).toEqual(
      expect.objectContaining({ query: expect.any(Object), dataset: expect.any(String), variant: expect.any(String) }),
    );
  });

  it('refuses to run without --out-dir, saying why', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'generate-reference.cli.ts')], {
        stdio: 'pipe',
      }),
    ).toThrow(/--out-dir is required/);
  });
});
