import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { AlertOutcomeRecordedSchema, AlertRaisedSchema } from './gen/crosscheck/alerting/v1/alerting_pb';
import { MatchFoundSchema, MatchRetractedSchema, OperationStateSchema } from './gen/crosscheck/matching/v1/matching_pb';
import { ApiKeyStateSchema } from './gen/crosscheck/identity/v1/identity_pb';
import { DeadLetterSchema } from './gen/crosscheck/messaging/v1/messaging_pb';
import { RecordReceivedSchema, RecordWithdrawnSchema } from './gen/crosscheck/records/v1/records_pb';
import { ReferenceChangedSchema } from './gen/crosscheck/reference/v1/reference_pb';
import { NetworkLinkFoundSchema, RecordResolvedSchema } from './gen/crosscheck/resolution/v1/resolution_pb';
import { ContractError } from './errors';

/** Kafka topic names. The `.v1` suffix changes only with an incompatible contract. */
export const Topics = {
  /** RecordReceived, key record_id. */
  recordsReceived: 'records.received.v1',
  /** RecordWithdrawn, key record_id. */
  recordsWithdrawn: 'records.withdrawn.v1',
  /** RecordResolved, key entity_id. */
  recordsResolved: 'records.resolved.v1',
  /** ReferenceChanged, key `<dataset>/<entry_id>`. */
  referenceChanged: 'reference.changed.v1',
  /** MatchFound, key entity_id. */
  matchesFound: 'matches.found.v1',
  /** MatchRetracted, key entity_id. */
  matchesRetracted: 'matches.retracted.v1',
  /** AlertRaised, key entity_id. */
  alertsRaised: 'alerts.raised.v1',
  /** NetworkLinkFound, key link_id: one message per agency told of a link between two agencies' cases, or of its retraction. */
  networkLinks: 'network.links.v1',
  /** AlertOutcomeRecorded, key entity_id. */
  alertsOutcomes: 'alerts.outcomes.v1',
  /** ApiKeyState, key key_id; compacted, so it always holds every key's latest state. */
  identityKeys: 'identity.keys.v1',
  /** OperationState, key code; compacted, so it always holds every operation's latest state. */
  operations: 'operations.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** All topic names (without dead-letter topics). */
export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

/** Message schema (protobuf-es `GenMessage` descriptor) of each topic's values. */
export const TopicSchemas = {
  [Topics.recordsReceived]: RecordReceivedSchema,
  [Topics.recordsWithdrawn]: RecordWithdrawnSchema,
  [Topics.recordsResolved]: RecordResolvedSchema,
  [Topics.referenceChanged]: ReferenceChangedSchema,
  [Topics.matchesFound]: MatchFoundSchema,
  [Topics.matchesRetracted]: MatchRetractedSchema,
  [Topics.alertsRaised]: AlertRaisedSchema,
  [Topics.networkLinks]: NetworkLinkFoundSchema,
  [Topics.alertsOutcomes]: AlertOutcomeRecordedSchema,
  [Topics.identityKeys]: ApiKeyStateSchema,
  [Topics.operations]: OperationStateSchema,
} as const satisfies Record<TopicName, DescMessage>;

/** The message type carried by a topic, e.g. `TopicMessage<'records.received.v1'>` = `RecordReceived`. */
export type TopicMessage<T extends TopicName> = MessageShape<(typeof TopicSchemas)[T]>;

/** How each topic's Kafka message key is derived from its value. */
export const TopicKeys: { readonly [T in TopicName]: (msg: TopicMessage<T>) => string } = {
  [Topics.recordsReceived]: (m) => m.record?.recordId ?? '',
  [Topics.recordsWithdrawn]: (m) => m.recordId,
  [Topics.recordsResolved]: (m) => m.entityId,
  [Topics.referenceChanged]: (m) => (m.dataset && m.entry?.entryId ? `${m.dataset}/${m.entry.entryId}` : ''),
  [Topics.matchesFound]: (m) => m.entityId,
  [Topics.matchesRetracted]: (m) => m.entityId,
  [Topics.alertsRaised]: (m) => m.entityId,
  [Topics.networkLinks]: (m) => m.linkId,
  [Topics.alertsOutcomes]: (m) => m.entityId,
  [Topics.identityKeys]: (m) => m.keyId,
  [Topics.operations]: (m) => m.code,
};

/** Topic settings beyond the defaults: state topics are compacted instead of expiring. */
export const TopicConfigs: { readonly [T in TopicName]?: Record<string, string> } = {
  [Topics.identityKeys]: { 'cleanup.policy': 'compact' },
  [Topics.operations]: { 'cleanup.policy': 'compact' },
};

/** The Kafka key for a message on a topic; throws ContractError if the key field(s) are empty. */
export function messageKey<T extends TopicName>(topic: T, msg: TopicMessage<T>): string {
  const key = (TopicKeys[topic] as (m: TopicMessage<T>) => string)(msg);
  if (!key) {
    throw new ContractError(
      TopicSchemas[topic].typeName,
      `cannot derive the Kafka key for topic ${topic}: key field is empty`,
    );
  }
  return key;
}

export const DEAD_LETTER_SUFFIX = '.dlq';

/** The dead-letter topic of a topic. Its values are `DeadLetter` messages. */
export function deadLetterTopic<T extends string>(topic: T): `${T}.dlq` {
  return `${topic}${DEAD_LETTER_SUFFIX}`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith(DEAD_LETTER_SUFFIX);
}

/** Schema of a topic's values: the topic's schema, DeadLetter for `*.dlq`, undefined if unknown. */
export function schemaForTopic(topic: string): DescMessage | undefined {
  if (isDeadLetterTopic(topic)) return DeadLetterSchema;
  return (TopicSchemas as Record<string, DescMessage>)[topic];
}

/** Header carrying the full protobuf name of the value's message, e.g. `crosscheck.records.v1.RecordReceived`. */
export const HEADER_SCHEMA = 'schema';
/** Header carrying a unique id of the message (for idempotent consumers and tracing). */
export const HEADER_MESSAGE_ID = 'message-id';
/** Header carrying the content type of the value, always CONTENT_TYPE_PROTOBUF. */
export const HEADER_CONTENT_TYPE = 'content-type';
export const CONTENT_TYPE_PROTOBUF = 'application/x-protobuf';

/** The headers every message carries. */
export function contractHeaders(schema: DescMessage, messageId: string): Record<string, string> {
  return {
    [HEADER_SCHEMA]: schema.typeName,
    [HEADER_MESSAGE_ID]: messageId,
    [HEADER_CONTENT_TYPE]: CONTENT_TYPE_PROTOBUF,
  };
}
