/**
 * Turns the environment into a validated, typed config object, or refuses to
 * start with one line per broken variable: `DATABASE_URL is invalid: must be a postgres:// URL`.
 * A config class is declared by the TypeBox schema of its settings (`configClass`),
 * checked by the same compiled-schema engine as request bodies, so a setting
 * says its rule once: its type, bounds, default and message.
 */
import { CloneType, type StaticDecode, type TObject, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FieldProblem } from './api-errors';
import { compileSchema, type CompiledSchema } from './schema/compiled-schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Rules between settings that a schema cannot say (one file required with another); a problem per setting. */
export type SettingsRule<T> = (config: T) => FieldProblem[];

/** A config class: its settings' schema and cross-setting rules, and instances typed by them with the class's methods. */
export interface ConfigClass<T> {
  new (): T;
  readonly settings: TObject;
  readonly rules: SettingsRule<never>[];
}

/**
 * The base of a config class: `class IntakeConfig extends configClass(IntakeSettings) {}`. Instances hold
 * the decoded settings; a subclass may add methods that read them.
 */
export function configClass<S extends TObject>(settings: S, ...rules: SettingsRule<StaticDecode<S>>[]) {
  return class {
    static readonly settings = settings;
    static readonly rules = rules;
  } as unknown as { new (): StaticDecode<S>; readonly settings: S; readonly rules: SettingsRule<never>[] };
}

/** The same setting with another default: a service's own port or schema over the shared declaration. */
export function withDefault<S extends TSchema>(setting: S, value: StaticDecode<S>): S {
  return { ...CloneType(setting), default: value };
}

/** `true`, `1`, `yes` and `false`, `0`, `no` (any case); anything else stays text, for the schema to refuse. */
function booleanFromEnv(text: string): boolean | string {
  const lower = text.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(lower)) return true;
  if (['false', '0', 'no'].includes(lower)) return false;
  return text;
}

/** A number where the setting is one and the text reads as one; otherwise the text, for the schema to refuse. */
function fromEnv(setting: TSchema, text: string): unknown {
  if (setting.type === 'boolean') return booleanFromEnv(text);
  if ((setting.type === 'integer' || setting.type === 'number') && /^\s*-?\d+(\.\d+)?\s*$/.test(text))
    return Number(text);
  return text;
}

const compiled = new WeakMap<ConfigClass<unknown>, CompiledSchema<TObject>>();

export function loadConfig<T extends object>(
  configClass: ConfigClass<T>,
  env: Record<string, string | undefined> = process.env,
): T {
  const { settings, rules } = configClass;
  // Only the declared settings: the environment holds much else. An empty variable counts as not set.
  const given: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings.properties)) {
    const text = env[name];
    if (text !== undefined && text !== '') given[name] = fromEnv(setting, text);
  }
  const schema =
    compiled.get(configClass) ?? compileSchema(settings, (config) => rules.flatMap((rule) => rule(config as never)));
  compiled.set(configClass, schema);
  const checked = schema.check(Value.Default(settings, given));
  if (!checked.ok) throw new ConfigError(checked.problems.map(describe));
  return Object.assign(new configClass(), checked.value);
}

function describe(problem: FieldProblem): string {
  return `${problem.field} ${problem.rule === 'isDefined' ? 'is missing' : 'is invalid'}: ${problem.message}`;
}

/** The problem of a setting another one requires (both HTTPS files, or neither). */
export function requiredWith(field: string, other: string): FieldProblem {
  return { field, rule: 'isDefined', message: `is required with ${other}` };
}
