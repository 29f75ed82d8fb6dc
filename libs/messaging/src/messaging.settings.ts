/** What libs/messaging needs to know about the service it runs in. */
export interface MessagingSettings {
  /** Service name: the Kafka client id, default consumer group, span and log name. */
  service: string;
  brokers: string[];
  groupId: string;
  /** Prepended to every logical topic name (`records.received.v1`). */
  topicPrefix: string;
  /** The Postgres schema holding this service's outbox and inbox. */
  databaseSchema: string;
  maxAttempts: number;
  /** Partitions for topics this service creates when they are missing. */
  topicPartitions: number;
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');
