import { ServiceConfig } from '@crosscheck/runtime';
import { IsInt, IsNumber, Max, Min } from 'class-validator';

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

  /** How far the best of two entities that do not resemble each other must lead for a record to join it; closer, it joins neither. */
  @IsNumber()
  @Min(0)
  @Max(1)
  DEDUP_AMBIGUITY_MARGIN: number = 0.05;

  /**
   * Records resolved per transaction, out of each Kafka batch: one inbox claim, one lock statement, one candidate
   * query and one write for them all. 1 resolves each record in a transaction of its own. Each record holds about 14
   * key locks to its transaction's end, in a lock table of max_locks_per_transaction × max_connections (6,400 by
   * default) that three partitions per instance share.
   */
  @IsInt()
  @Min(1)
  @Max(250)
  DEDUP_BATCH_RECORDS: number = 32;
}
