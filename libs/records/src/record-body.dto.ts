/**
 * The bodies of the five record kinds as the API takes them (person, travel
 * document, vehicle, firearm, artwork), validated field by field: what intake
 * shares, what the reference loaders read, and what an instant check asks
 * about. Kinds and fields are those of DESIGN.md's Data section.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO31661Alpha3,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EveryNameHasAPart,
  IsMrz,
  IsPartialDate,
  IsPartialDateAnyTime,
  IsVin,
  OnlyOnKind,
  UpperCased,
} from './record-validators';

export const RECORD_KINDS = ['person', 'travel_document', 'vehicle', 'firearm', 'artwork'] as const;
export type RecordKindName = (typeof RECORD_KINDS)[number];
export const DOCUMENT_TYPES = ['passport', 'id_card', 'visa', 'residence_permit', 'driving_licence', 'other'] as const;
export const DOCUMENT_STATUSES = ['stolen', 'lost', 'revoked', 'invalid', 'stolen_blank'] as const;
const COUNTRY = { message: 'must be an ISO 3166-1 alpha-3 country code' };
const COUNTRIES = { each: true, message: 'each must be an ISO 3166-1 alpha-3 country code' };
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9 ./<-]*$/;
const IDENTIFIER_RULE = { message: 'may hold only letters, digits, spaces and . / < -' };

export class PersonNameDto {
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

export class IdentityDocumentDto {
  @IsString()
  @MaxLength(40)
  @Matches(IDENTIFIER, IDENTIFIER_RULE)
  number!: string;

  @IsIn(DOCUMENT_TYPES)
  type!: (typeof DOCUMENT_TYPES)[number];

  @UpperCased()
  @IsISO31661Alpha3(COUNTRY)
  issuingCountry!: string;
}

export class PersonDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PersonNameDto)
  @EveryNameHasAPart()
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
  @UpperCased()
  @IsISO31661Alpha3(COUNTRIES)
  nationalities?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  placeOfBirth?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => IdentityDocumentDto)
  documents?: IdentityDocumentDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  distinguishingMarks?: string[];
}

export class TravelDocumentDto extends IdentityDocumentDto {
  @IsIn(DOCUMENT_STATUSES)
  status!: (typeof DOCUMENT_STATUSES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(300)
  holderName?: string;

  @IsOptional()
  @IsPartialDate()
  issuedOn?: string;

  @IsOptional()
  @IsPartialDateAnyTime()
  expiresOn?: string;

  /** The machine-readable zone as scanned, lines separated by newlines. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsMrz()
  mrz?: string;
}

export class VehicleDto {
  @IsString()
  @MaxLength(40)
  @IsVin()
  vin!: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  @Matches(IDENTIFIER, IDENTIFIER_RULE)
  plate?: string;

  @ValidateIf((vehicle: VehicleDto) => vehicle.plate !== undefined || vehicle.registrationCountry !== undefined)
  @UpperCased()
  @IsISO31661Alpha3({ message: 'must be an ISO 3166-1 alpha-3 country code, and is required with a plate' })
  registrationCountry?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  make?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  colour?: string;

  @IsOptional()
  @IsInt()
  @Min(1886)
  @Max(new Date().getUTCFullYear() + 1)
  year?: number;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(IDENTIFIER, IDENTIFIER_RULE)
  engineNumber?: string;
}

export class FirearmDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  @Matches(IDENTIFIER, IDENTIFIER_RULE)
  serialNumber!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  make!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  calibre?: string;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  type?: string;
}

export class ArtworkDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  objectType!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  maker?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  period?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  materials?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  dimensions?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  inscriptions?: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}

/** A record's kind and the body of that kind: the part of a record that says what it describes. */
export class RecordBodyDto {
  @IsIn(RECORD_KINDS, { message: `must be one of ${RECORD_KINDS.join(', ')}` })
  kind!: RecordKindName;

  @ValidateIf((record: RecordBodyDto) => record.kind === 'person' || record.person !== undefined)
  @OnlyOnKind('person')
  @IsDefined({ message: 'is required for a record of kind person' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;

  @ValidateIf((record: RecordBodyDto) => record.kind === 'travel_document' || record.travelDocument !== undefined)
  @OnlyOnKind('travel_document')
  @IsDefined({ message: 'is required for a record of kind travel_document' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => TravelDocumentDto)
  travelDocument?: TravelDocumentDto;

  @ValidateIf((record: RecordBodyDto) => record.kind === 'vehicle' || record.vehicle !== undefined)
  @OnlyOnKind('vehicle')
  @IsDefined({ message: 'is required for a record of kind vehicle' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => VehicleDto)
  vehicle?: VehicleDto;

  @ValidateIf((record: RecordBodyDto) => record.kind === 'firearm' || record.firearm !== undefined)
  @OnlyOnKind('firearm')
  @IsDefined({ message: 'is required for a record of kind firearm' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => FirearmDto)
  firearm?: FirearmDto;

  @ValidateIf((record: RecordBodyDto) => record.kind === 'artwork' || record.artwork !== undefined)
  @OnlyOnKind('artwork')
  @IsDefined({ message: 'is required for a record of kind artwork' })
  @IsObject({ message: 'must be an object' })
  @ValidateNested()
  @Type(() => ArtworkDto)
  artwork?: ArtworkDto;
}
