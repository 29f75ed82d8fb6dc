/**
 * Which agency is calling. Until agency keys exist, intake takes the agency's
 * code from the `X-Agency-Code` header: an identification, not an
 * authentication; it is replaced by key-based identity in libs/auth.
 */
import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import { ApiError } from '@crosscheck/runtime';
import type { Request } from 'express';

export const AGENCY_CODE = /^[A-Z][A-Z0-9-]{1,15}$/;

export const AgencyCode = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const header = context.switchToHttp().getRequest<Request>().header('x-agency-code');
  if (!header) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', 'X-Agency-Code header is required');
  if (!AGENCY_CODE.test(header)) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'X-Agency-Code: must be 2-16 upper-case letters, digits or "-"', [
      { field: 'X-Agency-Code', rule: 'matches', message: 'must be 2-16 upper-case letters, digits or "-"' },
    ]);
  }
  return header;
});
