import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@crosscheck/runtime';
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
      imports: [ServiceCoreModule.forService({ service: 'matching', config, migrations: matchingMigrations })],
      controllers: [CheckEntityMessageController],
      providers: [ReferenceEntriesRepository, MatchesRepository, CheckEntityService],
    };
  }
}
