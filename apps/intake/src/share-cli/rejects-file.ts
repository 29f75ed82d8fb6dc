/**
 * The rejects file of a share run: NDJSON, one RejectEntry per rejected line
 * or row, written as they come (so not necessarily in line order when two
 * batches are in flight), with backpressure so that a file full of bad rows
 * does not pile up in memory. It is emptied when the run starts, so that it
 * only ever describes the latest run, and removed at the end if nothing was
 * rejected.
 */
import { createWriteStream, WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { once } from 'node:events';
import type { RejectEntry } from './share-run';

export class RejectsFile {
  private written = 0;
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (error) => (this.failure ??= error));
  }

  static async open(path: string): Promise<RejectsFile> {
    const stream = createWriteStream(path, { flags: 'w', encoding: 'utf8' });
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.once('ready', () => {
        stream.off('error', reject);
        resolve();
      });
    });
    return new RejectsFile(path, stream);
  }

  get count(): number {
    return this.written;
  }

  async write(entry: RejectEntry): Promise<void> {
    if (this.failure) throw new Error(`cannot write the rejects file ${this.path}: ${this.failure.message}`);
    this.written++;
    if (!this.stream.write(`${JSON.stringify(entry)}\n`)) await once(this.stream, 'drain');
  }

  /** Closes and removes the file: the run did not get far enough for it to mean anything. */
  async discard(): Promise<void> {
    this.written = 0;
    await this.close().catch(() => undefined);
  }

  /** Flushes and closes; returns whether the file was kept (something was rejected). */
  async close(): Promise<boolean> {
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close');
      this.stream.end();
      await closed.catch(() => undefined);
    }
    if (this.failure) throw new Error(`cannot write the rejects file ${this.path}: ${this.failure.message}`);
    if (this.written > 0) return true;
    await unlink(this.path).catch(() => undefined);
    return false;
  }
}
