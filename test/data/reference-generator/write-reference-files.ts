/**
 * Writes reference datasets as NDJSON files, streaming: entries are drawn one
 * at a time and written in chunks, so ten million of them take no more memory
 * than ten. Each file is written beside its name and renamed when complete,
 * so a reader never sees half a dataset.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { checkedReferenceOptions, COUNT_OPTION, referenceEntries, ReferenceOptions } from './generate-reference';
import { DATASET_FILES, ReferenceDataset, REFERENCE_DATASETS } from './reference-entries';

export interface WrittenDataset {
  dataset: ReferenceDataset;
  file: string;
  rows: number;
  bytes: number;
  milliseconds: number;
}

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARACTERS = 1 << 20;

export async function writeReferenceFiles(options: ReferenceOptions & { outDir: string }): Promise<WrittenDataset[]> {
  const { seed, counts } = checkedReferenceOptions(options);
  await mkdir(options.outDir, { recursive: true });
  const written: WrittenDataset[] = [];
  for (const dataset of REFERENCE_DATASETS) {
    written.push(
      await writeDataset(dataset, seed, counts[COUNT_OPTION[dataset]], join(options.outDir, DATASET_FILES[dataset])),
    );
  }
  return written;
}

async function writeDataset(
  dataset: ReferenceDataset,
  seed: number,
  count: number,
  file: string,
): Promise<WrittenDataset> {
  const started = performance.now();
  const partial = `${file}.partial`;
  const stream = createWriteStream(partial);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined); // raced below; this only keeps a late error from going unhandled
  let chunk = '';
  let bytes = 0;
  const flush = async () => {
    bytes += Buffer.byteLength(chunk);
    const ready = stream.write(chunk);
    chunk = '';
    if (!ready) await Promise.race([once(stream, 'drain'), failed]);
  };
  for (const entry of referenceEntries(dataset, seed, count)) {
    chunk += `${JSON.stringify(entry)}\n`;
    if (chunk.length >= CHUNK_CHARACTERS) await flush();
  }
  await flush();
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  await rename(partial, file);
  return { dataset, file, rows: count, bytes, milliseconds: performance.now() - started };
}
