import { Controller, Delete, Param, Query } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { invalidField } from '@crosscheck/runtime';
import { recordView } from '../model/record.view';
import { WithdrawRecordService } from './withdraw-record.service';

@Controller('v1/records')
@RequireRoles('agency')
export class WithdrawRecordHttpController {
  constructor(private readonly withdrawRecord: WithdrawRecordService) {}

  /** 200 with the withdrawn record; again, the same answer and nothing more published. */
  @Delete(':id')
  @Audited('record.withdraw')
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query('reason') reason = 'withdrawn by owner',
  ) {
    // Its text rules are those of every query value, checked before routing (libs/runtime request-target).
    if (reason.length > 200) throw invalidField('reason', 'maxLength', 'must be at most 200 characters');
    return recordView(await this.withdrawRecord.withdrawByOwner(caller.agency, id, reason));
  }
}
