/**
 * A record's content as an agency sends it, to share (POST) or update (PUT):
 * the record body of its kind (libs/records) and what intake adds
 * (dissemination, purpose, dates, case reference), validated field by field.
 * Unknown fields are refused (the global ValidationPipe forbids them).
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { OUTSIDE_POLICIES, type OutsidePolicy } from '@crosscheck/auth';
import { RecordBodyDto, UpperCased } from '@crosscheck/records';

export class DisseminationDto {
  @IsIn(['all', 'agencies', 'owner-only'])
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

  /** What an agency outside the audience learns when its data hits this record; hidden unless the owner says so. */
  @IsOptional()
  @IsIn(OUTSIDE_POLICIES, { message: `must be one of ${OUTSIDE_POLICIES.join(', ')}` })
  outside?: OutsidePolicy;
}

/** Everything about a record but its externalRef: what an update (PUT) carries. */
export class RecordContentDto extends RecordBodyDto {
  @ValidateNested()
  @Type(() => DisseminationDto)
  @IsDefined()
  @IsObject({ message: 'must be an object' })
  dissemination!: DisseminationDto;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  purpose!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  reportedAt?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  caseRef?: string;
}
