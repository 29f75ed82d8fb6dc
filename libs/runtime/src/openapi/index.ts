export { createOpenApiDocument, openApiDocumentFor, SECURITY_SCHEMES } from './document';
export type { OpenApiDocument, OpenApiOptions, OpenApiResult } from './document';
export { DtoSchemas } from './dto-schemas';
export { ERROR_RESPONSES, ERROR_SCHEMAS } from './error-responses';
export { mountOpenApiDocs } from './mount';
export type { MountOpenApiOptions } from './mount';
export { discoverControllers, discoverRoutes, OpenApiOperation, REQUIRED_ROLES_METADATA } from './routes';
export type { BodyDoc, DiscoveredRoute, OperationDoc, ResponseDoc } from './routes';
export { documentRule, openApiRules, RuleRegistry } from './rules';
export type { RuleContext, RuleDoc } from './rules';
export type { SchemaObject } from './schema-object';
// Extra schema keywords on a DTO or property (description, examples): `@JSONSchema({ examples: ['FR-2026-0001'] })`.
export { JSONSchema } from 'class-validator-jsonschema';
