import { Controller, Get, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiError } from '@crosscheck/runtime';
import { DataSource } from 'typeorm';
import { Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { Audited } from '../audit/audited.interceptor';
import { mayView, recordView } from '../records/record.view';
import { RecordsRepository } from '../records/records.repository';

@Controller('v1/records')
@RequireRoles('agency', 'analyst')
export class ReadRecordHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
  ) {}

  /** A record the agency may not see is answered exactly like one that does not exist. */
  @Get(':id')
  @Audited('record.read')
  async read(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string) {
    const record = await this.records.findById(this.dataSource.manager, id);
    if (!record || !mayView(caller.agency, record)) throw notFound();
    return recordView(record);
  }
}

function notFound(): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'record not found');
}
