import type { MessagingSettings } from '@crosscheck/messaging';
import { kafkaSecurityFrom } from './kafka-connection.config';
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
    security: kafkaSecurityFrom(config),
  };
}
