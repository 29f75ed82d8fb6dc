/**
 * The one error format of every crosscheck HTTP API (../api-errors.ts and
 * ../json-body.ts), as OpenAPI components:
 *   { "error": { "code", "message", "details": [{ "field", "rule", "message" }] }, "traceId" }
 */
import type { SchemaObject } from './schema-object';

const COMPONENT_RESPONSES = '#/components/responses/';

export const ERROR_SCHEMAS: Record<string, SchemaObject> = {
  ApiError: {
    type: 'object',
    description: 'Every error answer. Switch on `error.code`, which is stable; `message` is for people.',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: {
            type: 'string',
            description:
              'Stable machine-readable code: `validation_failed`, `malformed_json`, `too_deeply_nested`, `invalid_text`, `bad_request` (400), ' +
              '`unauthenticated` (401), `forbidden` (403), `not_found` (404), `method_not_allowed` (405), `conflict` (409), ' +
              '`payload_too_large` (413), `unsupported_media_type` (415), `rate_limited` (429), `internal_error` (5xx).',
            examples: ['validation_failed'],
          },
          message: { type: 'string', description: 'What went wrong, for a person; 5xx answers never carry internals.' },
          details: {
            type: 'array',
            items: { $ref: '#/components/schemas/FieldProblem' },
            description: 'One entry per field and rule that failed; empty otherwise.',
          },
        },
        additionalProperties: false,
      },
      traceId: {
        type: 'string',
        pattern: '^[0-9a-f]{32}$',
        description:
          'The OpenTelemetry trace id of the request (also in the `X-Trace-Id` header); absent when no trace is recorded.',
      },
    },
    additionalProperties: false,
  },
  FieldProblem: {
    type: 'object',
    required: ['field', 'rule', 'message'],
    properties: {
      field: {
        type: 'string',
        description:
          'Path of the field in the request, e.g. `person.names[0].family`; the header or query name for those.',
        examples: ['person.dateOfBirth'],
      },
      rule: {
        type: 'string',
        description:
          'The rule that failed, as named in this document (`isNotEmpty`, `maxLength`, `isPartialDate`, …); `unknownField` for a field the schema does not have.',
        examples: ['isPartialDate'],
      },
      message: {
        type: 'string',
        examples: ['must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future'],
      },
    },
    additionalProperties: false,
  },
};

interface ErrorResponse {
  name: string;
  description: string;
  headers?: Record<string, unknown>;
  example: { code: string; message: string; details?: { field: string; rule: string; message: string }[] };
}

const TRACE_ID = '3b04093cc2a32d502067e3b335dff7ae';

const ERRORS: Record<number, ErrorResponse> = {
  400: {
    name: 'BadRequest',
    description:
      'The request is invalid and changed nothing: `validation_failed` (see `details`), `malformed_json`, `too_deeply_nested`, ' +
      '`invalid_text` (text no field may hold: see `details`) or `bad_request`.',
    example: {
      code: 'validation_failed',
      message: 'person.dateOfBirth: must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future',
      details: [
        {
          field: 'person.dateOfBirth',
          rule: 'isPartialDate',
          message: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future',
        },
      ],
    },
  },
  401: {
    name: 'Unauthenticated',
    description: '`unauthenticated`: no API key, or one that is malformed, unknown, revoked or of a disabled agency.',
    example: { code: 'unauthenticated', message: 'the API key is not valid' },
  },
  403: {
    name: 'Forbidden',
    description: '`forbidden`: a valid key without any of the roles the route needs.',
    example: { code: 'forbidden', message: 'this needs the role agency' },
  },
  404: {
    name: 'NotFound',
    description: '`not_found`: nothing there, or nothing this caller may see (the same answer).',
    example: { code: 'not_found', message: 'record not found' },
  },
  405: {
    name: 'MethodNotAllowed',
    description: '`method_not_allowed`.',
    example: { code: 'method_not_allowed', message: 'method not allowed' },
  },
  409: {
    name: 'Conflict',
    description: '`conflict`: the request contradicts the current state.',
    example: { code: 'conflict', message: 'conflict' },
  },
  413: {
    name: 'PayloadTooLarge',
    description: '`payload_too_large`: the body is larger than the service accepts (`HTTP_MAX_BODY_BYTES`).',
    example: { code: 'payload_too_large', message: 'request body is larger than 1048576 bytes' },
  },
  415: {
    name: 'UnsupportedMediaType',
    description: '`unsupported_media_type`: a body that is not `application/json`.',
    example: { code: 'unsupported_media_type', message: 'Content-Type must be application/json, not text/plain' },
  },
  429: {
    name: 'RateLimited',
    description:
      "`rate_limited`: over the caller's limit; nothing was written. Retry after the seconds in `Retry-After`.",
    example: { code: 'rate_limited', message: 'agency FRA is sharing faster than its limit; retry later' },
    headers: {
      'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } },
    },
  },
  500: {
    name: 'InternalError',
    description: '`internal_error`: a fault of the service; retry later, quoting `traceId`.',
    example: { code: 'internal_error', message: 'internal error' },
  },
};

function responseFor({ description, example, headers }: ErrorResponse): Record<string, unknown> {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ApiError' },
        example: { error: { details: [], ...example }, traceId: TRACE_ID },
      },
    },
  };
}

export const ERROR_RESPONSES: Record<string, unknown> = Object.fromEntries(
  Object.values(ERRORS).map((error) => [error.name, responseFor(error)]),
);

/** The response for an error status: a shared component where there is one. */
export function errorResponseRef(status: number): Record<string, unknown> {
  const known = ERRORS[status];
  if (known) return { $ref: COMPONENT_RESPONSES + known.name };
  return responseFor({
    name: '',
    description: `Error ${status}, in the error format.`,
    example: { code: status >= 500 ? 'internal_error' : 'bad_request', message: 'error' },
  });
}
