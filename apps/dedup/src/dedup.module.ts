import { DynamicModule, Module } from '@nestjs/common';
import { CreateOutboxAndInbox1763800000000, MessagingModule } from '@crosscheck/messaging';
import { PersistenceModule } from '@crosscheck/persistence';
import { messagingSettingsFrom } from '@crosscheck/runtime';
import { createLogger, ObservabilityModule } from '@crosscheck/telemetry';
import { DedupConfig } from './dedup.config';
import { EntitiesRepository } from './entities/entities.repository';
import { CreateEntities1763800000200 } from './migrations/1763800000200-create-entities';
import { ResolveRecordMessageController } from './resolve-record/resolve-record.message.controller';
import { ResolveRecordService } from './resolve-record/resolve-record.service';

@Module({})
export class DedupModule {
  static forConfig(config: DedupConfig): DynamicModule {
    return {
      module: DedupModule,
      imports: [
        ObservabilityModule,
        PersistenceModule.forRoot(() => ({
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          applicationName: 'dedup',
          migrate: config.DATABASE_MIGRATE,
          migrations: [CreateOutboxAndInbox1763800000000, CreateEntities1763800000200],
        })),
        MessagingModule.forRoot(() => messagingSettingsFrom('dedup', config), createLogger('dedup', config.LOG_LEVEL)),
      ],
      controllers: [ResolveRecordMessageController],
      providers: [{ provide: DedupConfig, useValue: config }, EntitiesRepository, ResolveRecordService],
    };
  }
}
