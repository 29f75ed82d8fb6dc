/**
 * A benchmark's command-line options: `--flag`, `--name <positive number>`,
 * `--name <text>`, `--name 1,3` (whole numbers). A number that is not positive
 * (or not whole, where whole numbers are asked for; or below zero, where zero is
 * allowed) stops the benchmark with a line naming the option.
 */
export interface NumberRule {
  whole?: boolean;
  /** Zero is allowed too (`--failures 0`). */
  zero?: boolean;
}

export interface BenchOptions {
  flag(name: string): boolean;
  number(name: string, fallback: number, rule?: NumberRule): number;
  string(name: string, fallback: string): string;
  /** A comma-separated list of whole numbers from 1 to `max`. */
  wholeNumbers(name: string, fallback: string, max?: number): number[];
}

export function benchOptions({ wholeNumbers = false } = {}, args: string[] = process.argv.slice(2)): BenchOptions {
  const valueAfter = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index < 0 ? undefined : args[index + 1];
  };
  const string = (name: string, fallback: string) => valueAfter(name) ?? fallback;
  return {
    flag: (name) => args.includes(`--${name}`),
    number(name, fallback, { whole = wholeNumbers, zero = false } = {}) {
      if (!args.includes(`--${name}`)) return fallback;
      const value = Number(valueAfter(name));
      if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero) || (whole && !Number.isInteger(value)))
        throw new Error(`--${name} needs a ${zero ? 'non-negative' : 'positive'} ${whole ? 'whole ' : ''}number`);
      return value;
    },
    string,
    wholeNumbers: (name, fallback, max = Number.POSITIVE_INFINITY) =>
      string(name, fallback)
        .split(',')
        .map((text) => {
          const value = Number(text);
          if (!Number.isInteger(value) || value < 1 || value > max)
            throw new Error(
              `--${name}: each must be a whole number from 1${max < Infinity ? ` to ${max}` : ''}, not ${text}`,
            );
          return value;
        }),
  };
}
