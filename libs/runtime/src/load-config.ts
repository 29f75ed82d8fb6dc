/**
 * Turns the environment into a validated, typed config object, or refuses to
 * start with one line per broken variable: `DATABASE_URL: must be a URL`.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * `@Transform(booleanFromEnv)` on a boolean setting: `true`, `1`, `yes` and
 * `false`, `0`, `no` (any case) are read as such; anything else is left as
 * it is, so `@IsBoolean()` refuses it and the service says which variable.
 */
export function booleanFromEnv({
  value,
  key,
  obj,
}: {
  value: unknown;
  key: string;
  obj: Record<string, unknown>;
}): unknown {
  // The text as the environment gave it: implicit conversion has already made any non-empty string `true`.
  const given = obj[key];
  if (typeof given !== 'string') return value;
  const text = given.toLowerCase();
  if (['true', '1', 'yes'].includes(text)) return true;
  if (['false', '0', 'no'].includes(text)) return false;
  return given;
}

export function loadConfig<T extends object>(
  configClass: ConfigClass<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(configClass, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.flatMap(describe));
  return config;
}

function describe(error: ValidationError): string[] {
  const rules = Object.values(error.constraints ?? {});
  const shown = error.value === undefined ? 'is missing' : 'is invalid';
  return rules.length > 0
    ? [`${error.property} ${shown}: ${rules.join('; ')}`]
    : (error.children ?? []).flatMap(describe);
}
