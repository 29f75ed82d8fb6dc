/**
 * Nest wiring for libs/messaging. An app imports `MessagingModule.forRoot` and
 * connects `createKafkaEventServer(app)` as its only microservice.
 */
import { DynamicModule, Global, INestApplication, Module } from '@nestjs/common';
import { ReadinessRegistry } from '@crosscheck/telemetry';
import type { Logger } from 'pino';
import { Inbox } from './inbox';
import { KafkaEventServer } from './kafka-event.server';
import { KafkaProducer } from './kafka.producer';
import { MESSAGING_LOGGER } from './messaging.constants';
import { MESSAGING_SETTINGS, MessagingSettings } from './messaging.settings';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox.relay';

@Global()
@Module({})
export class MessagingModule {
  static forRoot(settings: () => MessagingSettings, logger: Logger): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_SETTINGS, useFactory: settings },
        { provide: MESSAGING_LOGGER, useValue: logger },
        KafkaProducer,
        Outbox,
        OutboxRelay,
        Inbox,
      ],
      exports: [MESSAGING_SETTINGS, KafkaProducer, Outbox, Inbox],
    };
  }
}

export function createKafkaEventServer(app: INestApplication): KafkaEventServer {
  return new KafkaEventServer(
    app.get(MESSAGING_SETTINGS),
    app.get(KafkaProducer),
    app.get(MESSAGING_LOGGER),
    app.get(ReadinessRegistry),
  );
}
