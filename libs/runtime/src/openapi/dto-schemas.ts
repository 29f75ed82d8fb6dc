/**
 * JSON Schemas (OpenAPI 3.1) of request DTOs, read from the same class-validator
 * and class-transformer metadata the ValidationPipe validates with: no schema is
 * written by hand, so the documentation cannot say one thing while the
 * validator checks another. class-validator-jsonschema maps the built-in rules;
 * on top of it this resolves nested DTOs (`@ValidateNested` + `@Type`) into
 * named components, documents custom rules from a `RuleRegistry`, decides
 * `required` the way the validator does, and writes each property's
 * description from its rules and their messages.
 */
import 'reflect-metadata';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { resolveRulePart, RuleContext, RuleRegistry } from './rules';
import type { SchemaObject } from './schema-object';

// class-transformer keeps @Type/@Expose/@Exclude metadata here and does not export it from its index.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage: transformerStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: TransformerStorage;
};

export const COMPONENT_SCHEMAS = '#/components/schemas/';

export interface DtoSchemaOptions {
  rules: RuleRegistry;
  /**
   * Whether unknown fields are refused, as with the ValidationPipe's
   * `forbidNonWhitelisted` (every crosscheck service): `additionalProperties: false`.
   */
  forbidUnknownFields?: boolean;
}

const PRIMITIVES = new Map<unknown, SchemaObject>([
  [String, { type: 'string' }],
  [Number, { type: 'number' }],
  [Boolean, { type: 'boolean' }],
]);

/** Validators that let an absent value through: a property with only these is not required. */
const PASSES_UNDEFINED = new Set<string>([
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.WHITELIST,
  ValidationTypes.CONDITIONAL_VALIDATION,
]);

export class DtoSchemas {
  /** Named schemas, for `components.schemas`: each DTO reached, under its class name. */
  readonly components: Record<string, SchemaObject> = {};
  /** Rules without documentation and nested DTOs without a resolvable class: `Class.property: …`. */
  readonly problems: string[] = [];
  private readonly names = new Map<Function, string>();
  private readonly pending: Function[] = [];
  private readonly storage = getMetadataStorage();
  private readonly converters: Record<string, (meta: ValidationMetadata) => SchemaObject>;

  constructor(private readonly options: DtoSchemaOptions) {
    this.converters = {
      [ValidationTypes.NESTED_VALIDATION]: (meta) => this.nested(meta),
      [ValidationTypes.CUSTOM_VALIDATION]: (meta) => this.customFallback(meta),
    };
    for (const rule of options.rules.names()) {
      const doc = options.rules.get(rule)!;
      if (doc.schema !== undefined)
        this.converters[rule] = (meta) => structuredClone(resolveRulePart(doc.schema, this.context(meta, rule)) ?? {});
    }
  }

  /** Whether the global ValidationPipe validates a parameter of this type: a class with class-validator rules. */
  isDto(type: unknown): type is Function {
    return (
      typeof type === 'function' &&
      !PRIMITIVES.has(type) &&
      this.storage.getTargetValidationMetadatas(type, '', true, false).length > 0
    );
  }

  /** `{ $ref }` to the DTO's schema, generating it and every DTO it nests on first use. */
  ref(dto: Function): SchemaObject {
    const name = this.nameOf(dto);
    while (this.pending.length > 0) {
      const next = this.pending.shift()!;
      this.components[this.names.get(next)!] = this.generate(next);
    }
    return { $ref: COMPONENT_SCHEMAS + name };
  }

  /**
   * A JSON Schema (a TypeBox schema) as written: each subschema with an `$id` becomes a named component,
   * referenced where it was; the schema itself too, when it has one.
   */
  refSchema(schema: SchemaObject): SchemaObject {
    const hoist = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(hoist);
      if (node === null || typeof node !== 'object') return node;
      const out: SchemaObject = {};
      for (const [key, value] of Object.entries(node)) if (key !== '$id') out[key] = hoist(value);
      // A closed list (TypeBox's union of literals) reads better in the documents as an `enum`.
      const options = out.anyOf;
      if (options?.length && options.every((option) => option.type === 'string' && 'const' in option)) {
        delete out.anyOf;
        Object.assign(out, { type: 'string', enum: options.map((option) => option.const) });
      }
      const id = (node as SchemaObject).$id;
      if (typeof id !== 'string') return out;
      this.components[id] ??= out;
      return { $ref: COMPONENT_SCHEMAS + id };
    };
    return hoist(schema) as SchemaObject;
  }

  /** The generated schema behind a DTO (for query and path DTOs, whose properties become parameters). */
  schemaOf(dto: Function): SchemaObject {
    this.ref(dto);
    return this.components[this.names.get(dto)!];
  }

  private nameOf(dto: Function): string {
    let name = this.names.get(dto);
    if (name === undefined) {
      const taken = new Set(this.names.values());
      name = dto.name || 'Anonymous';
      for (let n = 2; taken.has(name); n++) name = `${dto.name || 'Anonymous'}${n}`;
      this.names.set(dto, name);
      this.pending.push(dto);
    }
    return name;
  }

  private generate(dto: Function): SchemaObject {
    const schema = targetConstructorToSchema(dto, {
      classValidatorMetadataStorage: this.storage,
      classTransformerMetadataStorage: transformerStorage,
      refPointerPrefix: COMPONENT_SCHEMAS,
      additionalConverters: this.converters as never,
    }) as SchemaObject;
    const properties = schema.properties ?? {};
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const meta of this.storage.getTargetValidationMetadatas(dto, '', true, false)) {
      if (transformerStorage.findExcludeMetadata(dto, meta.propertyName)) continue;
      byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
    }

    const required: string[] = [];
    const objectRules: SchemaObject[] = [];
    for (const [property, metas] of byProperty) {
      const name = transformerStorage.findExposeMetadata(dto, property)?.options?.name ?? property;
      const propertySchema = properties[name];
      if (!propertySchema) continue;
      const optional = metas.some((meta) => meta.type === ValidationTypes.CONDITIONAL_VALIDATION);
      // As the validator does: @IsOptional/@ValidateIf make a field optional, and @ValidateNested alone lets `undefined` through.
      if (!optional && metas.some((meta) => !PASSES_UNDEFINED.has(meta.type))) required.push(name);
      const sentences = [propertySchema.description, ...metas.flatMap((meta) => this.describe(meta, property))];
      objectRules.push(...metas.flatMap((meta) => this.objectRule(meta)));
      const description = [...new Set(sentences.filter((s): s is string => !!s))].join('; ');
      if (description) propertySchema.description = description;
    }
    delete schema.required;
    const result: SchemaObject = { type: 'object', ...schema, ...(required.length > 0 ? { required } : {}) };
    if (this.options.forbidUnknownFields !== false) result.additionalProperties = false;
    const distinct = [...new Map(objectRules.map((rule) => [JSON.stringify(rule), rule])).values()];
    if (distinct.length > 0) result.allOf = [...(result.allOf ?? []), ...distinct];
    return toOpenApi31(result);
  }

  private describe(meta: ValidationMetadata, property: string): string[] {
    const sentences: string[] = [];
    if (meta.type === ValidationTypes.CONDITIONAL_VALIDATION && meta.name !== 'isOptional') {
      sentences.push('checked only when other fields call for it');
    }
    // The DTO author's own message says it best; the rule's documentation is for rules without one.
    // (@ValidateNested's default message, "nested property … must be either object or array", says nothing here.)
    if (meta.type === ValidationTypes.NESTED_VALIDATION || meta.type === ValidationTypes.WHITELIST) return sentences;
    if (typeof meta.message === 'string') {
      sentences.push(
        meta.message
          .replace(/\$property/g, property)
          .replace(/\$constraint(\d)/g, (_, i: string) => String(meta.constraints?.[Number(i) - 1])),
      );
    } else {
      const rule = this.ruleName(meta);
      const doc = this.options.rules.get(rule);
      const documented = doc && resolveRulePart(doc.description, this.context(meta, rule));
      if (documented) sentences.push(meta.each ? `each: ${documented}` : documented);
    }
    return sentences;
  }

  private objectRule(meta: ValidationMetadata): SchemaObject[] {
    const rule = this.ruleName(meta);
    const part = this.options.rules.get(rule)?.objectSchema;
    const schema = part && resolveRulePart(part, this.context(meta, rule));
    return schema ? [structuredClone(schema)] : [];
  }

  /** `@ValidateNested()`: the nested DTO by reference; its class comes from `@Type(() => Dto)`, else the design type. */
  private nested(meta: ValidationMetadata): SchemaObject {
    const target = meta.target as Function;
    const designType: unknown = Reflect.getMetadata('design:type', target.prototype, meta.propertyName);
    const typeMeta = transformerStorage.findTypeMetadata(target, meta.propertyName);
    const subTypes = typeMeta?.options?.discriminator?.subTypes;
    let item: SchemaObject;
    if (subTypes && subTypes.length > 0) {
      item = { oneOf: subTypes.map((subType) => this.refOrProblem(subType.value, meta)) };
    } else {
      const child = typeMeta ? typeMeta.typeFunction() : designType;
      item = this.refOrProblem(child, meta);
    }
    // class-validator validates each element of an array even without `{ each: true }`.
    return designType === Array && !meta.each ? { type: 'array', items: item } : item;
  }

  private refOrProblem(child: unknown, meta: ValidationMetadata): SchemaObject {
    const primitive = PRIMITIVES.get(child);
    if (primitive) return { ...primitive };
    if (typeof child === 'function' && child !== Array && child !== Object && this.isDto(child)) {
      return { $ref: COMPONENT_SCHEMAS + this.nameOf(child) };
    }
    this.problems.push(
      `${(meta.target as Function).name}.${meta.propertyName}: @ValidateNested without @Type(() => <a DTO class>)`,
    );
    return { type: 'object' };
  }

  /** A rule with no schema of its own: typed from the property's design type; reported unless documented. */
  private customFallback(meta: ValidationMetadata): SchemaObject {
    const rule = this.ruleName(meta);
    if (!this.options.rules.has(rule)) {
      this.problems.push(
        `${(meta.target as Function).name}.${meta.propertyName}: rule ${rule} is not documented (documentRule)`,
      );
    }
    if (meta.each) return {};
    const designType: unknown = Reflect.getMetadata(
      'design:type',
      (meta.target as Function).prototype,
      meta.propertyName,
    );
    if (designType === Array) return { type: 'array' };
    return { ...(PRIMITIVES.get(designType) ?? {}) };
  }

  private ruleName(meta: ValidationMetadata): string {
    if (meta.type === ValidationTypes.CUSTOM_VALIDATION && meta.constraintCls) {
      return this.storage.getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? meta.name ?? meta.type;
    }
    return meta.type === ValidationTypes.CONDITIONAL_VALIDATION ? (meta.name ?? 'validateIf') : meta.type;
  }

  private context(meta: ValidationMetadata, rule: string): RuleContext {
    return {
      rule,
      target: meta.target as Function,
      property: meta.propertyName,
      constraints: meta.constraints ?? [],
      each: meta.each,
    };
  }
}

/** OpenAPI 3.0's `nullable: true` becomes a `null` type; anything else passes through. */
function toOpenApi31(schema: SchemaObject): SchemaObject {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: SchemaObject = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    if (out.nullable === true) {
      delete out.nullable;
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      else if (Array.isArray(out.type)) out.type = [...new Set([...out.type, 'null'])];
      else return { anyOf: [out, { type: 'null' }] };
    }
    return out;
  };
  return walk(schema) as SchemaObject;
}
