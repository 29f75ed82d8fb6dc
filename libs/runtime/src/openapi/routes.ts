/**
 * The HTTP routes of a Nest app, read from the metadata Nest itself routes
 * with: controller and method paths, the HTTP method, `@Body()`, `@Param()`,
 * `@Query()` and `@Headers()` parameters with their design types and pipes,
 * `@HttpCode`, `@Header`, `@Res()`, and the roles `@RequireRoles` sets. A
 * route added to any controller appears in the documentation without anyone
 * listing it.
 */
import { INestApplicationContext, RequestMethod, SetMetadata } from '@nestjs/common';
import {
  CUSTOM_ROUTE_ARGS_METADATA,
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  METHOD_METADATA,
  PATH_METADATA,
  RESPONSE_PASSTHROUGH_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { SchemaObject } from './schema-object';

/**
 * Where `RequireRoles` (libs/auth/src/api-key.guard.ts) stores the roles a key
 * needs, handler before controller; defined here because libs/auth depends on
 * this library, and both read it from here.
 */
export const REQUIRED_ROLES_METADATA = 'crosscheck:required-roles';
export const OPENAPI_OPERATION_METADATA = 'crosscheck:openapi-operation';

export interface ResponseDoc {
  description: string;
  content?: Record<string, { schema?: SchemaObject; example?: unknown }>;
  headers?: Record<string, { description?: string; schema?: SchemaObject }>;
}

/** What metadata cannot tell: set with `@OpenApiOperation(...)` or the `operations` option. */
export interface OperationDoc {
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  /** Success (and other non-error) responses by status; replaces the one derived from the route. */
  responses?: Record<string, ResponseDoc>;
  /** Error statuses beyond those derived from the route (e.g. 409, 429); each answers in the error format. */
  errors?: number[];
  /** Replaces the request body derived from `@Body()`, for handlers that read it themselves. */
  body?: BodyDoc;
  /** OpenAPI parameter objects beyond the discovered ones, e.g. a header a custom decorator reads. */
  parameters?: Record<string, unknown>[];
  /** Leave the route out of the document. */
  exclude?: boolean;
}

export interface BodyDoc {
  /**
   * The JSON Schema (a TypeBox schema) the body carries as `application/json`, or each of its items with `array`;
   * subschemas with an `$id` become named components.
   */
  schema?: SchemaObject;
  array?: { maxItems?: number };
  description?: string;
  /** Further media types, as written (e.g. `application/x-ndjson`). */
  content?: Record<string, { schema?: SchemaObject }>;
}

/** Documents what metadata cannot say about a route (or every route of a controller). */
export function OpenApiOperation(doc: OperationDoc): ClassDecorator & MethodDecorator {
  return SetMetadata(OPENAPI_OPERATION_METADATA, doc);
}

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'options' | 'head';

export interface RouteParameter {
  in: 'path' | 'query' | 'header';
  /** `undefined`: the whole object (`@Query() query`), which the handler checks itself. */
  name?: string;
  type: unknown;
  pipes: unknown[];
}

export interface DiscoveredRoute {
  controller: Function;
  handler: string;
  method: HttpMethod;
  /** OpenAPI form: `/v1/records/{id}`. */
  path: string;
  /** `undefined`: no API key needed; `[]`: any valid key; otherwise a key with one of these roles. */
  roles?: string[];
  /** `@Body()`: its design type, the property name for `@Body('name')`, and its pipes. */
  body?: { type: unknown; property?: string; pipes: unknown[] };
  parameters: RouteParameter[];
  /** `@HttpCode(...)`, if any. */
  httpCode?: number;
  /** `@Header(name, value)` response headers. */
  headers: { name: string; value: string }[];
  /** `@Res()` without `passthrough`: the handler writes the response itself. */
  writesOwnResponse: boolean;
  sse: boolean;
  doc: OperationDoc;
}

const METHODS: Partial<Record<RequestMethod, HttpMethod>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.OPTIONS]: 'options',
  [RequestMethod.HEAD]: 'head',
};

const PARAMETER_LOCATIONS: Partial<Record<RouteParamtypes, RouteParameter['in']>> = {
  [RouteParamtypes.PARAM]: 'path',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.HEADERS]: 'header',
};

/** Every controller class of the app, once. */
export function discoverControllers(app: INestApplicationContext): Function[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const classes = discovery.getControllers().map((wrapper) => wrapper.metatype as Function | null);
  return [...new Set(classes.filter((metatype): metatype is Function => typeof metatype === 'function'))];
}

export interface RouteDiscoveryOptions {
  /** As given to `app.setGlobalPrefix`. */
  globalPrefix?: string;
  rolesMetadataKey?: string;
}

export function discoverRoutes(controllers: Function[], options: RouteDiscoveryOptions = {}): DiscoveredRoute[] {
  const scanner = new MetadataScanner();
  const routes: DiscoveredRoute[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as Record<string, Function>;
    for (const handlerName of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[handlerName];
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (requestMethod === undefined || methodPaths === undefined) continue;
      const method = METHODS[requestMethod];
      if (!method) continue; // ALL, SEARCH, WebDAV verbs: nothing OpenAPI can say
      const controllerPaths = (Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined) ?? '/';
      for (const controllerPath of [controllerPaths].flat()) {
        for (const methodPath of [methodPaths].flat()) {
          routes.push(
            describeRoute(
              controller,
              handlerName,
              method,
              joinPath(options.globalPrefix, controllerPath, methodPath),
              options,
            ),
          );
        }
      }
    }
  }
  return routes;
}

function describeRoute(
  controller: Function,
  handlerName: string,
  method: HttpMethod,
  path: string,
  options: RouteDiscoveryOptions,
): DiscoveredRoute {
  const handler = (controller.prototype as Record<string, Function>)[handlerName];
  const rolesKey = options.rolesMetadataKey ?? REQUIRED_ROLES_METADATA;
  // As Reflector.getAllAndOverride in the guard: the handler's roles, else the controller's.
  const roles = (Reflect.getMetadata(rolesKey, handler) ?? Reflect.getMetadata(rolesKey, controller)) as
    string[] | undefined;
  const designTypes = (Reflect.getMetadata('design:paramtypes', controller.prototype, handlerName) ?? []) as unknown[];
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<
    string,
    { index: number; data?: unknown; pipes?: unknown[] }
  >;
  let body: DiscoveredRoute['body'];
  let usesResponse = false;
  const parameters: RouteParameter[] = [];
  // Nest stores parameters in decorator order, last first; the signature's order reads better.
  for (const [key, arg] of Object.entries(args).sort(([, a], [, b]) => a.index - b.index)) {
    if (key.includes(CUSTOM_ROUTE_ARGS_METADATA)) continue; // createParamDecorator: its meaning is its own
    const paramtype = Number(key.split(':')[0]) as RouteParamtypes;
    const type = designTypes[arg.index];
    const name = typeof arg.data === 'string' ? arg.data : undefined;
    if (paramtype === RouteParamtypes.BODY) body = { type, property: name, pipes: arg.pipes ?? [] };
    else if (paramtype === RouteParamtypes.RESPONSE) usesResponse = true;
    else if (PARAMETER_LOCATIONS[paramtype])
      parameters.push({ in: PARAMETER_LOCATIONS[paramtype]!, name, type, pipes: arg.pipes ?? [] });
  }
  const passthrough = Reflect.getMetadata(RESPONSE_PASSTHROUGH_METADATA, controller, handlerName) === true;
  const doc: OperationDoc = {
    ...((Reflect.getMetadata(OPENAPI_OPERATION_METADATA, controller) ?? {}) as OperationDoc),
    ...((Reflect.getMetadata(OPENAPI_OPERATION_METADATA, handler) ?? {}) as OperationDoc),
  };
  return {
    controller,
    handler: handlerName,
    method,
    path,
    roles: roles ? [...roles] : undefined,
    body,
    parameters,
    httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
    headers: (Reflect.getMetadata(HEADERS_METADATA, handler) ?? []) as { name: string; value: string }[],
    writesOwnResponse: usesResponse && !passthrough,
    sse: Reflect.getMetadata(SSE_METADATA, handler) === true,
    doc,
  };
}

/** Nest's `v1/records` + `:id` → OpenAPI's `/v1/records/{id}`. */
function joinPath(...parts: (string | undefined)[]): string {
  const segments = parts.flatMap((part) => (part ?? '').split('/')).filter((segment) => segment.length > 0);
  const converted = segments.map((segment) =>
    segment
      .replace(/^:([A-Za-z0-9_]+)\??$/, '{$1}')
      .replace(/^\*([A-Za-z0-9_]+)$/, '{$1}')
      .replace(/^\{\*([A-Za-z0-9_]+)\}$/, '{$1}'),
  );
  return `/${converted.join('/')}`;
}

/** The `{name}` placeholders of an OpenAPI path. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}
