import { telemetry } from './telemetry';
import { bootService } from '@crosscheck/runtime';
import { DedupConfig } from './dedup.config';
import { DedupModule } from './dedup.module';

void bootService({ name: 'dedup', config: DedupConfig, module: DedupModule.forConfig, consumes: true }, telemetry);
