/**
 * A subscription as an analyst writes it: which hits and network links their
 * agency wants alerts for. An empty or missing filter means "any"; a network
 * link has no dataset, notice colour or level, so a filter on those is of hits only.
 */
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO31661Alpha3,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { RECORD_KINDS } from '@crosscheck/records';

/** Country codes are upper case: a client's `fra` is read as `FRA`, which it must equal to match. */
function UpperCased() {
  const upper = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : value);
  return Transform(({ value }) => (Array.isArray(value) ? value.map(upper) : upper(value)));
}

export const DATASETS = ['notices', 'sltd', 'smv', 'firearms', 'works-of-art'] as const;
export const NOTICE_COLOURS = [
  'red',
  'yellow',
  'blue',
  'black',
  'green',
  'orange',
  'purple',
  'silver',
  'un_special',
] as const;
export const LEVELS = ['hit', 'possible'] as const;
/** What a subscription hears of: hits on reference data, links between agencies' cases through the network. */
export const SUBSCRIPTION_KINDS = ['match', 'network_link'] as const;

export class SubscriptionDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(DATASETS, { each: true, message: `each must be one of ${DATASETS.join(', ')}` })
  datasets?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(NOTICE_COLOURS, { each: true, message: `each must be one of ${NOTICE_COLOURS.join(', ')}` })
  noticeColours?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(RECORD_KINDS, { each: true, message: `each must be one of ${RECORD_KINDS.join(', ')}` })
  recordKinds?: string[];

  /** Matched against the owner agencies, nationalities and issuing or registration countries of either side. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(250)
  @UpperCased()
  @IsISO31661Alpha3({ each: true, message: 'each must be an ISO 3166-1 alpha-3 country code' })
  countries?: string[];

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(LEVELS, { each: true, message: 'each must be hit or possible' })
  levels?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SUBSCRIPTION_KINDS, { each: true, message: `each must be one of ${SUBSCRIPTION_KINDS.join(', ')}` })
  kinds?: string[];

  /** One of the agency's registered webhooks, called for every alert of this subscription. */
  @IsOptional()
  @IsUUID('all', { message: 'must be the id of one of your agency’s webhooks' })
  webhookId?: string | null;
}
