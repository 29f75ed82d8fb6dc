export { compileSchema, defineFormat, fieldOf, validationFailed } from './compiled-schema';
export type { Checked, CompiledSchema, FormatRule } from './compiled-schema';
export { SchemaBody, SchemaPipe } from './schema-body';
