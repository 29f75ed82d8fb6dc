import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { HIT_OUTCOMES, TRIAGE_STATUSES } from '@crosscheck/alert-lifecycle';

/** An analyst's triage step: where the alert goes, and why. */
export class TriageDto {
  @IsIn(TRIAGE_STATUSES, { message: `must be one of ${TRIAGE_STATUSES.join(', ')}` })
  status!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}

export const OWNER_DECISIONS = ['confirmed', 'rejected'] as const;

/**
 * The reference entry's owner confirms or rejects (dismisses) a hit on its
 * data; confirming may disclose the entry to the agencies that were told of
 * the hit without it (hit/no-hit), for this hit alone.
 */
export class OwnerDecisionDto {
  @IsIn(OWNER_DECISIONS, { message: 'must be confirmed or rejected' })
  decision!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  disclose?: boolean;
}

/** What followed a hit, recorded by the agency that acted on it. */
export class OutcomeDto {
  @IsIn(HIT_OUTCOMES, { message: `must be one of ${HIT_OUTCOMES.join(', ')}` })
  outcome!: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}
