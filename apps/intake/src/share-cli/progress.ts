/**
 * What the share CLI shows while it runs, on stderr (stdout is kept for the
 * summary): on a terminal, a cli-progress bar with records done / total, rate
 * and ETA, or a running count when the total is not known; otherwise (a log,
 * a pipe, CI) one plain line every 10 s. Notices (retries, waits) are printed
 * on their own line either way.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Tally } from './share-run';

export interface ProgressDisplay {
  update(tally: Readonly<Tally>): void;
  notice(message: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** How many records the file holds, when it was counted. */
  total?: number;
  stream?: NodeJS.WriteStream;
  /** Forces the plain-line mode (or the bar) whatever the stream is. */
  tty?: boolean;
  intervalMs?: number;
  now?: () => number;
}

export function startProgress(options: ProgressOptions = {}): ProgressDisplay {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const started = now();
  let total = options.total;
  let last: Readonly<Tally> | undefined;
  const rate = (tally: Readonly<Tally> | undefined) => {
    const seconds = (now() - started) / 1000;
    return tally && seconds > 0 ? tally.done / seconds : 0;
  };

  if (options.tty ?? stream.isTTY === true) {
    const known = total !== undefined;
    const bar = new SingleBar(
      {
        stream,
        format: known
          ? 'sharing {bar} {value}/{total} records | {rate}/s | ETA {eta_formatted} | {rejected} rejected'
          : 'sharing {value} records (total not counted) | {rate}/s | {rejected} rejected',
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
        formatValue: (value, _, type) =>
          type === 'value' || type === 'total' ? value.toLocaleString('en') : String(value),
      },
      Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: '0', rejected: 0 });
    return {
      update(tally) {
        last = tally;
        if (total !== undefined && tally.done > total) bar.setTotal((total = tally.done));
        bar.update(tally.done, { rate: Math.round(rate(tally)).toLocaleString('en'), rejected: tally.rejected });
      },
      notice(message) {
        stream.write(`\r\x1b[2K${message}\n`);
        if (last) bar.render();
      },
      stop() {
        bar.stop();
      },
    };
  }

  const timer = setInterval(() => {
    const done = last?.done ?? 0;
    const perSecond = rate(last);
    const parts = [
      total !== undefined
        ? `${done.toLocaleString('en')}/${total.toLocaleString('en')} records (${total > 0 ? Math.floor((100 * done) / total) : 100}%)`
        : `${done.toLocaleString('en')} records`,
    ];
    parts.push(`${Math.round(perSecond).toLocaleString('en')}/s`);
    if (total !== undefined && perSecond > 0)
      parts.push(`ETA ${formatDuration((1000 * Math.max(0, total - done)) / perSecond)}`);
    parts.push(`${last?.rejected ?? 0} rejected`);
    stream.write(`share: ${parts.join(', ')}\n`);
  }, options.intervalMs ?? 10_000);
  timer.unref();
  return {
    update(tally) {
      last = tally;
    },
    notice(message) {
      stream.write(`share: ${message}\n`);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}
