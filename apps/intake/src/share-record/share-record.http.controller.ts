import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AgencyCode } from '@crosscheck/auth';
import { recordView } from '../records/record.view';
import { ShareRecordDto } from './share-record.dto';
import { ShareRecordService } from './share-record.service';

@Controller('v1/records')
export class ShareRecordHttpController {
  constructor(private readonly shareRecord: ShareRecordService) {}

  /** 201 for a new record or a new version; 200 with the stored record when nothing changed. */
  @Post()
  async share(@AgencyCode() agency: string, @Body() input: ShareRecordDto, @Res({ passthrough: true }) response: Response) {
    const { outcome, record } = await this.shareRecord.share(agency, input);
    response.status(outcome === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED);
    response.setHeader('Location', `/v1/records/${record.recordId}`);
    return { outcome, record: recordView(record) };
  }
}
