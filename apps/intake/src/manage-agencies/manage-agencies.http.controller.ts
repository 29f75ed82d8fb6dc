/** The admin API: agencies, their keys, and the audit log. */
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { AuditLog, Audited, RequireRoles } from '@crosscheck/auth';
import { ApiError, invalidField } from '@crosscheck/runtime';
import { AGENCY_CODE_RULE, CreateAgencyDto, IssueKeyDto } from './manage-agencies.dto';
import { ManageAgenciesService } from './manage-agencies.service';

@Controller('v1/admin')
@RequireRoles('admin')
export class ManageAgenciesHttpController {
  constructor(
    private readonly agencies: ManageAgenciesService,
    private readonly audit: AuditLog,
  ) {}

  @Post('agencies')
  @Audited('agency.create')
  createAgency(@Body() input: CreateAgencyDto) {
    return this.agencies.createAgency(input.code, input.name);
  }

  @Get('agencies')
  async listAgencies() {
    return { agencies: await this.agencies.listAgencies() };
  }

  @Post('agencies/:code/keys')
  @Audited('key.issue')
  issueKey(@Param('code') code: string, @Body() input: IssueKeyDto) {
    return this.agencies.issueKey(agencyCode(code), input.roles, input.label ?? '');
  }

  @Get('agencies/:code/keys')
  async listKeys(@Param('code') code: string) {
    return { keys: await this.agencies.listKeys(agencyCode(code)) };
  }

  @Post('keys/:keyId/rotate')
  @Audited('key.rotate')
  rotateKey(@Param('keyId') keyId: string) {
    return this.agencies.rotateKey(keyId);
  }

  @Delete('keys/:keyId')
  @HttpCode(HttpStatus.OK)
  @Audited('key.revoke')
  revokeKey(@Param('keyId') keyId: string) {
    return this.agencies.revokeKey(keyId);
  }

  @Get('audit')
  async queryAudit(
    @Query('agency') agency?: string,
    @Query('action') action?: string,
    @Query('recordId') recordId?: string,
    @Query('cursor') cursor?: string,
    @Query('limit') limit = '100',
  ) {
    if (cursor !== undefined && !/^\d+$/.test(cursor)) throw invalidField('cursor', 'query', 'must be a cursor from a previous page');
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000) throw invalidField('limit', 'query', 'must be a whole number from 1 to 1000');
    const entries = await this.audit.query({ agency, action, recordId, before: cursor, limit: Number(limit) });
    return { entries, nextCursor: entries.length === Number(limit) ? entries[entries.length - 1].id : null };
  }
}

function agencyCode(code: string): string {
  if (!AGENCY_CODE_RULE.test(code)) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `agency ${code} not found`);
  return code;
}

