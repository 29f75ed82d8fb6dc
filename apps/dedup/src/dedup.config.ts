import { ServiceConfig } from '@crosscheck/runtime';
import { IsNumber, Max, Min } from 'class-validator';

export class DedupConfig extends ServiceConfig {
  override PORT = 3002;
  override DATABASE_SCHEMA = 'dedup';

  /** A candidate scoring at least this is the same entity. */
  @IsNumber()
  @Min(0)
  @Max(1)
  DEDUP_SAME_ENTITY_THRESHOLD: number = 0.85;

  /** A candidate scoring at least this (and below the threshold above) is a possible duplicate, kept apart for review. */
  @IsNumber()
  @Min(0)
  @Max(1)
  DEDUP_REVIEW_THRESHOLD: number = 0.7;
}
