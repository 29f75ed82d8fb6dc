/**
 * One reference entry as the project's files write it, per dataset: an
 * `entryId` and the dataset's body. The bodies are the record body DTOs of
 * @crosscheck/records, the ones intake validates shared records with, so a
 * reference entry obeys exactly the rules a shared record does (countries,
 * partial dates, VINs, MRZ check digits, length caps). Only what records have
 * no notion of (entry ids, notice colour, reference and charges) is here.
 */
import { OUTSIDE_POLICIES, type OutsidePolicy } from '@crosscheck/auth';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ArtworkDto, FirearmDto, PersonDto, RecordKindName, TravelDocumentDto, VehicleDto } from '@crosscheck/records';
import type { DatasetName } from './reference-change';

export const NOTICE_COLOURS = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un'] as const;
export type NoticeColourName = (typeof NOTICE_COLOURS)[number];

/** Not blank, at most 128 characters: the loader's key for the entry within its dataset. */
export const ENTRY_ID = /^(?=[\s\S]*\S)[\s\S]{1,128}$/;
export const ENTRY_ID_RULE = 'must be a non-empty string of at most 128 characters';

export class ReferenceLineDto {
  @Matches(ENTRY_ID, { message: ENTRY_ID_RULE })
  entryId!: string;

  /** This entry's own choice of what agencies outside its audience learn of hits; the load's when absent. */
  @IsOptional()
  @IsIn(OUTSIDE_POLICIES, { message: `must be one of ${OUTSIDE_POLICIES.join(', ')}` })
  outside?: OutsidePolicy;
}

export class NoticeLineDto extends ReferenceLineDto {
  @IsIn(NOTICE_COLOURS, { message: `must be one of ${NOTICE_COLOURS.join(', ')}` })
  colour!: NoticeColourName;

  /** The issuer's reference, e.g. `A-1234/5-2024`. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  noticeRef?: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  charges?: string;

  @IsDefined({ message: 'is required in dataset notices' })
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  subject!: PersonDto;
}

export class TravelDocumentLineDto extends ReferenceLineDto {
  @IsDefined({ message: 'is required in dataset sltd' })
  @IsObject()
  @ValidateNested()
  @Type(() => TravelDocumentDto)
  travelDocument!: TravelDocumentDto;
}

export class VehicleLineDto extends ReferenceLineDto {
  @IsDefined({ message: 'is required in dataset smv' })
  @IsObject()
  @ValidateNested()
  @Type(() => VehicleDto)
  vehicle!: VehicleDto;
}

export class FirearmLineDto extends ReferenceLineDto {
  @IsDefined({ message: 'is required in dataset firearms' })
  @IsObject()
  @ValidateNested()
  @Type(() => FirearmDto)
  firearm!: FirearmDto;
}

export class ArtworkLineDto extends ReferenceLineDto {
  @IsDefined({ message: 'is required in dataset works-of-art' })
  @IsObject()
  @ValidateNested()
  @Type(() => ArtworkDto)
  artwork!: ArtworkDto;
}

/** Each dataset's line class, the field that holds its body, and the record kind that body is. */
export const LINE_SHAPES = {
  notices: { dto: NoticeLineDto, body: 'subject', kind: 'person' },
  sltd: { dto: TravelDocumentLineDto, body: 'travelDocument', kind: 'travel_document' },
  smv: { dto: VehicleLineDto, body: 'vehicle', kind: 'vehicle' },
  firearms: { dto: FirearmLineDto, body: 'firearm', kind: 'firearm' },
  'works-of-art': { dto: ArtworkLineDto, body: 'artwork', kind: 'artwork' },
} as const satisfies Record<DatasetName, { dto: new () => ReferenceLineDto; body: string; kind: RecordKindName }>;

export type ReferenceLine = NoticeLineDto | TravelDocumentLineDto | VehicleLineDto | FirearmLineDto | ArtworkLineDto;
