/**
 * Who may see a piece of reference data an agency puts in (a contributed
 * entry, a notice request), as the API takes it: the shape intake takes for
 * a record's dissemination.
 */
import { create } from '@bufbuild/protobuf';
import { DisseminationRule, disseminationToContract } from '@crosscheck/auth';
import { Dissemination, DisseminationSchema } from '@crosscheck/contracts';
import { UpperCased } from '@crosscheck/records';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches, ValidateIf } from 'class-validator';

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
}

export function disseminationRuleOf(input: DisseminationDto): DisseminationRule {
  return input.scope === 'agencies'
    ? { scope: 'agencies', agencies: [...new Set(input.agencies)] }
    : { scope: input.scope };
}

export function disseminationOf(input: DisseminationDto): Dissemination {
  return create(DisseminationSchema, disseminationToContract(disseminationRuleOf(input)));
}
