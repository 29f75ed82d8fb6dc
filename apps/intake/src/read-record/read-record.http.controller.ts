import { Controller, Get, Param } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { DataSource } from 'typeorm';
import { RecordAccess } from '../persistence/record-access';
import { recordView } from '../model/record.view';

@Controller('v1/records')
@RequireRoles('agency', 'analyst')
export class ReadRecordHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: RecordAccess,
  ) {}

  /** A record the agency may not see is answered exactly like one that does not exist. */
  @Get(':id')
  @Audited('record.read')
  async read(@CurrentCaller() caller: Caller, @Param('id') id: string) {
    return recordView(await this.access.visible(this.dataSource.manager, caller.agency, id));
  }
}
