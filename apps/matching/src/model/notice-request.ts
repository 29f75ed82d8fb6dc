/**
 * A request for a notice (any colour) or a diffusion (addressed to named
 * agencies), as the requesting agency sends it, and the compliance rules a
 * reviewer relies on: what each colour must carry, and who may request the UN
 * special notice. The subject is a person body with exactly the rules of a
 * shared record; it is mapped into a notice entry by the loader's own
 * changeOfLine, so a published request is a notice like any loaded one.
 */
import type { ReferenceEntry } from '@crosscheck/contracts';
import { PersonDto, UpperCased } from '@crosscheck/records';
import type { FieldProblem } from '@crosscheck/runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { contributedEntryId } from './contribution';
import { disseminationOf } from './dissemination.dto';
import { defaultOutsidePolicy } from './datasets';
import { changeOfLine } from './reference-line';
import { NOTICE_COLOURS, NoticeColourName } from './reference-line.dto';

export const REQUEST_TYPES = ['notice', 'diffusion'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const FORBIDDEN_GROUNDS = ['political', 'military', 'religious', 'racial'] as const;
export type RequestStatus = 'pending' | 'approved' | 'refused' | 'cancelled';

export class NoticeRequestDto {
  @IsIn(REQUEST_TYPES, { message: `must be one of ${REQUEST_TYPES.join(', ')}` })
  type!: RequestType;

  @IsIn(NOTICE_COLOURS, { message: `must be one of ${NOTICE_COLOURS.join(', ')}` })
  colour!: NoticeColourName;

  /** The person the notice is about (for silver notices: the holder of the assets). */
  @IsDefined()
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => PersonDto)
  subject!: PersonDto;

  /** Silver notices: the assets sought (vehicles, properties, accounts, companies), one description each. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  assets?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  charges?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  /** The arrest warrant, court decision or law the request rests on. */
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(500)
  legalBasis!: string;

  /** A diffusion's addressees (and only a diffusion's). */
  @ValidateIf((request: NoticeRequestDto) => request.type === 'diffusion' || request.addressees !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @UpperCased()
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { each: true, message: 'each must be an agency code' })
  addressees?: string[];
}

type Requirement = { field: string; present: (request: NoticeRequestDto) => boolean; why: string };

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
export function missingForColour(request: NoticeRequestDto): FieldProblem[] {
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
export function noticeEntryOf(requestId: string, requester: string, request: NoticeRequestDto): ReferenceEntry {
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
        defaultOutsidePolicy('notices'),
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

/** A reviewer's decision: always with a reason; a refusal may name the forbidden ground it rests on. */
export class NoticeDecisionDto {
  @IsIn(DECISIONS, { message: `must be one of ${DECISIONS.join(', ')}` })
  decision!: (typeof DECISIONS)[number];

  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(1000)
  reason!: string;

  @ValidateIf((decision: NoticeDecisionDto) => decision.forbiddenGround !== undefined)
  @IsIn(FORBIDDEN_GROUNDS, { message: `must be one of ${FORBIDDEN_GROUNDS.join(', ')}` })
  forbiddenGround?: (typeof FORBIDDEN_GROUNDS)[number];
}

export class NoticeCancellationDto {
  @IsString()
  @Matches(/\S/, { message: 'must not be blank' })
  @MaxLength(1000)
  reason!: string;
}

export class NoticeQuotaDto {
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  total!: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @UpperCased()
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { each: true, message: 'each must be an agency code' })
  participants!: string[];
}
