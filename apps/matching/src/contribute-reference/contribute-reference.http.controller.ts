/**
 * `/v1/contributions/{dataset}`: an agency's own entries of sltd, smv,
 * firearms and works-of-art, added and changed one at a time or in batches
 * (idempotent by the agency's `entryRef`), read back, and removed with a
 * reason that goes to the audit log.
 */
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  Audited,
  AuthenticatedRequest,
  Caller,
  CurrentCaller,
  itemsOfBatch,
  RateLimited,
  RequireRoles,
} from '@crosscheck/auth';
import { ApiError, invalidField, OpenApiOperation } from '@crosscheck/runtime';
import type { Response } from 'express';
import { CONTRIBUTED_DATASETS, ContributedDataset, ENTRY_REF, isContributedDataset } from '../model/contribution';
import { ContributeReferenceService, MAX_CONTRIBUTION_BATCH } from './contribute-reference.service';

const ENTRY_BODY =
  '{"entryRef","dissemination":{"scope":"all"|"agencies"|"owner-only","agencies"?},' +
  ' and travelDocument (sltd), vehicle (smv), firearm (firearms) or artwork (works-of-art)}';

@Controller('v1/contributions')
@RequireRoles('agency')
export class ContributeReferenceHttpController {
  constructor(private readonly contributions: ContributeReferenceService) {}

  @Post(':dataset')
  @Audited('reference.contribute')
  @OpenApiOperation({
    summary: `Add or change one of your own entries: 201 created or updated (a new version of your part), 200 unchanged. Body: ${ENTRY_BODY}`,
  })
  async contribute(
    @CurrentCaller() caller: Caller,
    @Param('dataset') dataset: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const answer = await this.contributions.contribute(caller.agency, datasetOf(dataset), body);
    response.status(answer.outcome === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED);
    response.setHeader('Location', `/v1/contributions/${dataset}/${answer.contribution.entryRef}`);
    return answer;
  }

  @Post(':dataset/batch')
  @HttpCode(HttpStatus.OK)
  @Audited('reference.contribute-batch')
  @RateLimited('writes', itemsOfBatch)
  @OpenApiOperation({
    summary: `Add or change up to ${MAX_CONTRIBUTION_BATCH} of your own entries (a JSON array), answered item by item; the good ones are one new version of your part`,
  })
  async contributeBatch(@CurrentCaller() caller: Caller, @Param('dataset') dataset: string, @Body() body: unknown) {
    const checked = datasetOf(dataset);
    if (!Array.isArray(body)) throw invalidField('entries', 'isArray', 'the body must be a JSON array of entries');
    if (body.length === 0 || body.length > MAX_CONTRIBUTION_BATCH)
      throw invalidField('entries', 'arraySize', `must hold 1 to ${MAX_CONTRIBUTION_BATCH} entries`);
    return this.contributions.contributeBatch(caller.agency, checked, body);
  }

  @Get(':dataset')
  @Audited('reference.contribution.list')
  @OpenApiOperation({ summary: 'Your own entries of the dataset, by entryRef; limit 1-500, cursor' })
  async list(
    @CurrentCaller() caller: Caller,
    @Param('dataset') dataset: string,
    @Query('limit') limit = '100',
    @Query('cursor') cursor?: string,
  ) {
    const checked = datasetOf(dataset);
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 500)
      throw invalidField('limit', 'isInt', 'must be a whole number from 1 to 500');
    const after = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString();
    if (after !== undefined && !ENTRY_REF.test(after)) throw invalidField('cursor', 'isCursor', 'must be a nextCursor');
    return this.contributions.list(caller.agency, checked, { limit: Number(limit), after });
  }

  @Get(':dataset/:entryRef')
  @Audited('reference.contribution.read')
  @OpenApiOperation({ summary: 'One of your own entries' })
  async read(@CurrentCaller() caller: Caller, @Param('dataset') dataset: string, @Param('entryRef') entryRef: string) {
    return this.contributions.find(caller.agency, datasetOf(dataset), entryRef);
  }

  @Put(':dataset/:entryRef')
  @Audited('reference.contribute')
  @OpenApiOperation({ summary: 'Change one of your own entries (the whole entry; entryRef from the path)' })
  async change(
    @CurrentCaller() caller: Caller,
    @Param('dataset') dataset: string,
    @Param('entryRef') entryRef: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    const checked = datasetOf(dataset);
    await this.contributions.find(caller.agency, checked, entryRef);
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw invalidField('entry', 'isObject', 'must be a JSON object');
    const given = (body as { entryRef?: unknown }).entryRef;
    if (given !== undefined && given !== entryRef)
      throw invalidField('entryRef', 'immutable', 'must be the entryRef of the path, or left out');
    const answer = await this.contributions.contribute(caller.agency, checked, { ...body, entryRef });
    response.status(HttpStatus.OK);
    return answer;
  }

  @Delete(':dataset/:entryRef')
  @Audited('reference.contribution.remove')
  @OpenApiOperation({
    summary:
      'Remove one of your own entries (a vehicle found, a document recovered) with ?reason= (kept in the audit log); its standing alerts are retracted',
  })
  async remove(
    @CurrentCaller() caller: Caller,
    @Req() request: AuthenticatedRequest,
    @Param('dataset') dataset: string,
    @Param('entryRef') entryRef: string,
    @Query('reason') reason?: string,
  ) {
    const checked = datasetOf(dataset);
    if (reason === undefined || reason.trim().length === 0)
      throw invalidField('reason', 'isNotEmpty', 'is required: why the entry is removed (found, recovered...)');
    if (reason.length > 500) throw invalidField('reason', 'maxLength', 'must be at most 500 characters');
    const removed = await this.contributions.remove(caller.agency, checked, entryRef);
    request.auditDetail = `${checked}/${removed.entryId} removed: ${reason}`;
    return { outcome: 'removed', contribution: removed };
  }
}

function datasetOf(dataset: string): ContributedDataset {
  if (!isContributedDataset(dataset))
    throw new ApiError(
      HttpStatus.NOT_FOUND,
      'not_found',
      `agencies contribute to ${CONTRIBUTED_DATASETS.join(', ')}; notices come from reviewed requests`,
    );
  return dataset;
}
