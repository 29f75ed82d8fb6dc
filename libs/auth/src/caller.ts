/** Who is calling: the agency and key behind a request, set by `ApiKeyGuard`. */
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from './roles';

export interface Caller {
  agency: string;
  keyId: string;
  roles: Role[];
}

export interface AuthenticatedRequest extends Request {
  caller?: Caller;
  /** What the route's audit line should say beyond its action (a removal's reason), set by the handler. */
  auditDetail?: string;
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  // Reaching a handler without a caller means the route lacks @RequireRoles: a programming error.
  if (!caller) throw new Error('no authenticated caller on this route; add @RequireRoles');
  return caller;
});
