import { DynamicModule, Module } from '@nestjs/common';
import {
  ApiKeyGuard,
  AuditHttpController,
  AuditLog,
  AuditedInterceptor,
  CREDENTIAL_STORE,
  WhoAmIHttpController,
} from '@crosscheck/auth';
import { ServiceCoreModule } from '@crosscheck/runtime';
import { AgenciesRepository } from './persistence/agencies.repository';
import { IntakeConfig } from './intake.config';
import { ManageAgenciesHttpController } from './manage-agencies/manage-agencies.http.controller';
import { ManageAgenciesService } from './manage-agencies/manage-agencies.service';
import { intakeMigrations } from './migrations';
import { ReadRecordHttpController } from './read-record/read-record.http.controller';
import { RecordsRepository } from './persistence/records.repository';
import { IdempotencyKeysRepository } from './persistence/idempotency-keys.repository';
import { RecordJourneyRepository } from './persistence/record-journey.repository';
import { RecordJourneyHttpController } from './record-journey/record-journey.http.controller';
import { ShareRecordHttpController } from './share-record/share-record.http.controller';
import { ShareRecordService } from './share-record/share-record.service';
import { ShareBatchHttpController } from './share-record/share-batch.http.controller';
import { ListRecordsHttpController } from './list-records/list-records.http.controller';
import { RecordAccess } from './persistence/record-access';
import { DisseminationAgencies } from './persistence/dissemination-agencies';
import { OperationTags } from './persistence/operation-tags';
import { RelationTargets } from './persistence/relation-targets';
import { OperationsMessageController } from './replicate-operations/operations.message.controller';
import { RecordEvents } from './persistence/record-events';
import { UpdateRecordHttpController } from './update-record/update-record.http.controller';
import { UpdateRecordService } from './update-record/update-record.service';
import { ExpireRecordsJob } from './withdraw-record/expire-records.job';
import { WithdrawRecordHttpController } from './withdraw-record/withdraw-record.http.controller';
import { WithdrawRecordService } from './withdraw-record/withdraw-record.service';

@Module({})
export class IntakeModule {
  static forConfig(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [ServiceCoreModule.forService({ service: 'intake', config, migrations: intakeMigrations })],
      controllers: [
        ShareBatchHttpController,
        ShareRecordHttpController,
        ListRecordsHttpController,
        ReadRecordHttpController,
        UpdateRecordHttpController,
        WithdrawRecordHttpController,
        ManageAgenciesHttpController,
        WhoAmIHttpController,
        AuditHttpController,
        RecordJourneyHttpController,
        OperationsMessageController,
      ],
      providers: [
        AgenciesRepository,
        { provide: CREDENTIAL_STORE, useExisting: AgenciesRepository },
        ApiKeyGuard,
        AuditLog,
        AuditedInterceptor,
        ManageAgenciesService,
        RecordAccess,
        DisseminationAgencies,
        OperationTags,
        RelationTargets,
        RecordEvents,
        RecordsRepository,
        IdempotencyKeysRepository,
        ShareRecordService,
        UpdateRecordService,
        WithdrawRecordService,
        ExpireRecordsJob,
        RecordJourneyRepository,
      ],
    };
  }
}
