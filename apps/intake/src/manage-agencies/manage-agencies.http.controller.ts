/** The admin API: agencies and their keys. (The audit log is libs/auth's AuditHttpController.) */
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { Audited, RequireRoles } from '@crosscheck/auth';
import { ApiError, SchemaBody } from '@crosscheck/runtime';
import {
  AGENCY_CODE_RULE,
  createAgencyInput,
  issueKeyInput,
  type CreateAgencyInput,
  type IssueKeyInput,
} from './manage-agencies.schema';
import { ManageAgenciesService } from './manage-agencies.service';

@Controller('v1/admin')
@RequireRoles('admin')
export class ManageAgenciesHttpController {
  constructor(private readonly agencies: ManageAgenciesService) {}

  @Post('agencies')
  @Audited('agency.create')
  createAgency(@SchemaBody(createAgencyInput) input: CreateAgencyInput) {
    return this.agencies.createAgency(input.code, input.name);
  }

  @Get('agencies')
  async listAgencies() {
    return { agencies: await this.agencies.listAgencies() };
  }

  @Post('agencies/:code/keys')
  @Audited('key.issue')
  issueKey(@Param('code') code: string, @SchemaBody(issueKeyInput) input: IssueKeyInput) {
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
}

function agencyCode(code: string): string {
  if (!AGENCY_CODE_RULE.test(code)) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `agency ${code} not found`);
  return code;
}
