/**
 * `@SchemaBody(compiled)`: a handler's JSON body, checked by a compiled schema
 * (compiled-schema.ts) before the handler runs. The OpenAPI generator finds
 * the schema on the parameter's pipe and documents the body from it.
 */
import { Body, Injectable, PipeTransform } from '@nestjs/common';
import type { TSchema } from '@sinclair/typebox';
import type { CompiledSchema } from './compiled-schema';

@Injectable()
export class SchemaPipe<S extends TSchema> implements PipeTransform {
  constructor(readonly compiled: CompiledSchema<S>) {}

  transform(value: unknown) {
    return this.compiled.parse(value);
  }
}

export function SchemaBody<S extends TSchema>(compiled: CompiledSchema<S>): ParameterDecorator {
  return Body(new SchemaPipe(compiled));
}
