import { configClass, serviceRules, ServiceSettings, withDefault } from '@crosscheck/runtime';
import { Type } from '@sinclair/typebox';

const score = (value: number) => Type.Number({ minimum: 0, maximum: 1, default: value });

export const DedupSettings = Type.Object({
  ...ServiceSettings.properties,
  PORT: withDefault(ServiceSettings.properties.PORT, 3002),
  DATABASE_SCHEMA: withDefault(ServiceSettings.properties.DATABASE_SCHEMA, 'dedup'),
  /** A candidate scoring at least this is the same entity. */
  DEDUP_SAME_ENTITY_THRESHOLD: score(0.85),
  /** A candidate scoring at least this (and below the threshold above) is a possible duplicate, kept apart for review. */
  DEDUP_REVIEW_THRESHOLD: score(0.7),
  /** How far the best of two entities that do not resemble each other must lead for a record to join it; closer, it joins neither. */
  DEDUP_AMBIGUITY_MARGIN: score(0.05),
  /**
   * Records resolved per transaction, out of each Kafka batch: one inbox claim, one lock statement, one candidate
   * query and one write for them all. 1 resolves each record in a transaction of its own. Each record holds about 14
   * key locks to its transaction's end, in a lock table of max_locks_per_transaction × max_connections (6,400 by
   * default) that three partitions per instance share.
   */
  DEDUP_BATCH_RECORDS: Type.Integer({ minimum: 1, maximum: 250, default: 32 }),
});

export class DedupConfig extends configClass(DedupSettings, serviceRules) {}
