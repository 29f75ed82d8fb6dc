/**
 * Authentication and authorisation of every API route that says
 * `@RequireRoles(...)`: a missing, malformed, unknown or revoked key, or a key
 * of a disabled agency, gets 401; a valid key without one of the roles gets
 * 403. Keys come as `Authorization: Bearer <key>` or `X-Api-Key: <key>`.
 */
import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError, REQUIRED_ROLES_METADATA } from '@crosscheck/runtime';
import { parseApiKey, secretMatches } from './api-key';
import type { AuthenticatedRequest } from './caller';
import { CREDENTIAL_STORE, CredentialStore } from './credential-store';
import { RateLimitGuard } from './rate-limit.guard';
import type { Role } from './roles';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(CREDENTIAL_STORE) private readonly credentials: CredentialStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required =
      this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES_METADATA, [context.getHandler(), context.getClass()]) ??
      [];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = presentedKey(request);
    if (!token) throw unauthenticated('an API key is required (Authorization: Bearer <key>)');
    const parsed = parseApiKey(token);
    const stored = parsed && (await this.credentials.findKey(parsed.keyId));
    // One answer for unknown, wrong and revoked keys: a caller learns nothing about which keys exist.
    if (
      !parsed ||
      !stored ||
      stored.revoked ||
      stored.agencyDisabled ||
      !secretMatches(parsed.secret, stored.secretHash)
    ) {
      throw unauthenticated('the API key is not valid');
    }
    if (required.length > 0 && !required.some((role) => stored.roles.includes(role))) {
      throw new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `this needs the role ${required.join(' or ')}`);
    }
    request.caller = { agency: stored.agency, keyId: stored.keyId, roles: stored.roles };
    return true;
  }
}

/** Marks a controller or route as needing a valid key with at least one of the roles, and counts it against the agency's rate limit. */
export function RequireRoles(...roles: Role[]) {
  return applyDecorators(SetMetadata(REQUIRED_ROLES_METADATA, roles), UseGuards(ApiKeyGuard, RateLimitGuard));
}

function presentedKey(request: AuthenticatedRequest): string | undefined {
  const authorization = request.header('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  return request.header('x-api-key')?.trim() || undefined;
}

function unauthenticated(message: string): ApiError {
  return new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', message);
}
