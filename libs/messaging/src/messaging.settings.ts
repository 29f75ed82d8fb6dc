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
  /** TLS and SASL towards the brokers; plaintext when absent. */
  security?: KafkaSecurity;
}

/** How a client proves itself to the brokers and checks them: TLS (with the CA that signed them) and SASL/SCRAM. */
export interface KafkaSecurity {
  /** TLS to the brokers; `ca` replaces the system's trusted roots when given. */
  tls?: { ca?: string };
  sasl?:
    | { mechanism: 'scram-sha-256'; username: string; password: string }
    | { mechanism: 'scram-sha-512'; username: string; password: string };
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');
