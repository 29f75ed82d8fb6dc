import { Controller, Get, Param, Query } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { invalidField, OpenApiOperation } from '@crosscheck/runtime';
import { MAX_DEPTH, NetworkService } from './network.service';

@Controller('v1')
@RequireRoles('agency', 'analyst')
export class NetworkHttpController {
  constructor(private readonly networks: NetworkService) {}

  @Get('entities/:id/network')
  @Audited('entity.network')
  @OpenApiOperation({
    summary:
      'The entities reachable from an entity in up to `depth` hops (1-3, default 2) through shared attributes ' +
      'and declared relations, each edge explained and scored; only what the caller may see',
  })
  network(@CurrentCaller() caller: Caller, @Param('id') id: string, @Query('depth') depth?: string) {
    return this.networks.of(caller.agency, id, depthOf(depth));
  }
}

function depthOf(depth: string | undefined): number {
  if (depth === undefined) return 2;
  if (!/^[1-9][0-9]*$/.test(depth) || Number(depth) > MAX_DEPTH)
    throw invalidField('depth', 'isInRange', `must be a whole number from 1 to ${MAX_DEPTH}`);
  return Number(depth);
}
