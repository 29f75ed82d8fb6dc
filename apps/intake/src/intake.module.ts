import { DynamicModule, Module } from '@nestjs/common';
import { CreateOutboxAndInbox1763800000000, MessagingModule } from '@crosscheck/messaging';
import { PersistenceModule } from '@crosscheck/persistence';
import { messagingSettingsFrom } from '@crosscheck/runtime';
import { createLogger, ObservabilityModule } from '@crosscheck/telemetry';
import { IntakeConfig } from './intake.config';
import { CreateRecords1763800000100 } from './migrations/1763800000100-create-records';
import { ReadRecordHttpController } from './read-record/read-record.http.controller';
import { RecordsRepository } from './records/records.repository';
import { ShareRecordHttpController } from './share-record/share-record.http.controller';
import { ShareRecordService } from './share-record/share-record.service';

@Module({})
export class IntakeModule {
  static forConfig(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [
        ObservabilityModule,
        PersistenceModule.forRoot(() => ({
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          applicationName: 'intake',
          migrate: config.DATABASE_MIGRATE,
          migrations: [CreateOutboxAndInbox1763800000000, CreateRecords1763800000100],
        })),
        MessagingModule.forRoot(() => messagingSettingsFrom('intake', config), createLogger('intake', config.LOG_LEVEL)),
      ],
      controllers: [ShareRecordHttpController, ReadRecordHttpController],
      providers: [{ provide: IntakeConfig, useValue: config }, RecordsRepository, ShareRecordService],
    };
  }
}
