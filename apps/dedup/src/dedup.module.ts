import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@crosscheck/runtime';
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
      imports: [ServiceCoreModule.forService({ service: 'dedup', config, migrations: [CreateEntities1763800000200] })],
      controllers: [ResolveRecordMessageController],
      providers: [EntitiesRepository, ResolveRecordService],
    };
  }
}
