export { createOpenApiDocument, openApiDocumentFor, SECURITY_SCHEMES } from './document';
export type { OpenApiDocument, OpenApiOptions, OpenApiResult } from './document';
export { SchemaComponents } from './schema-components';
export { ERROR_RESPONSES, ERROR_SCHEMAS } from './error-responses';
export { mountOpenApiDocs } from './mount';
export type { MountOpenApiOptions } from './mount';
export { discoverControllers, discoverRoutes, OpenApiOperation, REQUIRED_ROLES_METADATA } from './routes';
export type { BodyDoc, DiscoveredRoute, OperationDoc, ResponseDoc } from './routes';
export type { SchemaObject } from './schema-object';
