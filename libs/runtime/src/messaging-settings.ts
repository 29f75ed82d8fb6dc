import { readFileSync } from 'node:fs';
import type { MessagingSettings } from '@crosscheck/messaging';
import { ServiceConfig } from './service.config';

export function messagingSettingsFrom(service: string, config: ServiceConfig): MessagingSettings {
  return {
    service,
    brokers: config.KAFKA_BROKERS,
    groupId: config.KAFKA_GROUP_ID ?? service,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    databaseSchema: config.DATABASE_SCHEMA,
    maxAttempts: config.MESSAGE_MAX_ATTEMPTS,
    topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    security: {
      tls: config.KAFKA_TLS
        ? { ca: config.KAFKA_TLS_CA_FILE ? readFileSync(config.KAFKA_TLS_CA_FILE, 'utf8') : undefined }
        : undefined,
      sasl: config.KAFKA_SASL_MECHANISM
        ? {
            mechanism: config.KAFKA_SASL_MECHANISM,
            username: config.KAFKA_SASL_USERNAME!,
            password: config.KAFKA_SASL_PASSWORD!,
          }
        : undefined,
    },
  };
}
