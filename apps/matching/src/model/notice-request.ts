/**
 * A request for a notice (any colour) or a diffusion (addressed to named
 * agencies), as the requesting agency sends it, and the compliance rules a
 * reviewer relies on: what each colour must carry, and who may request the UN
 * special notice. The subject is a person body with exactly the rules of a
 * shared record; it is mapped into a notice entry by the loader's own
 * changeOfLine, so a published request is a notice like any loaded one.
 */
import { OUTSIDE_POLICIES } from '@crosscheck/auth';
import type { ReferenceEntry } from '@crosscheck/contracts';
import { AgencyCode, bodyProblems, OneOf, PersonBodySchema } from '@crosscheck/records';
import { compileSchema, type FieldProblem } from '@crosscheck/runtime';
import { type StaticDecode, Type } from '@sinclair/typebox';
import { contributedEntryId } from './contribution';
import { disseminationOf } from './dissemination.schema';
import { defaultOutsidePolicy } from './datasets';
import { changeOfLine } from './reference-line';
import { NOTICE_COLOURS, NoticeColourName } from './reference-line.schema';

export const REQUEST_TYPES = ['notice', 'diffusion'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const FORBIDDEN_GROUNDS = ['political', 'military', 'religious', 'racial'] as const;
export type RequestStatus = 'pending' | 'approved' | 'refused' | 'cancelled';

/** A request as the requesting agency sends it. */
export const NoticeRequestSchema = Type.Object(
  {
    type: OneOf(REQUEST_TYPES, { listed: true }),
    colour: OneOf(NOTICE_COLOURS, { listed: true }),
    /** The person the notice is about (for silver notices: the holder of the assets). */
    subject: PersonBodySchema,
    /** Silver notices: the assets sought (vehicles, properties, accounts, companies), one description each. */
    assets: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { minItems: 1, maxItems: 50 })),
    charges: Type.Optional(Type.String({ maxLength: 2000 })),
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    /** The arrest warrant, court decision or law the request rests on. */
    legalBasis: Type.String({ pattern: '\\S', 'x-message': 'must not be blank', maxLength: 500 }),
    /** A diffusion's addressees (and only a diffusion's). */
    addressees: Type.Optional(Type.Array(AgencyCode, { minItems: 1, maxItems: 200 })),
    /** What agencies outside a diffusion's addressees learn of a hit; hit/no-hit unless the requester says hidden. */
    outside: Type.Optional(OneOf(OUTSIDE_POLICIES, { listed: true })),
  },
  { $id: 'NoticeRequest', additionalProperties: false },
);

export type NoticeRequestInput = StaticDecode<typeof NoticeRequestSchema>;

/** A request checked: its shape, the subject's rules as a shared person's, and what its colour must carry. */
export const noticeRequestInput = compileSchema(NoticeRequestSchema, (request) => {
  const problems = bodyProblems('person', request.subject, 'subject');
  if (request.type === 'diffusion' && request.addressees === undefined)
    problems.push({ field: 'addressees', rule: 'isDefined', message: 'a diffusion is addressed to agencies' });
  return problems.length > 0 ? problems : missingForColour(request);
});

type Requirement = { field: string; present: (request: NoticeRequestInput) => boolean; why: string };

const charges: Requirement = { field: 'charges', present: (r) => !!r.charges?.trim(), why: 'the charges' };
const reason: Requirement = { field: 'reason', present: (r) => !!r.reason?.trim(), why: 'the reason' };
const birthDate: Requirement = {
  field: 'subject.dateOfBirth',
  present: (r) => !!r.subject?.dateOfBirth,
  why: 'the date of birth',
};

/** What each colour must carry beyond the subject and the legal basis. */
export const REQUIRED_BY_COLOUR: Record<NoticeColourName, Requirement[]> = {
  red: [charges, birthDate],
  yellow: [reason, birthDate],
  blue: [reason],
  black: [
    reason,
    {
      field: 'subject.distinguishingMarks',
      present: (r) => (r.subject?.distinguishingMarks?.length ?? 0) > 0,
      why: 'distinguishing marks',
    },
  ],
  green: [reason],
  orange: [reason],
  purple: [reason],
  silver: [charges, { field: 'assets', present: (r) => (r.assets?.length ?? 0) > 0, why: 'the assets sought' }],
  un: [reason],
};

/** The compliance check of required fields: one problem per missing field, naming the colour. */
export function missingForColour(request: NoticeRequestInput): FieldProblem[] {
  if (request.type === 'notice' && request.addressees !== undefined)
    return [{ field: 'addressees', rule: 'onlyForDiffusion', message: 'only a diffusion is addressed to agencies' }];
  return (REQUIRED_BY_COLOUR[request.colour] ?? [])
    .filter((requirement) => !requirement.present(request))
    .map((requirement) => ({
      field: requirement.field,
      rule: 'requiredForColour',
      message: `a ${request.colour} ${request.type} must give ${requirement.why}`,
    }));
}

/**
 * The notice entry a request becomes once approved: owned by the requester,
 * seen by all (a notice) or by the requester and the addressees (a diffusion).
 */
export function noticeEntryOf(requestId: string, requester: string, request: NoticeRequestInput): ReferenceEntry {
  const change = changeOfLine(
    {
      entryId: noticeEntryId(requester, requestId),
      colour: request.colour,
      noticeRef: requestId,
      charges: request.charges?.trim() || request.reason?.trim() || '',
      subject: request.subject,
    },
    1,
    {
      dataset: 'notices',
      owner: requester,
      dissemination: disseminationOf(
        request.type === 'diffusion' ? { scope: 'agencies', agencies: request.addressees } : { scope: 'all' },
        request.outside ?? defaultOutsidePolicy('notices'),
      ),
    },
  );
  if (change.op !== 'upsert') throw new Error(`request ${requestId} does not make a notice: ${JSON.stringify(change)}`);
  return change.entry;
}

/** A published request is its requester's contributed entry, by the request id. */
export function noticeEntryId(requester: string, requestId: string): string {
  return contributedEntryId(requester, requestId);
}

/** An agency's share of a pilot colour's total: equal among the participants, none for others. */
export function quotaShare(quota: { total: number; participants: string[] }, agency: string): number {
  return quota.participants.includes(agency) ? Math.floor(quota.total / quota.participants.length) : 0;
}

export const DECISIONS = ['approve', 'refuse'] as const;

const Reason = Type.String({ pattern: '\\S', 'x-message': 'must not be blank', maxLength: 1000 });

/** A reviewer's decision: always with a reason; a refusal may name the forbidden ground it rests on. */
export const noticeDecisionInput = compileSchema(
  Type.Object(
    {
      decision: OneOf(DECISIONS, { listed: true }),
      reason: Reason,
      forbiddenGround: Type.Optional(OneOf(FORBIDDEN_GROUNDS, { listed: true })),
    },
    { $id: 'NoticeDecision', additionalProperties: false },
  ),
);
export type NoticeDecision = StaticDecode<typeof noticeDecisionInput.schema>;

/** The requester withdraws its request, saying why. */
export const noticeCancellationInput = compileSchema(
  Type.Object({ reason: Reason }, { $id: 'NoticeCancellation', additionalProperties: false }),
);
export type NoticeCancellation = StaticDecode<typeof noticeCancellationInput.schema>;

/** A pilot colour's total, shared equally by its participants. */
export const noticeQuotaInput = compileSchema(
  Type.Object(
    {
      total: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      participants: Type.Array(AgencyCode, { minItems: 1, maxItems: 200 }),
    },
    { $id: 'NoticeQuota', additionalProperties: false },
  ),
);
export type NoticeQuota = StaticDecode<typeof noticeQuotaInput.schema>;
