import { Controller, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Audited, Caller, CurrentCaller, RateLimited, RequireRoles } from '@crosscheck/auth';
import { OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import { recordView } from '../model/record.view';
import { ShareRecordInput, shareRecordInput } from './share-record.schema';
import { ShareRecordService } from './share-record.service';

@Controller('v1/records')
@RequireRoles('agency')
export class ShareRecordHttpController {
  constructor(private readonly shareRecord: ShareRecordService) {}

  /** 201 for a new record or a new version; 200 with the stored record when nothing changed. */
  @Post()
  @Audited('record.share')
  @RateLimited('records')
  @OpenApiOperation({ summary: 'Share one record', errors: [429] })
  async share(
    @CurrentCaller() caller: Caller,
    @SchemaBody(shareRecordInput) input: ShareRecordInput,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { outcome, record, warnings } = await this.shareRecord.share(caller.agency, input);
    response.status(outcome === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED);
    response.setHeader('Location', `/v1/records/${record.recordId}`);
    return { outcome, record: recordView(record), warnings };
  }
}
