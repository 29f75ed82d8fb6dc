/** `GET /v1/admin/audit`: an admin queries the service's own audit log, newest first. Every service that keeps one serves it. */
import { Controller, Get, Query } from '@nestjs/common';
import { invalidField, OpenApiOperation } from '@crosscheck/runtime';
import { RequireRoles } from '../api-key.guard';
import { AuditLog } from './audit-log';

@Controller('v1/admin/audit')
@RequireRoles('admin')
export class AuditHttpController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @OpenApiOperation({
    summary: 'This service’s audit log, newest first: filter by agency, action or record id; page with cursor',
  })
  async query(
    @Query('agency') agency?: string,
    @Query('action') action?: string,
    @Query('recordId') recordId?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit = '100',
  ) {
    // An audit id is a bigint: more than 18 digits could overflow it.
    if (cursor !== undefined && !/^\d{1,18}$/.test(cursor))
      throw invalidField('cursor', 'query', 'must be a cursor from a previous page');
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000)
      throw invalidField('limit', 'query', 'must be a whole number from 1 to 1000');
    const entries = await this.audit.query({ agency, action, recordId, before: cursor, limit: Number(limit) });
    return { entries, nextCursor: entries.length === Number(limit) ? entries[entries.length - 1].id : null };
  }
}
