/**
 * A benchmark's command-line options: `--flag`, `--name <positive number>`,
 * `--name <text>`. A number that is not positive (or not whole, where whole
 * numbers are asked for) stops the benchmark with a line naming the option.
 */
export interface BenchOptions {
  flag(name: string): boolean;
  number(name: string, fallback: number, rule?: { whole?: boolean }): number;
  string(name: string, fallback: string): string;
}

export function benchOptions({ wholeNumbers = false } = {}, args: string[] = process.argv.slice(2)): BenchOptions {
  const valueAfter = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index < 0 ? undefined : args[index + 1];
  };
  return {
    flag: (name) => args.includes(`--${name}`),
    number(name, fallback, { whole = wholeNumbers } = {}) {
      if (!args.includes(`--${name}`)) return fallback;
      const value = Number(valueAfter(name));
      if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value)))
        throw new Error(`--${name} needs a positive ${whole ? 'whole ' : ''}number`);
      return value;
    },
    string: (name, fallback) => valueAfter(name) ?? fallback,
  };
}
