/**
 * The operator API for dead letters:
 *   GET  /v1/admin/dead-letters?topic=&status=&since=&until=&error=&key=&limit=&cursor=
 *   GET  /v1/admin/dead-letters/{id}
 *   POST /v1/admin/dead-letters/{id}/replay   {"reason": "..."}
 *   POST /v1/admin/dead-letters/{id}/discard  {"reason": "..."}
 * Operators only: a dead letter can come from any agency's record.
 */
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Audited, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import { deadLetterActionInput, type DeadLetterAction } from './dead-letter-action.schema';
import { DeadLettersService } from './dead-letters.service';

@Controller('v1/admin/dead-letters')
@RequireRoles('operator')
export class DeadLettersHttpController {
  constructor(private readonly deadLetters: DeadLettersService) {}

  @Get()
  @Audited('dead-letter.list')
  @OpenApiOperation({
    summary: 'Messages consumers gave up on, newest first: filter by topic, status, since/until, error text or key',
  })
  list(@Query() query: Record<string, unknown>) {
    return this.deadLetters.list(query);
  }

  @Get(':id')
  @Audited('dead-letter.show')
  @OpenApiOperation({ summary: 'One dead letter: where it failed, why, its headers and what operators did with it' })
  show(@Param('id') id: string) {
    return this.deadLetters.show(id);
  }

  @Post(':id/replay')
  @HttpCode(HttpStatus.OK)
  @OpenApiOperation({
    summary: 'Send the original message back to its topic, marked as a replay; repeating it changes nothing downstream',
  })
  replay(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @SchemaBody(deadLetterActionInput) body: DeadLetterAction,
  ) {
    return this.deadLetters.replay(caller, id, body.reason);
  }

  @Post(':id/discard')
  @HttpCode(HttpStatus.OK)
  @OpenApiOperation({ summary: 'Close a dead letter without replaying it; it stays listed with who and why' })
  discard(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @SchemaBody(deadLetterActionInput) body: DeadLetterAction,
  ) {
    return this.deadLetters.discard(caller, id, body.reason);
  }
}
