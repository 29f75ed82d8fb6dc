import { DynamicModule, Module } from '@nestjs/common';
import { ApiKeyGuard, CREDENTIAL_STORE } from '@crosscheck/auth';
import { ServiceCoreModule } from '@crosscheck/runtime';
import { AgenciesRepository } from './agencies/agencies.repository';
import { AuditLog } from './audit/audit-log';
import { AuditedInterceptor } from './audit/audited.interceptor';
import { IntakeConfig } from './intake.config';
import { ManageAgenciesHttpController } from './manage-agencies/manage-agencies.http.controller';
import { ManageAgenciesService } from './manage-agencies/manage-agencies.service';
import { intakeMigrations } from './migrations';
import { ReadRecordHttpController } from './read-record/read-record.http.controller';
import { RecordsRepository } from './records/records.repository';
import { ShareRecordHttpController } from './share-record/share-record.http.controller';
import { ShareRecordService } from './share-record/share-record.service';

@Module({})
export class IntakeModule {
  static forConfig(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: [ServiceCoreModule.forService({ service: 'intake', config, migrations: intakeMigrations })],
      controllers: [ShareRecordHttpController, ReadRecordHttpController, ManageAgenciesHttpController],
      providers: [
        AgenciesRepository,
        { provide: CREDENTIAL_STORE, useExisting: AgenciesRepository },
        ApiKeyGuard,
        AuditLog,
        AuditedInterceptor,
        ManageAgenciesService,
        RecordsRepository,
        ShareRecordService,
      ],
    };
  }
}
