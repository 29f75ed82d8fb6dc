/**
 * The OpenAPI 3.1 document of a Nest app: routes from Nest's metadata, request
 * schemas from the compiled schemas the routes validate with, the API key security scheme,
 * each route's roles, and the one error format (api-errors.ts) on every
 * error response.
 */
import {
  INestApplicationContext,
  ParseArrayPipe,
  ParseBoolPipe,
  ParseEnumPipe,
  ParseFloatPipe,
  ParseIntPipe,
  ParseUUIDPipe,
} from '@nestjs/common';
import { SchemaPipe } from '../schema/schema-body';
import { SchemaComponents } from './schema-components';
import { ERROR_RESPONSES, ERROR_SCHEMAS, errorResponseRef } from './error-responses';
import {
  BodyDoc,
  DiscoveredRoute,
  discoverControllers,
  discoverRoutes,
  OperationDoc,
  pathParameterNames,
  ResponseDoc,
  RouteDiscoveryOptions,
  RouteParameter,
} from './routes';
import type { SchemaObject } from './schema-object';

export interface OpenApiOptions extends RouteDiscoveryOptions {
  title: string;
  version: string;
  description?: string;
  servers?: { url: string; description?: string }[];
  /** Per-route documentation, by operationId or `METHOD /path` (`POST /v1/records`), over `@OpenApiOperation`. */
  operations?: Record<string, OperationDoc>;
  /** Routes to leave out (by default none; `@OpenApiOperation({ exclude: true })` also works). */
  exclude?: (route: DiscoveredRoute) => boolean;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  tags: { name: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, SchemaObject>;
    responses: Record<string, unknown>;
    securitySchemes: Record<string, unknown>;
  };
}

export interface OpenApiResult {
  document: OpenApiDocument;
  /** What the generator could not document faithfully: a `@Param` the path does not have. */
  problems: string[];
}

export const SECURITY_SCHEMES = {
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'cck_<key id>_<secret>',
    description:
      'An agency API key: `Authorization: Bearer cck_<16 hex key id>_<43 character secret>`. Issued by an admin (`POST /v1/admin/agencies/{code}/keys`), shown once.',
  },
  apiKeyHeader: {
    type: 'apiKey',
    in: 'header',
    name: 'X-Api-Key',
    description: 'The same API key in `X-Api-Key`, for clients that cannot set `Authorization`.',
  },
} as const;

const KEY_REQUIRED = [{ apiKey: [] }, { apiKeyHeader: [] }];

/** The document of every route of a running (created, not necessarily listening) Nest app. */
export function createOpenApiDocument(app: INestApplicationContext, options: OpenApiOptions): OpenApiResult {
  return openApiDocumentFor(discoverControllers(app), options);
}

export function openApiDocumentFor(controllers: Function[], options: OpenApiOptions): OpenApiResult {
  const schemas = new SchemaComponents();
  const problems: string[] = [];
  const routes = discoverRoutes(controllers, options)
    .map((route) => ({
      ...route,
      doc: { ...route.doc, ...(options.operations?.[`${route.method.toUpperCase()} ${route.path}`] ?? {}) },
    }))
    .filter((route) => !route.doc.exclude && !(options.exclude?.(route) ?? false));
  const operationIds = uniqueOperationIds(routes);
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  for (const route of routes) {
    const operationId = operationIds.get(route)!;
    const doc = { ...route.doc, ...(options.operations?.[operationId] ?? {}) };
    const operation = describeOperation(route, operationId, doc, schemas, problems);
    (operation.tags as string[]).forEach((tag) => tags.add(tag));
    paths[route.path] = { ...(paths[route.path] ?? {}), [route.method]: operation };
  }
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      ...(options.description ? { description: options.description } : {}),
    },
    ...(options.servers ? { servers: options.servers } : {}),
    tags: [...tags].sort(byCodePoint).map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => byCodePoint(a, b))),
    components: {
      schemas: { ...ERROR_SCHEMAS, ...sortedByKey(schemas.components) },
      responses: ERROR_RESPONSES,
      securitySchemes: SECURITY_SCHEMES,
    },
  };
  return { document: structuredClone(document), problems: [...new Set(problems)] };
}

function describeOperation(
  route: DiscoveredRoute,
  operationId: string,
  doc: OperationDoc,
  schemas: SchemaComponents,
  problems: string[],
): Record<string, unknown> {
  const parameters = [...describeParameters(route, problems), ...(doc.parameters ?? [])];
  const requestBody = doc.body
    ? describeBodyDoc(doc.body, schemas)
    : route.body
      ? describeBody(route.body, schemas)
      : undefined;
  const errors = new Set<number>(doc.errors ?? []);
  if (requestBody || parameters.length > 0) errors.add(400);
  if (route.roles) errors.add(401);
  if (route.roles && route.roles.length > 0) errors.add(403);
  if (pathParameterNames(route.path).length > 0) errors.add(404);
  if (requestBody) [413, 415].forEach((status) => errors.add(status));
  errors.add(500);

  const responses: Record<string, unknown> = { ...successResponses(route, doc) };
  for (const status of [...errors].sort((a, b) => a - b)) responses[String(status)] ??= errorResponseRef(status);

  const access =
    route.roles === undefined
      ? 'No API key needed.'
      : route.roles.length === 0
        ? 'Needs a valid API key (any role).'
        : `Needs an API key with the role ${route.roles.map((role) => `\`${role}\``).join(' or ')}.`;
  return {
    operationId,
    summary: doc.summary ?? sentenceOf(route.handler),
    description: [doc.description, access].filter(Boolean).join('\n\n'),
    tags: doc.tags ?? [tagOf(route.controller)],
    ...(doc.deprecated ? { deprecated: true } : {}),
    ...(route.roles !== undefined ? { security: KEY_REQUIRED, 'x-required-roles': route.roles } : { security: [] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

function describeParameters(route: DiscoveredRoute, problems: string[]): Record<string, unknown>[] {
  const out = new Map<string, Record<string, unknown>>();
  // Every {placeholder} must be declared, whether or not the handler reads it.
  for (const name of pathParameterNames(route.path))
    out.set(`path:${name}`, { name, in: 'path', required: true, schema: { type: 'string' } });
  for (const parameter of route.parameters) {
    if (parameter.name !== undefined) {
      const key = `${parameter.in}:${parameter.name}`;
      if (parameter.in === 'path' && !out.has(key))
        problems.push(`${route.controller.name}.${route.handler}: @Param('${parameter.name}') is not in ${route.path}`);
      out.set(key, {
        name: parameter.name,
        in: parameter.in,
        required: parameter.in === 'path',
        schema: parameterSchema(parameter),
      });
    }
  }
  return [...out.values()];
}

const PIPE_SCHEMAS: [Function, (pipe: unknown) => SchemaObject][] = [
  [ParseIntPipe, () => ({ type: 'integer' })],
  [ParseFloatPipe, () => ({ type: 'number' })],
  [ParseBoolPipe, () => ({ type: 'boolean' })],
  [ParseUUIDPipe, () => ({ type: 'string', format: 'uuid' })],
  [ParseArrayPipe, () => ({ type: 'array', items: { type: 'string' } })],
  [ParseEnumPipe, (pipe) => ({ enum: Object.values((pipe as { enumType?: object }).enumType ?? {}) })],
];

function parameterSchema(parameter: RouteParameter): SchemaObject {
  for (const pipe of parameter.pipes) {
    const match = PIPE_SCHEMAS.find(([pipeClass]) => pipe === pipeClass || pipe instanceof pipeClass);
    if (match) return match[1](pipe);
  }
  if (parameter.type === Number) return { type: 'number' };
  if (parameter.type === Boolean) return { type: 'boolean' };
  return { type: 'string' };
}

function describeBody(body: NonNullable<DiscoveredRoute['body']>, schemas: SchemaComponents): Record<string, unknown> {
  const pipe = body.pipes.find((candidate): candidate is SchemaPipe<never> => candidate instanceof SchemaPipe);
  let schema: SchemaObject = pipe
    ? schemas.refSchema(pipe.compiled.schema)
    : body.type === String
      ? { type: 'string' }
      : body.type === Number
        ? { type: 'number' }
        : {};
  if (body.property) schema = { type: 'object', properties: { [body.property]: schema } };
  return { required: true, content: { 'application/json': { schema } } };
}

function describeBodyDoc(body: BodyDoc, schemas: SchemaComponents): Record<string, unknown> {
  const content: Record<string, { schema?: SchemaObject }> = {};
  if (body.schema) {
    const item = schemas.refSchema(body.schema);
    content['application/json'] = {
      schema: body.array
        ? { type: 'array', items: item, ...(body.array.maxItems ? { maxItems: body.array.maxItems } : {}) }
        : item,
    };
  }
  Object.assign(content, body.content ?? {});
  return { required: true, ...(body.description ? { description: body.description } : {}), content };
}

function successResponses(route: DiscoveredRoute, doc: OperationDoc): Record<string, ResponseDoc> {
  if (doc.responses && Object.keys(doc.responses).length > 0) return doc.responses;
  const status = route.httpCode ?? (route.method === 'post' ? 201 : 200);
  const description =
    ({ 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' } as Record<number, string>)[status] ?? 'Success';
  if (status === 204) return { [status]: { description } };
  if (route.sse)
    return { [status]: { description: 'A stream of Server-Sent Events', content: { 'text/event-stream': {} } } };
  if (route.writesOwnResponse)
    return { [status]: { description: `${description} (the handler writes the response itself)` } };
  const contentType =
    route.headers
      .find((header) => header.name.toLowerCase() === 'content-type')
      ?.value.split(';')[0]
      .trim() ?? 'application/json';
  return { [status]: { description, content: { [contentType]: {} } } };
}

/** The handler's name, or `<controller>_<handler>` where two controllers share a handler name. */
function uniqueOperationIds(routes: DiscoveredRoute[]): Map<DiscoveredRoute, string> {
  const count = new Map<string, number>();
  for (const route of routes) count.set(route.handler, (count.get(route.handler) ?? 0) + 1);
  const ids = new Map<DiscoveredRoute, string>();
  const used = new Set<string>();
  for (const route of routes) {
    let id =
      count.get(route.handler)! > 1 ? `${lowerFirst(baseName(route.controller))}_${route.handler}` : route.handler;
    for (let n = 2; used.has(id); n++) id = `${route.handler}${n}`;
    used.add(id);
    ids.set(route, id);
  }
  return ids;
}

/** `ShareRecordHttpController` → `ShareRecord`. */
function baseName(controller: Function): string {
  return controller.name.replace(/(Http)?Controller$/, '') || controller.name;
}

/** `ManageAgenciesHttpController` → `manage-agencies`: the use case folder the controller lives in. */
function tagOf(controller: Function): string {
  return baseName(controller)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** `createAgency` → `Create agency`. */
function sentenceOf(handler: string): string {
  const words = handler.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => byCodePoint(a, b)));
}

/** The same order on every machine, whatever its locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
