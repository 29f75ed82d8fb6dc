/**
 * `/v1/notice-requests`: agencies request notices and diffusions, follow and
 * cancel their own; the reviewer sees every request with its compliance
 * check and decides. `/v1/notice-quotas`: the pilot colours' quotas.
 */
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Req } from '@nestjs/common';
import { Audited, AuthenticatedRequest, Caller, CurrentCaller, RequireRoles } from '@crosscheck/auth';
import { ApiError, invalidField, isUuid, OpenApiOperation, SchemaBody } from '@crosscheck/runtime';
import {
  NoticeCancellation,
  noticeCancellationInput,
  NoticeDecision,
  noticeDecisionInput,
  NoticeQuota,
  noticeQuotaInput,
  quotaShare,
  RequestStatus,
} from '../model/notice-request';
import { NOTICE_COLOURS, NoticeColourName } from '../model/reference-line.schema';
import { NoticeRequestsRepository, StoredRequest } from '../persistence/notice-requests.repository';
import { DataSource } from 'typeorm';
import { NoticeRequestsService, REVIEWER } from './notice-requests.service';

const STATUSES: RequestStatus[] = ['pending', 'approved', 'refused', 'cancelled'];

@Controller('v1/notice-requests')
export class NoticeRequestsHttpController {
  constructor(private readonly notices: NoticeRequestsService) {}

  @Post()
  @RequireRoles('agency', 'reviewer')
  @Audited('notice.request')
  @OpenApiOperation({
    summary:
      'Request a notice of any colour, or a diffusion to named agencies; 201 pending review. Required per colour: red charges and subject.dateOfBirth; yellow reason and subject.dateOfBirth; black reason and subject.distinguishingMarks; silver charges and assets; others reason',
    errors: [403, 409],
  })
  async request(@CurrentCaller() caller: Caller, @Req() http: AuthenticatedRequest, @Body() input: unknown) {
    const request = await this.notices.request(caller, input);
    http.auditDetail = `${request.type} ${request.colour} request ${request.requestId}`;
    return viewOf(request);
  }

  @Get()
  @RequireRoles('agency', 'reviewer')
  @Audited('notice.request.list')
  @OpenApiOperation({ summary: 'Your requests (the reviewer: every request), newest first; status, limit, cursor' })
  async list(
    @CurrentCaller() caller: Caller,
    @Query('status') status?: string,
    @Query('limit') limit = '50',
    @Query('cursor') cursor?: string,
  ) {
    if (status !== undefined && !STATUSES.includes(status as RequestStatus))
      throw invalidField('status', 'isIn', `must be one of ${STATUSES.join(', ')}`);
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 500)
      throw invalidField('limit', 'isInt', 'must be a whole number from 1 to 500');
    if (cursor !== undefined && Number.isNaN(Date.parse(cursor)))
      throw invalidField('cursor', 'isCursor', 'must be a nextCursor');
    const requests = await this.notices.list(caller, {
      status: status as RequestStatus | undefined,
      before: cursor,
      limit: Number(limit),
    });
    const last = requests[requests.length - 1];
    return {
      requests: requests.map(viewOf),
      nextCursor: requests.length === Number(limit) && last ? last.createdAt : null,
    };
  }

  @Get(':requestId')
  @RequireRoles('agency', 'reviewer')
  @Audited('notice.request.read')
  @OpenApiOperation({
    summary: 'One request; the reviewer also sees the compliance check (notices already covering the subject)',
  })
  async read(@CurrentCaller() caller: Caller, @Param('requestId') requestId: string) {
    const request = await this.notices.find(caller, checkedId(requestId));
    if (!caller.roles.includes(REVIEWER)) return viewOf(request);
    return { ...viewOf(request), compliance: { coveredBy: await this.notices.coveringNotices(request) } };
  }

  @Post(':requestId/decision')
  @HttpCode(HttpStatus.OK)
  @RequireRoles('reviewer')
  @Audited('notice.request.decide')
  @OpenApiOperation({
    summary:
      'Approve (publish into notices) or refuse a pending request, with a reason; a refusal may name the forbidden ground (political, military, religious, racial)',
    errors: [409],
  })
  async decide(
    @CurrentCaller() caller: Caller,
    @Req() http: AuthenticatedRequest,
    @Param('requestId') requestId: string,
    @SchemaBody(noticeDecisionInput) decision: NoticeDecision,
  ) {
    const decided = await this.notices.decide(caller, checkedId(requestId), decision);
    http.auditDetail = `request ${requestId} ${decided.status}${decision.forbiddenGround ? ` (${decision.forbiddenGround} character)` : ''}: ${decision.reason}`;
    return viewOf(decided);
  }

  @Post(':requestId/cancel')
  @HttpCode(HttpStatus.OK)
  @RequireRoles('agency', 'reviewer')
  @Audited('notice.request.cancel')
  @OpenApiOperation({
    summary: 'Cancel your request; a published notice is removed and its hits retracted',
    errors: [409],
  })
  async cancel(
    @CurrentCaller() caller: Caller,
    @Req() http: AuthenticatedRequest,
    @Param('requestId') requestId: string,
    @SchemaBody(noticeCancellationInput) cancellation: NoticeCancellation,
  ) {
    const cancelled = await this.notices.cancel(caller, checkedId(requestId), cancellation.reason);
    http.auditDetail = `request ${requestId} cancelled: ${cancellation.reason}`;
    return viewOf(cancelled);
  }
}

@Controller('v1/notice-quotas')
export class NoticeQuotasHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: NoticeRequestsRepository,
  ) {}

  @Get()
  @RequireRoles('agency', 'reviewer')
  @Audited('notice.quota.list')
  @OpenApiOperation({ summary: 'The pilot colours’ quotas, with your share and what you have used of it' })
  async list(@CurrentCaller() caller: Caller) {
    const quotas = await this.requests.quotas(this.dataSource.manager);
    return {
      quotas: await Promise.all(
        quotas.map(async (quota) => ({
          ...quota,
          share: quotaShare(quota, caller.agency),
          used: await this.requests.countTowardsQuota(this.dataSource.manager, caller.agency, quota.colour),
        })),
      ),
    };
  }

  @Put(':colour')
  @RequireRoles('reviewer')
  @Audited('notice.quota.set')
  @OpenApiOperation({ summary: 'Limit a pilot colour: a total, shared equally among the participating agencies' })
  async set(@Param('colour') colour: string, @SchemaBody(noticeQuotaInput) input: NoticeQuota) {
    if (!(NOTICE_COLOURS as readonly string[]).includes(colour))
      throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `no notice colour ${colour}`);
    const quota = {
      colour: colour as NoticeColourName,
      total: input.total,
      participants: [...new Set(input.participants)],
    };
    await this.requests.setQuota(this.dataSource.manager, quota);
    return quota;
  }
}

function checkedId(requestId: string): string {
  if (!isUuid(requestId))
    throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', `notice request ${requestId} not found`);
  return requestId;
}

function viewOf(request: StoredRequest) {
  return {
    requestId: request.requestId,
    requester: request.requester,
    type: request.type,
    colour: request.colour,
    status: request.status,
    subject: request.request.subject,
    assets: request.request.assets,
    charges: request.request.charges,
    reason: request.request.reason,
    legalBasis: request.request.legalBasis,
    addressees: request.request.addressees,
    entryId: request.entryId,
    decision: request.decision,
    cancellation: request.cancellation,
    createdAt: request.createdAt,
  };
}
