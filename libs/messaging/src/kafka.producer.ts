/**
 * The service's one Kafka producer: idempotent, one request in flight, so that
 * messages of one key keep their order even across retries. Used by the outbox
 * relay and for dead letters; use cases never produce directly (they write the
 * outbox, in their own transaction).
 */
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { createKafka, ensureTopics } from './kafka.factory';
import { MESSAGING_LOGGER } from './messaging.constants';
import { MESSAGING_SETTINGS, MessagingSettings } from './messaging.settings';
import { TopicNames } from './topic-names';

export interface TopicMessages {
  topic: string;
  messages: Message[];
}

@Injectable()
export class KafkaProducer implements OnApplicationShutdown {
  readonly kafka: Kafka;
  readonly topics: TopicNames;
  private producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(
    @Inject(MESSAGING_SETTINGS) private readonly settings: MessagingSettings,
    @Inject(MESSAGING_LOGGER) logger: Logger,
  ) {
    this.kafka = createKafka(settings.service, settings.brokers, logger, settings.security);
    this.topics = new TopicNames(settings.topicPrefix);
    this.producer = this.createProducer();
  }

  private createProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** Creates every crosscheck topic that is missing. */
  async provisionTopics(): Promise<void> {
    await ensureTopics(this.kafka, this.topics, this.settings.topicPartitions);
  }

  async send(batch: TopicMessages[]): Promise<void> {
    await this.connect();
    try {
      await this.producer.sendBatch({ topicMessages: batch, acks: -1 });
    } catch (error) {
      // A send that failed may still have been written; the idempotent producer's sequence numbers
      // are then out of step with the broker's (kafkajs#598). A new producer gets a new producer id;
      // a repeated message is absorbed by its consumers' inboxes.
      const failed = this.producer;
      this.producer = this.createProducer();
      this.connected = undefined;
      await failed.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private connect(): Promise<void> {
    // A failed connect is forgotten so that the next send tries again.
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.producer.disconnect().catch(() => undefined);
  }
}
