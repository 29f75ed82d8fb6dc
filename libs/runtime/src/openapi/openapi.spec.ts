import {
  ArgumentsHost,
  Body,
  Controller,
  createParamDecorator,
  Delete,
  Get,
  Header,
  HttpCode,
  INestApplication,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  SetMetadata,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Type } from '@sinclair/typebox';
import type { AddressInfo } from 'node:net';
import { ApiError, ApiExceptionFilter } from '../api-errors';
import { compileSchema } from '../schema/compiled-schema';
import { SchemaBody } from '../schema/schema-body';
import { openApiDocumentFor, OpenApiResult } from './document';
import { mountOpenApiDocs } from './mount';
import { OpenApiOperation, REQUIRED_ROLES_METADATA } from './routes';
import type { SchemaObject } from './schema-object';

// Fixture schemas in the shapes crosscheck's bodies use: closed lists, nesting, optional fields, messages.
const RequireRoles = (...roles: string[]) => SetMetadata(REQUIRED_ROLES_METADATA, roles);
const CurrentCaller = createParamDecorator(() => ({ agency: 'FRA' }));

const Name = Type.Object(
  {
    full: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    family: Type.Optional(Type.String({ maxLength: 200 })),
    script: Type.Optional(Type.String({ pattern: '^[A-Z][a-z]{3}$', 'x-message': 'must be an ISO 15924 script code' })),
  },
  { $id: 'Name', additionalProperties: false, description: 'at least one of full, given or family' },
);

const Subject = Type.Object(
  {
    names: Type.Array(Name, { minItems: 1, maxItems: 50 }),
    nationalities: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{3}$' }))),
  },
  { $id: 'Subject', additionalProperties: false },
);

const Vehicle = Type.Object(
  { year: Type.Integer({ minimum: 1886, maximum: 2100 }) },
  { $id: 'Vehicle', additionalProperties: false },
);

const contentProperties = {
  kind: Type.Union([Type.Literal('subject'), Type.Literal('vehicle')]),
  subject: Type.Optional(Subject),
  vehicle: Type.Optional(Vehicle),
};
const content = compileSchema(Type.Object(contentProperties, { $id: 'Content', additionalProperties: false }));
const CreateThing = Type.Object(
  {
    ...contentProperties,
    externalRef: Type.String({ pattern: '^[\\x21-\\x7e]+$', description: 'printable ASCII without spaces' }),
    schemaVersion: Type.Literal('v1'),
  },
  { $id: 'CreateThing', additionalProperties: false },
);
const createThing = compileSchema(CreateThing);

@Controller('v1/things')
@RequireRoles('agency')
class ThingsHttpController {
  @Post()
  create(@CurrentCaller() _caller: unknown, @SchemaBody(createThing) _input: unknown) {
    return {};
  }

  @Put(':id')
  @OpenApiOperation({ summary: 'Replace a thing', errors: [409] })
  update(@Param('id', ParseUUIDPipe) _id: string, @SchemaBody(content) _input: unknown) {
    return {};
  }

  @Get(':id')
  @RequireRoles('agency', 'analyst')
  read(@Param('id', ParseUUIDPipe) _id: string) {
    return {};
  }

  @Get()
  @RequireRoles()
  list(@Query('cursor') _cursor?: string, @Query('limit') _limit = '50') {
    return {};
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') _id: string) {}

  /** A handler that reads its body itself says what it takes. */
  @Post('batch')
  @OpenApiOperation({
    errors: [429],
    body: {
      schema: CreateThing,
      array: { maxItems: 10 },
      content: { 'application/x-ndjson': { schema: { type: 'string' } } },
    },
    parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
  })
  batch(@Body() _body: unknown) {
    return {};
  }
}

@Controller()
class HealthController {
  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics() {
    return '';
  }
}

const options = { title: 'things', version: '1.0.0' };

type Operation = {
  operationId: string;
  summary: string;
  tags: string[];
  security: unknown[];
  'x-required-roles'?: string[];
  parameters?: { name: string; in: string; required: boolean; schema: SchemaObject }[];
  requestBody?: { required: boolean; content: Record<string, { schema: SchemaObject }> };
  responses: Record<string, { $ref?: string; description?: string; content?: Record<string, unknown> }>;
};

describe('OpenAPI document', () => {
  let result: OpenApiResult;
  let schemas: Record<string, SchemaObject>;
  const operation = (path: string, method: string) => result.document.paths[path]?.[method] as Operation;

  beforeAll(() => {
    result = openApiDocumentFor([ThingsHttpController, HealthController], options);
    schemas = result.document.components.schemas;
  });

  it('is OpenAPI 3.1 with every route the controllers declare', () => {
    expect(result.document.openapi).toBe('3.1.0');
    expect(
      Object.fromEntries(Object.entries(result.document.paths).map(([path, item]) => [path, Object.keys(item).sort()])),
    ).toEqual({
      '/health': ['get'],
      '/metrics': ['get'],
      '/v1/things': ['get', 'post'],
      '/v1/things/batch': ['post'],
      '/v1/things/{id}': ['delete', 'get', 'put'],
    });
    expect(operation('/v1/things', 'post')).toMatchObject({
      operationId: 'create',
      summary: 'Create',
      tags: ['things'],
    });
    expect(operation('/v1/things/{id}', 'put').summary).toBe('Replace a thing');
    expect(result.document.tags).toEqual([{ name: 'health' }, { name: 'things' }]);
  });

  it('says which key and roles each route needs, the handler overriding the controller', () => {
    expect(result.document.components.securitySchemes).toMatchObject({
      apiKey: { type: 'http', scheme: 'bearer' },
      apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
    });
    expect(operation('/v1/things', 'post')).toMatchObject({
      'x-required-roles': ['agency'],
      security: [{ apiKey: [] }, { apiKeyHeader: [] }],
    });
    expect(operation('/v1/things/{id}', 'get')['x-required-roles']).toEqual(['agency', 'analyst']);
    expect(operation('/v1/things', 'get')['x-required-roles']).toEqual([]);
    expect(operation('/health', 'get').security).toEqual([]);
    expect(operation('/health', 'get')['x-required-roles']).toBeUndefined();
  });

  it('takes the request body from the schema @SchemaBody validates with, named subschemas as components', () => {
    expect(operation('/v1/things', 'post').requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThing' } } },
    });
    expect(operation('/v1/things/{id}', 'put').requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Content' } } },
    });
    const thing = schemas.CreateThing;
    expect(thing.additionalProperties).toBe(false);
    expect(new Set(thing.required)).toEqual(new Set(['kind', 'externalRef', 'schemaVersion']));
    expect(Object.keys(thing.properties!).sort()).toEqual([
      'externalRef',
      'kind',
      'schemaVersion',
      'subject',
      'vehicle',
    ]);
    expect(thing.properties!.kind).toEqual({ type: 'string', enum: ['subject', 'vehicle'] });
    expect(thing.properties!.schemaVersion).toMatchObject({ const: 'v1' });
    expect(thing.properties!.externalRef).toMatchObject({
      type: 'string',
      pattern: '^[\\x21-\\x7e]+$',
      description: 'printable ASCII without spaces',
    });
    expect(thing.properties!.subject).toEqual({ $ref: '#/components/schemas/Subject' });
    expect(schemas.Vehicle).toMatchObject({
      required: ['year'],
      properties: { year: { type: 'integer', minimum: 1886, maximum: 2100 } },
    });
    expect(schemas.Subject.properties!.names).toEqual({
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: { $ref: '#/components/schemas/Name' },
    });
    expect(schemas.Name.properties!.full).toMatchObject({ type: 'string', minLength: 1, maxLength: 300 });
    expect(schemas.Name.required).toBeUndefined();
    expect(schemas.Name.description).toBe('at least one of full, given or family');
    expect(result.problems).toEqual([]);
  });

  it('takes what metadata cannot say from @OpenApiOperation', () => {
    const batch = operation('/v1/things/batch', 'post');
    expect(batch.requestBody!.content).toEqual({
      'application/json': {
        schema: { type: 'array', items: { $ref: '#/components/schemas/CreateThing' }, maxItems: 10 },
      },
      'application/x-ndjson': { schema: { type: 'string' } },
    });
    expect(batch.parameters).toEqual([
      { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
    ]);
    expect(batch.responses['429']).toEqual({ $ref: '#/components/responses/RateLimited' });
  });

  it('declares path and query parameters, with types from pipes', () => {
    expect(operation('/v1/things/{id}', 'get').parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
    ]);
    expect(operation('/v1/things/{id}', 'delete').parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(operation('/v1/things', 'get').parameters).toEqual([
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'string' } },
    ]);
  });

  it('gives every route its success and error responses in the shared error format', () => {
    const codes = (path: string, method: string) => Object.keys(operation(path, method).responses);
    expect(codes('/v1/things', 'post')).toEqual(['201', '400', '401', '403', '413', '415', '500']);
    expect(codes('/v1/things/{id}', 'put')).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '500']);
    expect(codes('/v1/things/{id}', 'delete')).toEqual(['204', '400', '401', '403', '404', '500']);
    expect(codes('/v1/things', 'get')).toEqual(['200', '400', '401', '500']);
    expect(codes('/health', 'get')).toEqual(['200', '500']);
    expect(operation('/metrics', 'get').responses['200'].content).toEqual({ 'text/plain': {} });
    expect(operation('/v1/things', 'post').responses['400']).toEqual({ $ref: '#/components/responses/BadRequest' });
    expect(result.document.components.responses.BadRequest).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    });
  });

  it('describes the error body ApiExceptionFilter actually writes', () => {
    let body: Record<string, unknown> = {};
    const response = {
      status: () => response,
      json: (value: Record<string, unknown>) =>
        (body = JSON.parse(JSON.stringify({ ...value, traceId: 'a'.repeat(32) }))),
    };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getResponse: () => response }),
    } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(
      new ApiError(400, 'validation_failed', 'x: bad', [{ field: 'x', rule: 'isString', message: 'bad' }]),
      host,
    );
    expect(conforms(body, schemas.ApiError, schemas)).toEqual([]);
  });

  it('has no dangling $ref', () => {
    const refs = JSON.stringify(result.document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const [, kind, name] = /#\/components\/(\w+)\/([^"]+)/.exec(ref) ?? [];
      expect((result.document.components as Record<string, Record<string, unknown>>)[kind]?.[name]).toBeDefined();
    }
  });

  it('drops excluded routes', () => {
    const { document } = openApiDocumentFor([ThingsHttpController, HealthController], {
      ...options,
      operations: { 'GET /metrics': { exclude: true } },
      exclude: (route) => route.path === '/health',
    });
    expect(Object.keys(document.paths)).toEqual(['/v1/things', '/v1/things/batch', '/v1/things/{id}']);
  });
});

describe('mountOpenApiDocs', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [ThingsHttpController, HealthController] }).compile();
    app = module.createNestApplication({ logger: false, forceCloseConnections: true });
    mountOpenApiDocs(app, options);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(() => app.close());

  it('serves the document at /docs/openapi.json', async () => {
    const response = await fetch(`${url}/docs/openapi.json`);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(
      openApiDocumentFor([ThingsHttpController, HealthController], options).document,
    );
  });

  it('serves Swagger UI at /docs from the installed package, not a CDN', async () => {
    const page = await (await fetch(`${url}/docs`)).text();
    expect(page).toContain('<script src="/docs/swagger-ui-bundle.js"');
    expect(page).not.toMatch(/https?:\/\//);
    expect((await fetch(`${url}/docs/swagger-ui-bundle.js`)).status).toBe(200);
    expect((await fetch(`${url}/docs/swagger-ui.css`)).status).toBe(200);
    expect(await (await fetch(`${url}/docs/swagger-initializer.js`)).text()).toContain('"/docs/openapi.json"');
  });
});

/** A small structural check (types, required, additionalProperties, $ref): enough to catch the format drifting. */
function conforms(value: unknown, schema: SchemaObject, all: Record<string, SchemaObject>, at = '$'): string[] {
  if (schema.$ref) return conforms(value, all[schema.$ref.split('/').pop()!], all, at);
  if (schema.type === 'string')
    return typeof value === 'string' && (!schema.pattern || new RegExp(schema.pattern as string).test(value))
      ? []
      : [`${at}: not a matching string`];
  if (schema.type === 'array')
    return Array.isArray(value)
      ? value.flatMap((item, i) => conforms(item, schema.items ?? {}, all, `${at}[${i}]`))
      : [`${at}: not an array`];
  if (schema.type === 'object') {
    if (value === null || typeof value !== 'object') return [`${at}: not an object`];
    const record = value as Record<string, unknown>;
    const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${at}.${key}: missing`);
    const unknown =
      schema.additionalProperties === false
        ? Object.keys(record)
            .filter((key) => !schema.properties?.[key])
            .map((key) => `${at}.${key}: not in the schema`)
        : [];
    const nested = Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
      key in record ? conforms(record[key], property, all, `${at}.${key}`) : [],
    );
    return [...missing, ...unknown, ...nested];
  }
  return [];
}
