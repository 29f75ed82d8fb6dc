/**
 * Request schemas as OpenAPI 3.1 components. The schemas are TypeBox's, so
 * JSON Schema already, and the same ones the routes validate with: the
 * documentation cannot say one thing while the validator checks another.
 * Each subschema with an `$id` becomes a named component, referenced where it
 * was, and a closed list reads as an `enum`.
 */
import type { SchemaObject } from './schema-object';

export const COMPONENT_SCHEMAS = '#/components/schemas/';

export class SchemaComponents {
  /** Named schemas, for `components.schemas`: each schema with an `$id` reached, under it. */
  readonly components: Record<string, SchemaObject> = {};

  /** The schema as written, its named subschemas (and itself, when it has an `$id`) as `{ $ref }`s. */
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
}
