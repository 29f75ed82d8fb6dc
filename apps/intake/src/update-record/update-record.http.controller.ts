import { Controller, Param, Put } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { SchemaBody } from '@crosscheck/runtime';
import { recordView } from '../model/record.view';
import { RecordContent, recordContentInput } from '../model/record-content.schema';
import { UpdateRecordService } from './update-record.service';

@Controller('v1/records')
@RequireRoles('agency')
export class UpdateRecordHttpController {
  constructor(private readonly updateRecord: UpdateRecordService) {}

  /** 200 with `updated` (a new version, published) or `unchanged`. */
  @Put(':id')
  @Audited('record.update')
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @SchemaBody(recordContentInput) content: RecordContent,
  ) {
    const { outcome, record, warnings } = await this.updateRecord.update(caller.agency, id, content);
    return { outcome, record: recordView(record), warnings };
  }
}
