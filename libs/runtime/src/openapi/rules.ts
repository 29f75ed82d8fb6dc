/**
 * How a validation rule reads in the API documentation. Every class-validator
 * rule has a name (`isString`, `maxLength`, or the `name` given to
 * `registerDecorator`, e.g. `isPartialDate`): the same name clients see in
 * `details[].rule`. Built-in rules are mapped by class-validator-jsonschema;
 * this registry fills its gaps and documents crosscheck's own rules. A DTO
 * author who writes a new rule documents it beside the decorator:
 *
 *   documentRule('isVin', { schema: { type: 'string' }, description: 'a VIN (ISO 3779) …' });
 *
 * A rule nobody documented still appears (typed from the property's design
 * type, described as "checked by rule X") and is reported, so a test can insist
 * that every rule is documented.
 */
import type { SchemaObject } from './schema-object';

export interface RuleContext {
  /** The rule's name, as in `details[].rule`. */
  rule: string;
  /** The DTO class that declares the property. */
  target: Function;
  property: string;
  /** The decorator's arguments, e.g. `[300]` for `@MaxLength(300)`. */
  constraints: unknown[];
  /** `{ each: true }`: the schema applies to each item of an array. */
  each: boolean;
}

type OrFromRule<T> = T | ((context: RuleContext) => T);

export interface RuleDoc {
  /** Merged into the property's schema (into `items` for `{ each: true }` rules). */
  schema?: OrFromRule<SchemaObject>;
  /** One sentence added to the property's description. */
  description?: OrFromRule<string>;
  /** For cross-field rules: merged (as `allOf`) into the schema of the class that declares the property. */
  objectSchema?: OrFromRule<SchemaObject>;
}

export class RuleRegistry {
  private readonly docs = new Map<string, RuleDoc>();

  constructor(entries: Record<string, RuleDoc> = {}) {
    for (const [rule, doc] of Object.entries(entries)) this.document(rule, doc);
  }

  document(rule: string, doc: RuleDoc): this {
    this.docs.set(rule, doc);
    return this;
  }

  get(rule: string): RuleDoc | undefined {
    return this.docs.get(rule);
  }

  has(rule: string): boolean {
    return this.docs.has(rule);
  }

  names(): string[] {
    return [...this.docs.keys()];
  }

  /** A copy with `overrides` on top, for one document. */
  with(overrides: Record<string, RuleDoc> = {}): RuleRegistry {
    const copy = new RuleRegistry();
    for (const [rule, doc] of this.docs) copy.document(rule, doc);
    for (const [rule, doc] of Object.entries(overrides)) copy.document(rule, doc);
    return copy;
  }
}

export function resolveRulePart<T>(part: OrFromRule<T> | undefined, context: RuleContext): T | undefined {
  return typeof part === 'function' ? (part as (context: RuleContext) => T)(context) : part;
}

const isoDateOrDateTime: RuleDoc = {
  schema: { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] },
  description: 'an ISO 8601 date or date-time, e.g. 2026-05-01 or 2026-05-01T12:00:00Z',
};

/**
 * Rules class-validator-jsonschema leaves out or maps for OpenAPI 3.0, and the
 * few it would type from the property's design type, which is wrong for
 * `{ each: true }`.
 */
export const BUILT_IN_RULES: Record<string, RuleDoc> = {
  isIso8601: isoDateOrDateTime,
  isDateString: isoDateOrDateTime,
  // class-validator accepts these codes in any case.
  isISO31661Alpha2: {
    schema: { type: 'string', pattern: '^[A-Za-z]{2}$', examples: ['FR'] },
    description: 'an ISO 3166-1 alpha-2 country code',
  },
  isISO31661Alpha3: {
    schema: { type: 'string', pattern: '^[A-Za-z]{3}$', examples: ['FRA'] },
    description: 'an ISO 3166-1 alpha-3 country code',
  },
  isISO4217CurrencyCode: {
    schema: { type: 'string', pattern: '^[A-Za-z]{3}$', examples: ['EUR'] },
    description: 'an ISO 4217 currency code',
  },
  isLocale: { schema: { type: 'string' }, description: 'a locale, e.g. en-GB' },
  isTimeZone: { schema: { type: 'string' }, description: 'an IANA time zone, e.g. Europe/Paris' },
  isLatitude: { schema: { type: ['number', 'string'] }, description: 'a latitude, -90 to 90' },
  isLongitude: { schema: { type: ['number', 'string'] }, description: 'a longitude, -180 to 180' },
  isUuid: { schema: { type: 'string', format: 'uuid' } },
  isUrl: { schema: { type: 'string', format: 'uri' } },
  isObject: { schema: { type: 'object' } },
  // Presence is what `required` says; `not: { type: 'null' }` beside a $ref only adds noise.
  isDefined: { schema: {} },
  isEmpty: { schema: { enum: ['', null] } },
  // A string or a RegExp, with flags JSON Schema patterns cannot carry.
  matches: {
    schema: ({ constraints: [pattern, modifiers] }) => {
      const source = pattern instanceof RegExp ? pattern.source : String(pattern);
      const flags = pattern instanceof RegExp ? pattern.flags : String(modifiers ?? '');
      return flags
        ? { type: 'string', pattern: source, 'x-pattern-flags': flags }
        : { type: 'string', pattern: source };
    },
  },
};

/** The registry every document starts from: built-in gaps, then the rules `documentRule` added beside their decorators. */
export const openApiRules = new RuleRegistry({ ...BUILT_IN_RULES });

/** Documents a custom rule (the `name` given to `registerDecorator`); call it beside the decorator. */
export function documentRule(rule: string, doc: RuleDoc): void {
  openApiRules.document(rule, doc);
}
