import { Controller, Headers, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  Audited,
  AuditLog,
  auditSuccessWithin,
  AuthenticatedRequest,
  Caller,
  CurrentCaller,
  RateLimited,
  RequireRoles,
} from '@crosscheck/auth';
import { OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import { recordView } from '../model/record.view';
import { operationHeader, taggedBy } from './operation-header';
import { ShareRecordInput, shareRecordInput } from './share-record.schema';
import { ShareRecordService } from './share-record.service';

@Controller('v1/records')
@RequireRoles('agency')
export class ShareRecordHttpController {
  constructor(
    private readonly shareRecord: ShareRecordService,
    private readonly audit: AuditLog,
  ) {}

  /** 201 for a new record or a new version; 200 with the stored record when nothing changed. The audit line commits with the record. */
  @Post()
  @Audited('record.share')
  @RateLimited('records')
  @OpenApiOperation({
    summary:
      'Share one record. X-Operation: <code> (or the operation field) shares it for an operation you take part in',
    errors: [403, 429],
  })
  async share(
    @CurrentCaller() caller: Caller,
    @SchemaBody(shareRecordInput) input: ShareRecordInput,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
    @Headers('x-operation') operation?: string,
  ) {
    const tagged = taggedBy(input, operationHeader(operation));
    const statusOf = (outcome: string) => (outcome === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED);
    const { outcome, record, warnings } = await this.shareRecord.share(caller.agency, tagged, (transaction, result) =>
      auditSuccessWithin(this.audit, request, transaction, statusOf(result.outcome), [result.record.recordId]),
    );
    response.status(statusOf(outcome));
    response.setHeader('Location', `/v1/records/${record.recordId}`);
    return { outcome, record: recordView(record), warnings };
  }
}
