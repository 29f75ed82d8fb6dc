import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@crosscheck/runtime';
import { AlertingConfig } from './alerting.config';
import { AlertFeed } from './alerts/alert-feed';
import { AlertsHttpController } from './alerts/alerts.http.controller';
import { AlertsRepository } from './alerts/alerts.repository';
import { CreateAlerts1763800000400 } from './migrations/1763800000400-create-alerts';
import { RaiseAlertMessageController } from './raise-alert/raise-alert.message.controller';
import { RaiseAlertService } from './raise-alert/raise-alert.service';

@Module({})
export class AlertingModule {
  static forConfig(config: AlertingConfig): DynamicModule {
    return {
      module: AlertingModule,
      imports: [ServiceCoreModule.forService({ service: 'alerting', config, migrations: [CreateAlerts1763800000400] })],
      controllers: [RaiseAlertMessageController, AlertsHttpController],
      providers: [AlertsRepository, RaiseAlertService, AlertFeed],
    };
  }
}
