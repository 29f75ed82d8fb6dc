/**
 * A request body checked against a JSON Schema written with TypeBox, by a
 * validator compiled once: the same schema gives the static type, the check
 * and the OpenAPI description. What fails is answered in the one error format
 * (api-errors.ts), a field path and a rule name per problem, with the rule
 * names clients already switch on (`isString`, `maxLength`, `unknownField`…).
 * Rules a schema cannot say (one field required by another) are a `refine`
 * step that runs once the shape holds.
 */
import { HttpStatus } from '@nestjs/common';
import { FormatRegistry, type StaticDecode, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { ApiError, FieldProblem } from '../api-errors';

/** A named string format: its check, the rule name clients see, and the message for a value that fails it. */
export interface FormatRule {
  rule: string;
  check: (value: string) => boolean;
  message: (value: string) => string;
}

const FORMAT_RULES = new Map<string, FormatRule>();

/** Registers a string format (`Type.String({ format: name })`) once, process-wide. */
export function defineFormat(name: string, rule: FormatRule): void {
  if (FORMAT_RULES.has(name)) return;
  FORMAT_RULES.set(name, rule);
  FormatRegistry.Set(name, rule.check);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export interface CompiledSchema<S extends TSchema> {
  readonly schema: S;
  /** The value as the schema decodes it (country codes upper-cased and so on), or every problem found. */
  check(value: unknown): Checked<StaticDecode<S>>;
  /** As `check`, throwing the 400 `validation_failed` answer on a problem. */
  parse(value: unknown): StaticDecode<S>;
}

export function compileSchema<S extends TSchema>(
  schema: S,
  refine: (value: StaticDecode<S>) => FieldProblem[] = () => [],
): CompiledSchema<S> {
  const compiled = TypeCompiler.Compile(schema);
  const check = (value: unknown): Checked<StaticDecode<S>> => {
    if (!compiled.Check(value)) return { ok: false, problems: problemsOf(compiled.Errors(value)) };
    const decoded = compiled.Decode(value) as StaticDecode<S>;
    const problems = refine(decoded);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: decoded };
  };
  return {
    schema,
    check,
    parse(value) {
      const checked = check(value);
      if (!checked.ok) throw validationFailed(checked.problems);
      return checked.value;
    },
  };
}

/** The 400 answer for field problems, its message listing each. */
export function validationFailed(details: FieldProblem[]): ApiError {
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    'validation_failed',
    details.map((detail) => `${detail.field}: ${detail.message}`).join('; '),
    details,
  );
}

function problemsOf(errors: Iterable<ValueError>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const missing = new Set<string>();
  for (const error of errors) {
    // A missing field is reported once, not again as each of its rules.
    if (missing.has(error.path)) continue;
    if (error.type === ValueErrorType.ObjectRequiredProperty) missing.add(error.path);
    const problem = problemOf(error);
    if (!problems.some((seen) => seen.field === problem.field && seen.rule === problem.rule)) problems.push(problem);
  }
  return problems;
}

/** `/person/names/0/given` → `person.names[0].given`. */
export function fieldOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (field, segment) => (/^\d+$/.test(segment) ? `${field}[${segment}]` : field ? `${field}.${segment}` : segment),
      '',
    );
}

function problemOf(error: ValueError): FieldProblem {
  const schema = error.schema as TSchema & Record<string, unknown>;
  let field = fieldOf(error.path);
  // A rule on each item of a list of strings or numbers (or of a closed list of them) is reported on the list, as `each: …`.
  const item = /\[\d+\]$/.exec(field);
  const scalar = ['string', 'number', 'integer', 'boolean'].includes(String(schema.type));
  const closedList = Array.isArray(schema.anyOf) && schema.anyOf.every((option: object) => 'const' in option);
  if (item && (scalar || closedList)) field = field.slice(0, item.index);
  const [rule, message] = ruleOf(error, schema);
  return { field, rule, message: field !== fieldOf(error.path) ? `each ${message}` : message };
}

function ruleOf(error: ValueError, schema: Record<string, unknown>): [string, string] {
  const value = error.value;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      // A field's own rule says what it must be, of a missing field too.
      return ['isDefined', String(schema['x-required'] ?? schema['x-message'] ?? 'is required')];
    case ValueErrorType.ObjectAdditionalProperties:
      return ['unknownField', `property ${error.path.split('/').pop()} should not exist`];
    case ValueErrorType.Object:
      return ['isObject', 'must be an object'];
    case ValueErrorType.Array:
      return ['isArray', 'must be an array'];
    case ValueErrorType.String:
      return ['isString', 'must be a string'];
    case ValueErrorType.Boolean:
      return ['isBoolean', 'must be a boolean value'];
    case ValueErrorType.Integer:
      return ['isInt', 'must be an integer number'];
    case ValueErrorType.Number:
      return ['isNumber', 'must be a number'];
    case ValueErrorType.StringMinLength:
      return schema.minLength === 1
        ? ['isNotEmpty', 'should not be empty']
        : ['minLength', `must be longer than or equal to ${String(schema.minLength)} characters`];
    case ValueErrorType.StringMaxLength:
      return ['maxLength', `must be shorter than or equal to ${String(schema.maxLength)} characters`];
    case ValueErrorType.StringPattern:
      return ['matches', String(schema['x-message'] ?? `must match ${String(schema.pattern)}`)];
    case ValueErrorType.StringFormat: {
      const format = FORMAT_RULES.get(String(schema.format));
      return format ? [format.rule, format.message(String(value))] : ['format', `must be ${String(schema.format)}`];
    }
    case ValueErrorType.ArrayMinItems:
      return ['arrayMinSize', `must contain at least ${String(schema.minItems)} elements`];
    case ValueErrorType.ArrayMaxItems:
      return ['arrayMaxSize', `must contain no more than ${String(schema.maxItems)} elements`];
    case ValueErrorType.ArrayUniqueItems:
      return ['arrayUnique', 'all elements must be unique'];
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return ['min', `must not be less than ${String(schema.minimum)}`];
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return ['max', `must not be greater than ${String(schema.maximum)}`];
    case ValueErrorType.Union:
    case ValueErrorType.Literal: {
      const allowed = ((schema.anyOf as { const?: unknown }[] | undefined) ?? [schema]).map((option) => option.const);
      return ['isIn', String(schema['x-message'] ?? `must be one of the following values: ${allowed.join(', ')}`)];
    }
    default:
      return ['schema', error.message];
  }
}
