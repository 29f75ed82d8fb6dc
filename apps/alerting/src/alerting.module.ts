import { DynamicModule, Module } from '@nestjs/common';
import { CreateOutboxAndInbox1763800000000, MessagingModule } from '@crosscheck/messaging';
import { PersistenceModule } from '@crosscheck/persistence';
import { messagingSettingsFrom } from '@crosscheck/runtime';
import { createLogger, ObservabilityModule } from '@crosscheck/telemetry';
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
      imports: [
        ObservabilityModule,
        PersistenceModule.forRoot(() => ({
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          applicationName: 'alerting',
          migrate: config.DATABASE_MIGRATE,
          migrations: [CreateOutboxAndInbox1763800000000, CreateAlerts1763800000400],
        })),
        MessagingModule.forRoot(() => messagingSettingsFrom('alerting', config), createLogger('alerting', config.LOG_LEVEL)),
      ],
      controllers: [RaiseAlertMessageController, AlertsHttpController],
      providers: [{ provide: AlertingConfig, useValue: config }, AlertsRepository, RaiseAlertService, AlertFeed],
    };
  }
}
