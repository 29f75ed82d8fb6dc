import { Controller, Get } from '@nestjs/common';
import { OpenApiOperation } from '@crosscheck/runtime';
import { RequireRoles } from './api-key.guard';
import { Caller, CurrentCaller } from './caller';

/**
 * `GET /v1/whoami`: the agency, key and roles this service knows the caller's
 * key by. Every service answers it, so a client (or a script) can tell when a
 * new key has reached a service.
 */
@Controller('v1/whoami')
@RequireRoles()
export class WhoAmIHttpController {
  @Get()
  @OpenApiOperation({ summary: 'The agency, key id and roles behind the presented key' })
  whoami(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }
}
