import { Controller, Get, Param, Query } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { invalidField, OpenApiOperation } from '@crosscheck/runtime';
import { MAX_DEPTH, MAX_PATH_HOPS, NetworkService } from './network.service';

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
    return this.networks.of(caller.agency, id, hopsOf('depth', depth, 2, MAX_DEPTH));
  }

  @Get('entities/:id/path')
  @Audited('entity.network')
  @OpenApiOperation({
    summary:
      'How an entity is connected to another (`to`): the shortest explained path within `maxHops` (1-6, ' +
      'default 4), through what the caller may see',
  })
  path(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Query('to') to?: string,
    @Query('maxHops') maxHops?: string,
  ) {
    if (to === undefined) throw invalidField('to', 'isDefined', 'is required: the entity id to reach');
    return this.networks.path(caller.agency, id, to, hopsOf('maxHops', maxHops, 4, MAX_PATH_HOPS));
  }
}

function hopsOf(field: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^[1-9][0-9]*$/.test(value) || Number(value) > max)
    throw invalidField(field, 'isInRange', `must be a whole number from 1 to ${max}`);
  return Number(value);
}
