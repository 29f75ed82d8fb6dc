/**
 * `POST /v1/checks`: one query, answered with its hits. `POST /v1/checks/batch`:
 * up to 1,000 queries as a JSON array, answered item by item.
 */
import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import {
  Audited,
  AuditLog,
  auditSuccessWithin,
  AuthenticatedRequest,
  Caller,
  CurrentCaller,
  itemsOfBatch,
  RateLimited,
  RequireRoles,
} from '@crosscheck/auth';
import { ApiError, invalidField, OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import { CheckQuery, checkQuery, MAX_CHECK_BATCH } from './instant-check.dto';
import { InstantCheckService } from './instant-check.service';

@Controller('v1/checks')
@RequireRoles('agency', 'analyst', 'frontline')
export class InstantCheckHttpController {
  constructor(
    private readonly checks: InstantCheckService,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Audited('reference.check')
  @RateLimited('checks')
  @OpenApiOperation({
    summary:
      'Check one person, document, vehicle, firearm or artwork against every dataset that applies; nothing of it is stored. X-Operation: <code> counts it in an operation the agency takes part in',
  })
  async check(
    @CurrentCaller() caller: Caller,
    @SchemaBody(checkQuery) query: CheckQuery,
    @Req() request: AuthenticatedRequest,
    @Headers('x-operation') operationCode?: string,
  ) {
    const operation = await this.checks.operationFor(caller.agency, operationCode);
    // The audit line commits with the hits it answers: an officer's check waits for one commit, not two.
    const hits = await this.checks.check(caller.agency, query, operation, (transaction) =>
      auditSuccessWithin(this.audit, request, transaction, HttpStatus.OK, []),
    );
    return { hits };
  }

  @Post('batch')
  @HttpCode(HttpStatus.OK)
  @Audited('reference.check-batch')
  @RateLimited('checks', itemsOfBatch)
  @OpenApiOperation({
    summary: 'Check up to 1,000 queries at once, answered item by item',
    body: { schema: checkQuery.schema, array: { maxItems: MAX_CHECK_BATCH } },
  })
  async checkBatch(
    @CurrentCaller() caller: Caller,
    @Body() items: unknown,
    @Headers('x-operation') operationCode?: string,
  ) {
    if (!Array.isArray(items)) throw invalidField('queries', 'isArray', 'the body must be a JSON array of queries');
    if (items.length === 0) throw invalidField('queries', 'arrayMinSize', 'must hold at least one query');
    if (items.length > MAX_CHECK_BATCH)
      throw new ApiError(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'too_many_items',
        `a batch holds at most ${MAX_CHECK_BATCH} queries, not ${items.length}`,
      );
    const operation = await this.checks.operationFor(caller.agency, operationCode);
    return { results: await this.checks.checkBatch(caller.agency, items, operation) };
  }
}
