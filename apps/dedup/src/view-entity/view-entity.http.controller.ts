import { Controller, Get, Param } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { OpenApiOperation } from '@crosscheck/runtime';
import { ViewEntityService } from './view-entity.service';

@Controller('v1')
@RequireRoles('agency', 'analyst')
export class ViewEntityHttpController {
  constructor(private readonly view: ViewEntityService) {}

  @Get('entities/:id')
  @Audited('entity.read')
  @OpenApiOperation({
    summary: 'An entity: the member records the caller may see, the links between agencies, possible duplicates',
  })
  entity(@CurrentCaller() caller: Caller, @Param('id') id: string) {
    return this.view.entity(caller.agency, id);
  }

  @Get('records/:id/entity')
  @Audited('entity.read')
  @OpenApiOperation({ summary: 'The entity a record belongs to, as the caller may see it' })
  entityOfRecord(@CurrentCaller() caller: Caller, @Param('id') id: string) {
    return this.view.entityOfRecord(caller.agency, id);
  }
}
