import { Controller, Get, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { AgencyCode } from '@crosscheck/auth';
import { mayView, recordView } from '../records/record.view';
import { RecordsRepository } from '../records/records.repository';

@Controller('v1/records')
export class ReadRecordHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
  ) {}

  /** A record the agency may not see is answered exactly like one that does not exist. */
  @Get(':id')
  async read(@AgencyCode() agency: string, @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) id: string) {
    const record = await this.records.findById(this.dataSource.manager, id);
    if (!record || !mayView(agency, record)) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `record ${id} not found`);
    return recordView(record);
  }
}
