/**
 * Notice and diffusion requests under review. An agency requests; a reviewer
 * (the exchange's operator) approves or refuses with a reason after the
 * compliance check; only an approved request is published, as its
 * requester's entry of `notices` through the loader's own code
 * (persistence/reference-versions), so retro-checks follow as for any load.
 * A refused request never reaches matching's reference data. The requester
 * may cancel a published notice; its matches are then retracted.
 */
import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { Caller } from '@crosscheck/auth';
import { Outbox } from '@crosscheck/messaging';
import { ApiError, invalidField } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { entryFactsOf } from '../model/datasets';
import { Matcher } from '../model/matcher';
import {
  noticeRequestInput,
  NoticeDecision,
  noticeEntryId,
  noticeEntryOf,
  NoticeRequestInput,
  quotaShare,
  RequestStatus,
} from '../model/notice-request';
import type { ReferenceChange } from '../model/reference-change';
import { NoticeRequestsRepository, StoredRequest } from '../persistence/notice-requests.repository';
import { KnownAgencies } from '../persistence/known-agencies';
import { loadReference } from '../persistence/reference-versions';

export const REVIEWER = 'reviewer';

@Injectable()
export class NoticeRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly requests: NoticeRequestsRepository,
    private readonly matcher: Matcher,
    private readonly knownAgencies: KnownAgencies,
  ) {}

  async request(caller: Caller, body: unknown): Promise<StoredRequest> {
    const input = readRequest(body);
    if (input.colour === 'un' && !caller.roles.includes(REVIEWER))
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'forbidden',
        'colour: the UN special notice is requested by the General Secretariat (the reviewer) alone',
      );
    await this.checkAddressees(input.addressees ?? []);
    return this.dataSource.transaction(async (transaction) => {
      if (input.type === 'notice') await this.takeQuotaPlace(transaction, caller.agency, input);
      return this.requests.insert(transaction, { requestId: randomUUID(), requester: caller.agency, body: input });
    });
  }

  /** A diffusion goes to agencies that exist: a code naming none would reach an agency created later under it. */
  private async checkAddressees(addressees: string[]): Promise<void> {
    const unknown = await this.knownAgencies.unknownCodes(this.dataSource.manager, addressees);
    const index = addressees.findIndex((code) => unknown.has(code));
    if (index >= 0)
      throw invalidField(
        `addressees[${index}]`,
        'knownAgency',
        `${addressees[index]} is not an agency of the exchange`,
      );
  }

  /** The requester sees its own requests; the reviewer sees every one. Others get the 404 of a missing one. */
  async find(caller: Caller, requestId: string): Promise<StoredRequest> {
    const found = await this.requests.find(this.dataSource.manager, requestId);
    if (!found || !(caller.roles.includes(REVIEWER) || found.requester === caller.agency)) throw notFound(requestId);
    return found;
  }

  async list(caller: Caller, filter: { status?: RequestStatus; before?: string; limit: number }) {
    return this.requests.list(this.dataSource.manager, {
      ...filter,
      requester: caller.roles.includes(REVIEWER) ? undefined : caller.agency,
    });
  }

  /** Notices of the same colour already covering the subject, by the name engine: what makes an approval a duplicate. */
  async coveringNotices(request: StoredRequest): Promise<string[]> {
    const entry = noticeEntryOf(request.requestId, request.requester, request.request);
    const facts = entryFactsOf('notices', entry);
    if (!facts) return [];
    const findings = await this.matcher.findForRecord(this.dataSource.manager, facts);
    return findings
      .filter((finding) => finding.dataset === 'notices' && finding.level === 'hit')
      .filter((finding) => finding.entry.entryId !== entry.entryId)
      .filter((finding) => {
        const body = finding.entry.entry.body;
        return body.case === 'notice' && body.value.colour === (entry.body.value as { colour: number }).colour;
      })
      .map((finding) => finding.entry.entryId);
  }

  async decide(caller: Caller, requestId: string, decision: NoticeDecision): Promise<StoredRequest> {
    const request = await this.find(caller, requestId);
    if (decision.decision === 'refuse') {
      await this.dataSource.transaction(async (transaction) => {
        await this.pending(transaction, requestId);
        await this.requests.decide(transaction, requestId, {
          status: 'refused',
          reviewer: caller.agency,
          reason: decision.reason,
          forbiddenGround: decision.forbiddenGround,
        });
      });
      return this.find(caller, requestId);
    }
    if (decision.forbiddenGround !== undefined)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'forbiddenGround: only a refusal names one', [
        { field: 'forbiddenGround', rule: 'onlyWhenRefused', message: 'only a refusal names a forbidden ground' },
      ]);
    const covering = await this.coveringNotices(request);
    if (covering.length > 0)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'subject_already_covered',
        `the subject is already covered by an active ${request.colour} notice: ${covering.join(', ')}`,
      );
    const entry = noticeEntryOf(request.requestId, request.requester, request.request);
    await this.publish(request, [{ line: 1, op: 'upsert', entry }], async (transaction) => {
      await this.pending(transaction, requestId);
      await this.requests.decide(transaction, requestId, {
        status: 'approved',
        reviewer: caller.agency,
        reason: decision.reason,
        entryId: entry.entryId,
      });
    });
    return this.find(caller, requestId);
  }

  /** The requester withdraws its request: a pending one is dropped, a published notice is removed (and its hits retracted). */
  async cancel(caller: Caller, requestId: string, reason: string): Promise<StoredRequest> {
    const request = await this.find(caller, requestId);
    if (request.requester !== caller.agency) throw notFound(requestId);
    const cancel = async (transaction: EntityManager) => {
      const current = await this.requests.find(transaction, requestId, true);
      if (current?.status !== 'pending' && current?.status !== 'approved') throw invalidTransition(current!, 'cancel');
      await this.requests.cancel(transaction, requestId, reason);
    };
    if (request.status === 'approved')
      await this.publish(
        request,
        [{ line: 1, op: 'remove', entryId: noticeEntryId(request.requester, requestId) }],
        cancel,
      );
    else await this.dataSource.transaction(cancel);
    return this.find(caller, requestId);
  }

  private async publish(
    request: StoredRequest,
    changes: ReferenceChange[],
    alongside: (transaction: EntityManager) => Promise<void>,
  ): Promise<void> {
    await loadReference(
      this.dataSource,
      this.outbox,
      (async function* () {
        yield* changes;
      })(),
      {
        dataset: 'notices',
        owner: request.requester,
        contributor: request.requester,
        dissemination: { scope: 'owner-only' },
        mode: 'delta',
        stopOnBadLine: true,
        alongside,
      },
    );
  }

  private async pending(transaction: EntityManager, requestId: string): Promise<void> {
    const current = await this.requests.find(transaction, requestId, true);
    if (current?.status !== 'pending') throw invalidTransition(current!, 'decide');
  }

  private async takeQuotaPlace(transaction: EntityManager, agency: string, input: NoticeRequestInput): Promise<void> {
    const quota = await this.requests.quotaForUpdate(transaction, input.colour);
    if (!quota) return;
    const share = quotaShare(quota, agency);
    const used = await this.requests.countTowardsQuota(transaction, agency, input.colour);
    if (used >= share)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'quota_exceeded',
        share === 0
          ? `${input.colour} notices are a pilot limited to ${quota.participants.join(', ')}; ${agency} does not take part`
          : `${agency}'s share of ${input.colour} notices is ${share} (${quota.total} shared by ${quota.participants.length} agencies), and ${used} are requested or published`,
        [{ field: 'colour', rule: 'withinQuota', message: `beyond ${agency}'s share of ${share}` }],
      );
  }
}

function readRequest(body: unknown): NoticeRequestInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', 'request: must be a JSON object', [
      { field: 'request', rule: 'isObject', message: 'must be a JSON object' },
    ]);
  // Stored as decoded (agency codes upper-cased): plain JSON, as the client sent it once checked.
  return noticeRequestInput.parse(body);
}

function notFound(requestId: string): ApiError {
  return new ApiError(HttpStatus.NOT_FOUND, 'not_found', `notice request ${requestId} not found`);
}

function invalidTransition(request: StoredRequest, step: string): ApiError {
  return new ApiError(
    HttpStatus.CONFLICT,
    'invalid_transition',
    `cannot ${step} request ${request.requestId}: it is ${request.status}`,
  );
}
