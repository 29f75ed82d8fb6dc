/**
 * Validation rules of crosscheck's own, as class-validator decorators: partial
 * dates, names that are not empty, VINs (ISO 3779 shape), MRZs (ICAO 9303 check
 * digits). The rule names are what clients see in `details[].rule`; each is
 * documented for /docs right here, beside its decorator.
 */
import { PARTIAL_DATE_PATTERN } from '@crosscheck/contracts';
import { checkVin, parseMrz } from '@crosscheck/resolution';
import { documentRule } from '@crosscheck/runtime';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationArguments } from 'class-validator';

function rule(
  name: string,
  message: string | ((args: ValidationArguments) => string),
  validate: (value: unknown, args: ValidationArguments) => boolean,
) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message },
      validator: { validate },
    });
}

function partialDateExists(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = PARTIAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1800
  );
}

documentRule('isPartialDate', {
  schema: { type: 'string', pattern: PARTIAL_DATE_PATTERN.source, examples: ['1971', '1971-03', '1971-03-14'] },
  description: 'a partial date: YYYY, YYYY-MM or YYYY-MM-DD, and a date that exists',
});
documentRule('hasSomeName', {
  description: 'every name has at least one of full, given or family, present and not blank',
});
documentRule('isVin', {
  // Separators are dropped before the check, so only a lower bound on the length holds.
  schema: { type: 'string', minLength: 17, examples: ['1M8GDM9AXKP042788'] },
  description: 'a VIN (ISO 3779): 17 letters A-Z and digits, without I, O or Q; spaces, dashes and dots are ignored',
});
documentRule('isMrz', {
  schema: { type: 'string' },
  description:
    'an ICAO 9303 machine-readable zone, lines separated by newlines: TD1 (3 lines of 30), TD2 or MRV-B (2 lines of 36), ' +
    'TD3 or MRV-A (2 lines of 44), characters A-Z, 0-9 and <, with check digits that agree',
});

/** `1971`, `1971-03` or `1971-03-14`, a date that exists and is not in the future. */
export function IsPartialDate() {
  return rule(
    'isPartialDate',
    'must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future',
    (value) => {
      return (
        partialDateExists(value) &&
        new Date(`${String(value).padEnd(10, '-01').slice(0, 10)}T00:00:00Z`).getTime() <= Date.now()
      );
    },
  );
}

/** Like IsPartialDate, but the future is allowed (expiry dates). */
export function IsPartialDateAnyTime() {
  return rule('isPartialDate', 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists', partialDateExists);
}

/**
 * Every name in a list has at least one of `full`, `given` or `family`. Checked on the list, not on a
 * name's (optional) fields, where an absent field would skip the check.
 */
export function EveryNameHasAPart() {
  const hasPart = (name: unknown) =>
    typeof name === 'object' &&
    name !== null &&
    ['full', 'given', 'family'].some((part) => {
      const value = (name as Record<string, unknown>)[part];
      return typeof value === 'string' && value.trim().length > 0;
    });
  return rule(
    'hasSomeName',
    (args) => {
      const index = Array.isArray(args.value) ? args.value.findIndex((name) => !hasPart(name)) : -1;
      return `names[${index}] needs at least one of full, given or family`;
    },
    (value) => !Array.isArray(value) || value.every(hasPart),
  );
}

/** 17 characters, letters and digits without I, O or Q, separators allowed. The check digit is a warning, not a rule. */
export function IsVin() {
  return rule(
    'isVin',
    (args) => `must be a VIN: ${checkVin(String(args.value ?? '')).problems.join('; ') || 'not a string'}`,
    (value) => typeof value === 'string' && checkVin(value).valid,
  );
}

/** A machine-readable zone whose ICAO 9303 check digits agree. */
export function IsMrz() {
  return rule(
    'isMrz',
    (args) =>
      `must be a valid ICAO 9303 MRZ: ${parseMrz(String(args.value ?? '')).problems.join('; ') || 'not a string'}`,
    (value) => typeof value === 'string' && parseMrz(value).valid,
  );
}

/**
 * Country and agency codes are upper case. A client's `fra` is read as `FRA` rather than stored as
 * given, where it would never equal the `FRA` of a filter or a notice.
 */
export function UpperCased() {
  const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);
  return Transform(({ value }) => (Array.isArray(value) ? value.map(upper) : upper(value)));
}

documentRule('onlyForKind', {
  description: 'a record carries the body of its own kind only: a person record has `person` and no `vehicle`',
});

/** The body `field` belongs to records of kind `kind` only; on a record of another kind it is refused, not ignored. */
export function OnlyOnKind(kind: string) {
  return rule(
    'onlyForKind',
    (args) =>
      `must be absent for a record of kind ${String((args.object as { kind?: unknown }).kind)}; it belongs to a record of kind ${kind}`,
    (value, args) => value === undefined || (args.object as { kind?: unknown }).kind === kind,
  );
}
