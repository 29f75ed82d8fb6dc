/**
 * What an agency sends to share a person record, validated field by field.
 * Unknown fields are refused (the global ValidationPipe forbids them).
 */
import { PARTIAL_DATE_PATTERN } from '@crosscheck/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO31661Alpha3,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';

/** `1971`, `1971-03` or `1971-03-14`, and a date that exists. */
function IsPartialDate() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPartialDate',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a date of birth as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future' },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          const match = PARTIAL_DATE_PATTERN.exec(value);
          if (!match) return false;
          const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
          const date = new Date(Date.UTC(year, month - 1, day));
          const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          return exists && year >= 1850 && date.getTime() <= Date.now();
        },
      },
    });
}

/** At least one of `full`, `family` or `given`: a name cannot be empty. */
function HasSomeName() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'hasSomeName',
      target: target.constructor,
      propertyName,
      options: { message: 'a name needs at least one of full, given or family' },
      validator: {
        validate(_: unknown, args: ValidationArguments) {
          const name = args.object as PersonNameDto;
          return [name.full, name.given, name.family].some((part) => typeof part === 'string' && part.trim().length > 0);
        },
      },
    });
}

export class PersonNameDto {
  @HasSomeName()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  full?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  given?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  family?: string;

  /** The name as written in its own script, kept beside the Latin form. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  original?: string;

  /** ISO 15924 script code of `original`, e.g. `Cyrl`. */
  @IsOptional()
  @Matches(/^[A-Z][a-z]{3}$/, { message: 'must be an ISO 15924 script code such as Cyrl or Arab' })
  script?: string;

  @IsOptional()
  @IsBoolean()
  alias?: boolean;
}

export class PersonDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PersonNameDto)
  names!: PersonNameDto[];

  @IsOptional()
  @IsPartialDate()
  dateOfBirth?: string;

  @IsOptional()
  @IsIn(['male', 'female', 'unknown'])
  sex?: 'male' | 'female' | 'unknown';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsISO31661Alpha3({ each: true, message: 'each must be an ISO 3166-1 alpha-3 country code' })
  nationalities?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  placeOfBirth?: string;
}

export class DisseminationDto {
  @IsIn(['all', 'agencies', 'owner-only'])
  scope!: 'all' | 'agencies' | 'owner-only';

  @ValidateIf((dissemination: DisseminationDto) => dissemination.scope === 'agencies')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(/^[A-Z][A-Z0-9-]{1,15}$/, { each: true, message: 'each must be an agency code' })
  agencies?: string[];
}

export class ShareRecordDto {
  @Equals('person', { message: 'must be "person" (other kinds are not accepted yet)' })
  kind!: 'person';

  /** The agency's own reference, unique per agency; re-sharing it is safe. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  @Matches(/^[\x21-\x7e]+$/, { message: 'must be printable ASCII without spaces' })
  externalRef!: string;

  @ValidateNested()
  @Type(() => DisseminationDto)
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

  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;
}
