import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@crosscheck/runtime';
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
      imports: [ServiceCoreModule.forService({ service: 'intake', config, migrations: [CreateRecords1763800000100] })],
      controllers: [ShareRecordHttpController, ReadRecordHttpController],
      providers: [RecordsRepository, ShareRecordService],
    };
  }
}
