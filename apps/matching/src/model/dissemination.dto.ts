/**
 * Who may see a piece of reference data an agency puts in (a contributed
 * entry, a notice request), as the API takes it: the shape intake takes for
 * a record's dissemination.
 */
import { create } from '@bufbuild/protobuf';
import { DisseminationRule, OUTSIDE_POLICIES, OutsidePolicy, disseminationToContract } from '@crosscheck/auth';
import { Dissemination, DisseminationSchema } from '@crosscheck/contracts';
import { UpperCased } from '@crosscheck/records';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';

export class DisseminationDto {
  @IsIn(['all', 'agencies', 'owner-only'], { message: 'must be one of all, agencies, owner-only' })
  scope!: 'all' | 'agencies' | 'owner-only';

  @ValidateIf(
    (dissemination: DisseminationDto) => dissemination.scope === 'agencies' || dissemination.agencies !== undefined,
  )
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @UpperCased()
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { each: true, message: 'each must be an agency code' })
  agencies?: string[];

  /** What agencies outside the audience learn of a hit on it; the dataset's default when absent. */
  @IsOptional()
  @IsIn(OUTSIDE_POLICIES, { message: `must be one of ${OUTSIDE_POLICIES.join(', ')}` })
  outside?: OutsidePolicy;
}

/** The rule, with the outside policy the input names or else the dataset's default. */
export function disseminationRuleOf(input: DisseminationDto, datasetDefault: OutsidePolicy): DisseminationRule {
  const outside = input.outside ?? datasetDefault;
  return input.scope === 'agencies'
    ? { scope: 'agencies', agencies: [...new Set(input.agencies)], outside }
    : { scope: input.scope, outside };
}

export function disseminationOf(input: DisseminationDto, datasetDefault: OutsidePolicy): Dissemination {
  return create(DisseminationSchema, disseminationToContract(disseminationRuleOf(input, datasetDefault)));
}
