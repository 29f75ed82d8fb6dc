import { telemetry } from './telemetry';
import { bootService } from '@crosscheck/runtime';
import { AlertingConfig } from './alerting.config';
import { AlertingModule } from './alerting.module';

void bootService(
  { name: 'alerting', config: AlertingConfig, module: AlertingModule.forConfig, consumes: true },
  telemetry,
);
