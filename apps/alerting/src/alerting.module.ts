import { DynamicModule, Module } from '@nestjs/common';
import {
  AuditHttpController,
  AuditLog,
  AuditLogChain1763800000910,
  AuditPending1763800000920,
  AuditLogDetail1763800000900,
  AuditedInterceptor,
  CreateAuditLog1763800000060,
  CredentialReplicaModule,
  credentialReplicaMigrations,
} from '@crosscheck/auth';
import { ServiceCoreModule } from '@crosscheck/runtime';
import { AlertingConfig } from './alerting.config';
import { AlertFeed } from './alerts/alert-feed';
import { AlertsHttpController } from './alerts/alerts.http.controller';
import { AlertsRepository } from './persistence/alerts.repository';
import { CreateAlerts1763800000400 } from './migrations/1763800000400-create-alerts';
import { SubscriptionsTriageWebhooks1763800000410 } from './migrations/1763800000410-subscriptions-triage-webhooks';
import { HitOutcomes1763800000420 } from './migrations/1763800000420-hit-outcomes';
import { HitNoHit1763800000460 } from './migrations/1763800000460-hit-no-hit';
import { DeadLetters1763800000470 } from './migrations/1763800000470-dead-letters';
import { JourneyLookups1763800000480 } from './migrations/1763800000480-journey-lookups';
import { BacklogCounts1763800000490 } from './migrations/1763800000490-backlog-counts';
import { NetworkLinks1763800000500 } from './migrations/1763800000500-network-links';
import { NetworkLinkRetraction1763800000505 } from './migrations/1763800000505-network-link-retraction';
import { RaiseNetworkLinkMessageController } from './raise-network-link/raise-network-link.message.controller';
import { RaiseNetworkLinkService } from './raise-network-link/raise-network-link.service';
import { BacklogMetrics } from './backlog-metrics/backlog.metrics';
import { RecordJourneyHttpController } from './record-journey/record-journey.http.controller';
import { DeadLettersHttpController } from './dead-letters/dead-letters.http.controller';
import { DeadLettersMessageController } from './dead-letters/dead-letters.message.controller';
import { DeadLettersService } from './dead-letters/dead-letters.service';
import { DeadLettersRepository } from './persistence/dead-letters.repository';
import { RaiseAlertMessageController } from './raise-alert/raise-alert.message.controller';
import { RaiseAlertService } from './raise-alert/raise-alert.service';
import { SubscriptionsHttpController } from './subscriptions/subscriptions.http.controller';
import { SubscriptionsRepository } from './persistence/subscriptions.repository';
import { SuppressionsRepository } from './persistence/suppressions.repository';
import { TriageHttpController } from './triage/triage.http.controller';
import { TriageService } from './triage/triage.service';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhooksHttpController } from './webhooks/webhooks.http.controller';
import { WebhooksRepository } from './persistence/webhooks.repository';
import { WithheldFindingsRepository } from './persistence/withheld-findings.repository';

const migrations = [
  ...credentialReplicaMigrations,
  CreateAuditLog1763800000060,
  CreateAlerts1763800000400,
  SubscriptionsTriageWebhooks1763800000410,
  HitOutcomes1763800000420,
  HitNoHit1763800000460,
  DeadLetters1763800000470,
  JourneyLookups1763800000480,
  BacklogCounts1763800000490,
  NetworkLinks1763800000500,
  NetworkLinkRetraction1763800000505,
  AuditLogDetail1763800000900,
  AuditLogChain1763800000910,
  AuditPending1763800000920,
];

@Module({})
export class AlertingModule {
  static forConfig(config: AlertingConfig): DynamicModule {
    return {
      module: AlertingModule,
      imports: [ServiceCoreModule.forService({ service: 'alerting', config, migrations }), CredentialReplicaModule],
      controllers: [
        RaiseAlertMessageController,
        RaiseNetworkLinkMessageController,
        AlertsHttpController,
        TriageHttpController,
        SubscriptionsHttpController,
        WebhooksHttpController,
        AuditHttpController,
        DeadLettersMessageController,
        DeadLettersHttpController,
        RecordJourneyHttpController,
      ],
      providers: [
        AuditLog,
        AuditedInterceptor,
        AlertsRepository,
        SubscriptionsRepository,
        SuppressionsRepository,
        WebhooksRepository,
        WithheldFindingsRepository,
        RaiseAlertService,
        RaiseNetworkLinkService,
        TriageService,
        AlertFeed,
        WebhookDispatcher,
        DeadLettersRepository,
        DeadLettersService,
        BacklogMetrics,
      ],
    };
  }
}
