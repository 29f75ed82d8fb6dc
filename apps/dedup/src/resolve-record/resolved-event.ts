/** Where a resolution placed a record, and the `records.resolved.v1` event that says so. */
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { RecordResolvedSchema, ResolutionDecision, SharedRecord, Topics } from '@crosscheck/contracts';
import { OutgoingEvent } from '@crosscheck/messaging';
import { FeatureEvidence } from '@crosscheck/resolution';
import type { Context } from '@opentelemetry/api';

export interface Placement {
  entityId: string;
  /** The record starts this entity: it is created as the record is stored. */
  isNew?: boolean;
  decision: ResolutionDecision;
  score: number;
  explanation: FeatureEvidence[];
  mergedEntityIds: string[];
}

/** `memberRecordIds`: the entity's live members after the change, oldest first. `traceContext`: the message's own, in a batch. */
export function resolvedEvent(
  record: SharedRecord,
  placement: Placement,
  possibleDuplicateEntityIds: string[],
  memberRecordIds: string[],
  traceContext?: Context,
): OutgoingEvent<typeof RecordResolvedSchema> {
  return {
    topic: Topics.recordsResolved,
    key: placement.entityId,
    schema: RecordResolvedSchema,
    message: create(RecordResolvedSchema, {
      entityId: placement.entityId,
      record,
      memberRecordIds,
      decision: placement.decision,
      score: placement.score,
      explanation: placement.explanation,
      mergedEntityIds: placement.mergedEntityIds,
      possibleDuplicateEntityIds,
      resolvedAt: timestampNow(),
    }),
    traceContext,
  };
}
