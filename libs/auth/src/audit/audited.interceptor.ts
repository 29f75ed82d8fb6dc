/**
 * `@Audited('record.share')` on a route writes one audit line per call,
 * whether it succeeded, was refused (4xx) or failed (5xx). The record ids come
 * from the route's `:id` and from the response.
 */
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { trace } from '@opentelemetry/api';
import type { AuthenticatedRequest } from '../caller';
import type { Response } from 'express';
import { catchError, concatMap, Observable } from 'rxjs';
import { AuditLog } from './audit-log';

const ACTION = 'crosscheck:audit-action';

export function Audited(action: string) {
  return applyDecorators(SetMetadata(ACTION, action), UseInterceptors(AuditedInterceptor));
}

@Injectable()
export class AuditedInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditLog,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<string>(ACTION, context.getHandler());
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const write = async (status: number, body: unknown) => {
      const recordIds = [
        ...new Set([...(typeof request.params?.id === 'string' ? [request.params.id] : []), ...recordIdsIn(body)]),
      ];
      await this.audit.append({
        agency: request.caller?.agency ?? null,
        keyId: request.caller?.keyId ?? null,
        action,
        recordIds,
        outcome: status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed',
        status,
        traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
        detail: request.auditDetail ?? null,
      });
    };
    // The answer waits for its audit line: nothing is served that was not logged.
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        await write(response.statusCode, body);
        return body;
      }),
      catchError(async (error: unknown) => {
        await write(error instanceof HttpException ? error.getStatus() : 500, undefined);
        throw error;
      }),
    );
  }
}

function recordIdsIn(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const value = body as {
    id?: unknown;
    recordId?: unknown;
    record?: { id?: unknown };
    records?: unknown[];
    results?: unknown[];
    alerts?: unknown[];
  };
  const ids: string[] = [];
  if (typeof value.id === 'string') ids.push(value.id);
  // Alerts name the shared record they are about.
  if (typeof value.recordId === 'string') ids.push(value.recordId);
  if (typeof value.record?.id === 'string') ids.push(value.record.id);
  for (const item of [...(value.records ?? []), ...(value.results ?? []), ...(value.alerts ?? [])])
    ids.push(...recordIdsIn(item));
  return ids;
}
