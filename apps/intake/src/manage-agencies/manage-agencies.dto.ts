import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ROLES, Role } from '@crosscheck/auth';

export const AGENCY_CODE_RULE = /^[A-Z][A-Z0-9-]{1,15}$/;

export class CreateAgencyDto {
  @Matches(AGENCY_CODE_RULE, { message: 'must be 2-16 upper-case letters, digits or "-", starting with a letter' })
  code!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class IssueKeyDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each must be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}
