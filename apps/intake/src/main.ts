import { telemetry } from './telemetry';
import { bootService } from '@crosscheck/runtime';
import { IntakeModule } from './intake.module';
import { IntakeConfig } from './intake.config';

void bootService({ name: 'intake', config: IntakeConfig, module: IntakeModule.forConfig, consumes: true }, telemetry);
