import { DynamicModule, Module } from '@nestjs/common';
import { CreateOutboxAndInbox1763800000000, MessagingModule } from '@crosscheck/messaging';
import { PersistenceModule } from '@crosscheck/persistence';
import { messagingSettingsFrom } from '@crosscheck/runtime';
import { createLogger, ObservabilityModule } from '@crosscheck/telemetry';
import { CheckEntityMessageController } from './check-entity/check-entity.message.controller';
import { CheckEntityService } from './check-entity/check-entity.service';
import { MatchesRepository } from './check-entity/matches.repository';
import { MatchingConfig } from './matching.config';
import { matchingMigrations } from './migrations';
import { ReferenceEntriesRepository } from './reference-data/reference-entries.repository';

@Module({})
export class MatchingModule {
  static forConfig(config: MatchingConfig): DynamicModule {
    return {
      module: MatchingModule,
      imports: [
        ObservabilityModule,
        PersistenceModule.forRoot(() => ({
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          applicationName: 'matching',
          migrate: config.DATABASE_MIGRATE,
          migrations: [CreateOutboxAndInbox1763800000000, ...matchingMigrations],
        })),
        MessagingModule.forRoot(() => messagingSettingsFrom('matching', config), createLogger('matching', config.LOG_LEVEL)),
      ],
      controllers: [CheckEntityMessageController],
      providers: [{ provide: MatchingConfig, useValue: config }, ReferenceEntriesRepository, MatchesRepository, CheckEntityService],
    };
  }
}
