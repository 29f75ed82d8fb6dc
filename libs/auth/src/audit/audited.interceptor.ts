/**
 * `@Audited('record.share')` on a route writes one audit line per call,
 * whether it succeeded, was refused (4xx) or failed (5xx). The record ids come
 * from the route's `:id` and from the response. A route whose work is one
 * transaction writes its success line in it with `auditSuccessWithin`, so the
 * line commits with the work (and costs no commit of its own); the interceptor
 * then writes only refusals and failures.
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
import type { EntityManager } from 'typeorm';
import type { AuditEntry } from './audit-chain';
import { AuditLog } from './audit-log';

const ACTION = 'crosscheck:audit-action';

/** What the interceptor leaves on the request for `auditSuccessWithin`: the route's action, and whether its line is written. */
interface AuditedRequest extends AuthenticatedRequest {
  audit?: { action: string; writtenWithin: boolean };
}

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
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    request.audit = { action, writtenWithin: false };
    const write = async (status: number, body: unknown) => {
      await this.audit.append(auditEntry(request, action, status, recordIdsIn(body)));
    };
    // The answer waits for its audit line: nothing is served that was not logged.
    return next.handle().pipe(
      concatMap(async (body: unknown) => {
        if (!request.audit?.writtenWithin) await write(response.statusCode, body);
        return body;
      }),
      catchError(async (error: unknown) => {
        await write(error instanceof HttpException ? error.getStatus() : 500, undefined);
        throw error;
      }),
    );
  }
}

/**
 * Writes the success line of the `@Audited` route serving `request` in
 * `transaction`, the one its work is done in: the line commits, or not, with
 * that work. `status` is the one the route will answer.
 */
export async function auditSuccessWithin(
  audit: AuditLog,
  request: AuthenticatedRequest,
  transaction: EntityManager,
  status: number,
  recordIds: string[],
): Promise<void> {
  const audited = (request as AuditedRequest).audit;
  if (!audited) throw new Error('auditSuccessWithin serves @Audited routes only');
  await audit.append(auditEntry(request, audited.action, status, recordIds), transaction);
  audited.writtenWithin = true;
}

function auditEntry(request: AuthenticatedRequest, action: string, status: number, recordIds: string[]): AuditEntry {
  return {
    agency: request.caller?.agency ?? null,
    keyId: request.caller?.keyId ?? null,
    action,
    recordIds: [...new Set([...(typeof request.params?.id === 'string' ? [request.params.id] : []), ...recordIds])],
    outcome: status < 400 ? 'ok' : status < 500 ? 'refused' : 'failed',
    status,
    traceId: trace.getActiveSpan()?.spanContext().traceId ?? null,
    detail: request.auditDetail ?? null,
  };
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
