import { telemetry } from './telemetry';
import { bootService } from '@crosscheck/runtime';
import { MatchingConfig } from './matching.config';
import { MatchingModule } from './matching.module';

void bootService(
  { name: 'matching', config: MatchingConfig, module: MatchingModule.forConfig, consumes: true },
  telemetry,
);
